import { describe, expect, it } from 'vitest';
import { BriefingDraft, briefingInProgress, Scene } from './briefing-schema.js';
import { idleBriefingState } from './presentation.js';

const scene = { id: 's1', title: 'Tổng quan', presetId: 'giao-ban-sang' };

describe('briefing schema', () => {
  it('fills a scene: no focus, no notes, manual advance, live', () => {
    expect(Scene.parse(scene)).toEqual({ ...scene, focus: [], notes: '', durationS: null });
  });

  it('refuses a backwards chart range, an unknown province, two focuses of one tile, two scenes of one id', () => {
    const tile = { surfaceId: 'wall-1', tileId: 't' };
    const bad = [
      { ...scene, focus: [{ kind: 'chart', ...tile, from: 5, to: 5 }] },
      { ...scene, focus: [{ kind: 'map', ...tile, provinces: ['99'] }] },
      {
        ...scene,
        focus: [
          { kind: 'kpi', ...tile },
          { kind: 'map', ...tile, provinces: ['01'] },
        ],
      },
      { ...scene, durationS: 0 },
    ];
    for (const s of bad) expect(Scene.safeParse(s).success).toBe(false);
    expect(BriefingDraft.safeParse({ id: 'b', name: 'B', scenes: [scene, scene] }).success).toBe(false);
    expect(BriefingDraft.safeParse({ id: 'B!', name: 'B', scenes: [] }).success).toBe(false);
  });

  it('says a briefing holds the wall only while one is presented', () => {
    expect(briefingInProgress(null)).toBe(false);
    expect(briefingInProgress(idleBriefingState())).toBe(false);
    expect(briefingInProgress({ ...idleBriefingState(), briefingId: 'b' })).toBe(true);
  });
});
