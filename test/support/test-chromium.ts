// Headless Chromium for the tests, drawing WebGL the way a wall PC without a GPU does in the browser shell: Mesa's
// llvmpipe through ANGLE. Headless has no X display, so ANGLE's GL backend goes through EGL (`gl-egl`); left to
// itself headless Chromium picks SwiftShader, on which a map frame takes seconds and a page with maps stops
// answering input (bench/map-surface.mjs measures both).
import { type Browser, chromium } from 'playwright-core';

export const TEST_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=gl-egl',
  '--ignore-gpu-blocklist',
];

export function launchTestChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...TEST_CHROMIUM_ARGS, ...extraArgs] });
}
