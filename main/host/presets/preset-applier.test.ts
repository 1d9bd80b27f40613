import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../platform/logger.js';
import type { LayoutChange } from '../../../src/contract/bridge.js';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import { defaultSurfaces } from '../../../src/domain/default-wall.js';
import { demoPresetEvents } from '../../../src/domain/presets/demo-presets.js';
import type { PresetPayload, WallStatePayload } from '../../../src/domain/presets/preset-schema.js';
import { SurfaceRegistry } from '../surface-registry.js';
import { PresetApplier } from './preset-applier.js';

const MONITORS = [
  { id: 'a', name: 'A', x: 0, y: 0, width: 1920, height: 1080, primary: true },
  { id: 'b', name: 'B', x: 1920, y: 0, width: 1920, height: 1080, primary: false },
];
/** Monday 2026-11-23, 08:00 in Việt Nam. */
const MONDAY_8 = Date.UTC(2026, 10, 23, 1, 0);

function setup() {
  const surfaces = new SurfaceRegistry();
  surfaces.set(defaultSurfaces(MONITORS));
  const defaults = surfaces.all().map((s) => s.layout);
  const sent: LayoutChange[] = [];
  let now = MONDAY_8;
  const applier = new PresetApplier({
    surfaces,
    emit: (c) => sent.push(c),
    logger: createLogger('test', 'error'),
    clock: () => now,
    tickMs: 60_000,
  });
  let offset = 0;
  const events = (list: Array<Omit<Envelope, 'offset'>>): Envelope[] => list.map((e) => ({ ...e, offset: ++offset }));
  const state = (patch: Partial<WallStatePayload>): Envelope[] =>
    events([
      {
        topic: 'wall.state',
        key: 'wall',
        source: 't',
        time: now,
        payload: {
          schedule: { entries: [], fallbackPresetId: null },
          override: null,
          updatedAt: now,
          updatedBy: 't',
          ...patch,
        },
      },
    ]);
  const preset = (p: PresetPayload): Envelope[] =>
    events([{ topic: 'wall.presets', key: p.id, source: 't', time: now, payload: p }]);
  return { surfaces, defaults, sent, applier, state, preset, events, setNow: (t: number) => (now = t) };
}

const tiles = (r: SurfaceRegistry) => r.all().map((s) => s.layout.tiles.map((t) => t.id)[0]);

