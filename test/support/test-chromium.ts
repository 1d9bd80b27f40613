// Headless Chromium for the tests, with the browser shell's flags (main/host/shells/chromium-flags.ts): WebGL on
// Mesa's llvmpipe as on a wall PC without a GPU; left to itself headless Chromium picks SwiftShader, on which a map
// frame takes seconds and a page with maps stops answering input (bench/map-surface.mjs measures both).
import { type Browser, chromium } from 'playwright-core';
import { QUIET_CHROMIUM_FLAGS, softwareGlFlags } from '../../main/host/shells/chromium-flags.js';

const TEST_CHROMIUM_ARGS = ['--no-sandbox', ...QUIET_CHROMIUM_FLAGS, ...softwareGlFlags('headless')];

export function launchTestChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...TEST_CHROMIUM_ARGS, ...extraArgs] });
}
