import { describe, expect, it } from 'vitest';
import { demoPresets, demoWallState } from './demo-presets.js';
import { PresetPayload, WallStatePayload } from './preset-schema.js';
import { activatePreset, revertToSchedule, setSchedule } from './wall-state.js';

const presets = demoPresets(1000);
const presetOf = (id: string) => presets.find((p) => p.id === id);
const change = { by: 'an', at: 2000 };

describe('wall state', () => {
  it('the demo presets and state are valid payloads, with the three named presets', () => {
    for (const p of presets) expect(PresetPayload.parse(p)).toEqual(p);
    expect(presets.map((p) => p.name)).toEqual(['Giao ban sáng', 'Ứng phó khẩn cấp', 'Theo dõi nhiệm vụ']);
    expect(WallStatePayload.parse(demoWallState(1))).toEqual(demoWallState(1));
  });

  it('activates a known preset as an override and reverts to the schedule', () => {
    const state = demoWallState(1);
    expect(activatePreset(state, undefined, 'khong-co', change)).toMatchObject({ ok: false, reason: 'not-found' });
    const on = activatePreset(state, presetOf('ung-pho-khan-cap'), 'ung-pho-khan-cap', change);
    expect(on).toMatchObject({ ok: true, state: { override: { presetId: 'ung-pho-khan-cap', by: 'an' } } });
    const off = on.ok ? revertToSchedule(on.state, change) : on;
    expect(off).toMatchObject({ ok: true, state: { override: null } });
    expect(off.ok && revertToSchedule(off.state, change)).toMatchObject({ ok: false, reason: 'invalid-state' });
  });

  it('a deleted preset cannot be activated or scheduled', () => {
    const deleted = { ...presets[0]!, deleted: true, version: 2 };
    expect(activatePreset(demoWallState(1), deleted, deleted.id, change).ok).toBe(false);
    const entry = { presetId: deleted.id, days: [1], from: '07:00', to: '09:00' };
    const outcome = setSchedule(
      demoWallState(1),
      [entry],
      null,
      (id) => (id === deleted.id ? deleted : presetOf(id)),
      change,
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'not-found', message: `no preset ${deleted.id}` });
  });

  it('sets a schedule and keeps the fallback unless a new one is given', () => {
    const entry = { presetId: 'giao-ban-sang', days: [1, 2, 3, 4, 5], from: '07:30', to: '09:00' };
    const first = setSchedule(demoWallState(1), [entry], 'theo-doi-nhiem-vu', presetOf, change);
    expect(first).toMatchObject({ ok: true, state: { schedule: { fallbackPresetId: 'theo-doi-nhiem-vu' } } });
    const second = first.ok ? setSchedule(first.state, [], undefined, presetOf, change) : first;
    expect(second).toMatchObject({
      ok: true,
      state: { schedule: { entries: [], fallbackPresetId: 'theo-doi-nhiem-vu' } },
    });
  });
});