describe('preset applier', () => {
  it('applies an override to the surfaces it covers, tells only those that change, and reverts', () => {
    const { surfaces, defaults, sent, applier, state, events } = setup();
    applier.start(events(demoPresetEvents(1)));
    expect(sent).toEqual([]);
    applier.ingest(state({ override: { presetId: 'ung-pho-khan-cap', at: 1, by: 'an' } }));
    expect(tiles(surfaces)).toEqual(['emerg-alerts', 'emerg-alerts-active']);
    expect(sent.map((c) => [c.surfaceId, c.presetId, c.version])).toEqual([
      ['wall-1', 'ung-pho-khan-cap', 1],
      ['wall-2', 'ung-pho-khan-cap', 1],
    ]);
    expect(applier.status()).toMatchObject({ activePresetId: 'ung-pho-khan-cap', override: true, source: 'override' });
    applier.ingest(state({ override: null }));
    expect(surfaces.all().map((s) => s.layout)).toEqual(defaults);
    expect(sent.slice(-2).map((c) => c.presetId)).toEqual([null, null]);
    applier.close();
  });

  it('follows the schedule as time passes, and passes over a deleted preset', () => {
    const { surfaces, applier, state, events, preset, setNow } = setup();
    applier.start(events(demoPresetEvents(1)));
    applier.ingest(
      state({
        schedule: {
          entries: [{ presetId: 'giao-ban-sang', days: [1, 2, 3, 4, 5], from: '07:30', to: '09:00' }],
          fallbackPresetId: 'theo-doi-nhiem-vu',
        },
      }),
    );
    expect(applier.status()).toMatchObject({
      activePresetId: 'giao-ban-sang',
      source: 'schedule',
      nextChange: { at: Date.UTC(2026, 10, 23, 2, 0), presetId: 'theo-doi-nhiem-vu' },
    });
    setNow(Date.UTC(2026, 10, 23, 2, 0));
    applier.apply();
    expect(applier.status()).toMatchObject({ activePresetId: 'theo-doi-nhiem-vu', source: 'fallback' });
    expect(tiles(surfaces)).toEqual(['follow-tasks', 'follow-disb']);
    const deleted = demoPresetEvents(1).find((e) => e.key === 'theo-doi-nhiem-vu')!.payload as PresetPayload;
    applier.ingest(preset({ ...deleted, version: 2, deleted: true, undoTo: 1 }));
    expect(applier.status()).toMatchObject({ activePresetId: null, source: 'none', presets: 2 });
    // An older version arriving late changes nothing.
    applier.ingest(preset({ ...deleted, version: 1 }));
    expect(applier.status().activePresetId).toBeNull();
    applier.close();
  });

  it('shows an alarm response’s preset on the monitors it names only, and the wall’s own again when it ends', () => {
    const { surfaces, sent, applier, state, events } = setup();
    applier.start(events(demoPresetEvents(1)));
    applier.ingest(state({ override: { presetId: 'giao-ban-sang', at: 1, by: 'an' } }));
    const responses = (active: unknown[]) =>
      events([
        {
          topic: 'wall.responses',
          key: 'wall',
          source: 'system:choreographer',
          time: 2,
          payload: { active, cancelled: [], heldByBriefing: false, updatedAt: 2, updatedBy: 'system:choreographer' },
        },
      ]);
    const lu = {
      alarmId: 'lu:46',
      ruleId: 'lu',
      priority: 'emergency',
      title: 'Lũ',
      province: '46',
      activatedAt: 2,
      response: { kind: 'show-preset', presetId: 'ung-pho-khan-cap', monitors: ['b'] },
      revertAt: null,
    };
    applier.ingest(responses([lu]));
    expect(tiles(surfaces)).toEqual(['brief-gdp', 'emerg-alerts-active']);
    expect(sent.at(-1)).toMatchObject({ surfaceId: 'wall-2', presetId: 'ung-pho-khan-cap' });
    applier.ingest(responses([]));
    expect(tiles(surfaces)).toEqual(['brief-gdp', 'brief-tasks']);
  });

  it('shows a briefing scene over the override with its focus, and gives the override back when it ends', () => {
    const { surfaces, sent, applier, state, events } = setup();
    applier.start(events(demoPresetEvents(1)));
    applier.ingest(state({ override: { presetId: 'ung-pho-khan-cap', at: 1, by: 'an' } }));
    const briefing = {
      id: 'giao-ban',
      name: 'Giao ban',
      version: 1,
      updatedAt: 1,
      updatedBy: 'lanh.dao',
      scenes: [
        {
          id: 's1',
          title: 'Kinh tế',
          presetId: 'giao-ban-sang',
          focus: [{ kind: 'kpi', surfaceId: 'wall-1', tileId: 'brief-cpi' }],
          notes: '',
          durationS: null,
        },
      ],
    };
    const presenting = {
      briefingId: 'giao-ban',
      sceneIndex: 0,
      sceneId: 's1',
      startedAt: 2,
      sceneAt: 2,
      black: false,
      spotlight: null,
      updatedAt: 2,
      updatedBy: 'lanh.dao',
    };
    const at = (topic: 'briefing.briefings' | 'briefing.state', key: string, payload: unknown) =>
      events([{ topic, key, source: 't', time: 2, payload }]);
    applier.ingest([...at('briefing.briefings', 'giao-ban', briefing), ...at('briefing.state', 'wall', presenting)]);
    expect(tiles(surfaces)).toEqual(['brief-gdp', 'brief-tasks']);
    const wall1 = surfaces.all()[0]!.layout.tiles;
    expect(wall1.find((t) => t.id === 'brief-cpi')?.focus).toEqual({ kind: 'kpi' });
    expect(wall1.filter((t) => t.focus).length).toBe(1);
    expect(sent.at(-2)).toMatchObject({ surfaceId: 'wall-1', presetId: 'giao-ban-sang' });
    applier.ingest(at('briefing.state', 'wall', { ...presenting, briefingId: null, sceneId: null }));
    expect(tiles(surfaces)).toEqual(['emerg-alerts', 'emerg-alerts-active']);
    expect(applier.status()).toMatchObject({ activePresetId: 'ung-pho-khan-cap', override: true });
    applier.close();
  });
});
