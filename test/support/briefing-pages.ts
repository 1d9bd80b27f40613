// Briefings in the end-to-end tests: one saved through a logged-in bridge client as a console would (queued in the
// host's outbox, followed until the hub applied it), and the check that wall pages show a scene's preset.
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { OutboxItem, OutboxView } from '../../src/contract/bridge.js';
import type { BriefingDraftInput } from '../../src/domain/briefing/briefing-schema.js';
import { DEMO_PRESETS } from '../../src/domain/presets/demo-presets.js';
import { call } from './bridge-client.js';
import { until } from './start-test-host.js';

/** `briefing.save` as a new briefing; throws unless the hub applied it. */
export async function saveBriefing(bridge: Socket, briefing: BriefingDraftInput): Promise<void> {
  const queued = await call(bridge, 'command', { name: 'briefing.save', args: { briefing, baseVersion: 0 } });
  if (!queued.ok) throw new Error(queued.error.message);
  const id = OutboxItem.parse(queued.result).id;
  const saved = await until('briefing saved', async () => {
    const view = await call(bridge, 'outbox', {});
    const item = view.ok ? OutboxView.parse(view.result).items.find((i) => i.id === id) : undefined;
    return item?.state === 'done' ? item : undefined;
  });
  const result = saved.result as { status?: string; message?: string } | undefined;
  if (result?.status !== 'applied') throw new Error(`briefing.save not applied: ${JSON.stringify(saved.result)}`);
}

/** The demo preset's tile ids on a surface, in order; undefined when the preset does not cover it. */
function presetTiles(presetId: string, surfaceId: string): string[] | undefined {
  return DEMO_PRESETS.find((p) => p.id === presetId)!.layouts[surfaceId]?.tiles.map((t) => t.id);
}

/** Every wall page the preset covers shows it (its grid's tiles, in order). */
export async function wallShows(walls: ReadonlyMap<string, Page>, presetId: string): Promise<void> {
  for (const [id, page] of walls) {
    const want = presetTiles(presetId, id);
    if (!want) continue;
    await page.waitForFunction(
      (tiles) =>
        JSON.stringify(
          [...document.querySelectorAll('.wall__grid [data-tile-id]')].map((e) => (e as HTMLElement).dataset.tileId),
        ) === JSON.stringify(tiles),
      want,
      { timeout: 20_000 },
    );
  }
}
