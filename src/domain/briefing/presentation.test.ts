import { describe, expect, it } from 'vitest';
import { BriefingPayload, BriefingStatePayload } from './briefing-schema.js';
import {
  currentScene,
  endBriefing,
  idleBriefingState,
  jumpBriefing,
  type PresentationOutcome,
  setBlack,
  setSpotlight,
  startBriefing,
  stepBriefing,
} from './presentation.js';

const by = { by: 'lanh.dao@phong-hop', at: 1000 };
const briefing = BriefingPayload.parse({
  id: 'giao-ban',
  name: 'Giao ban tháng 11',
  version: 1,
  updatedAt: 1,
  updatedBy: 'lanh.dao',
  scenes: ['tong-quan', 'kinh-te', 'nhiem-vu'].map((id) => ({ id, title: id, presetId: 'giao-ban-sang' })),
});

function ok(outcome: PresentationOutcome): BriefingStatePayload {
  if (!outcome.ok) throw new Error(outcome.message);
  return BriefingStatePayload.parse(outcome.state);
}

describe('presentation', () => {
  it('starts at the first scene, steps forward and back, and ends idle', () => {
    let s = ok(startBriefing(idleBriefingState(), briefing, 'giao-ban', undefined, by));
    expect([s.briefingId, s.sceneId, s.startedAt]).toEqual(['giao-ban', 'tong-quan', 1000]);
    s = ok(stepBriefing(s, briefing, 1, 'tong-quan', by));
    expect(currentScene(s, briefing)?.id).toBe('kinh-te');
    s = ok(stepBriefing(s, briefing, -1, undefined, by));
    expect(s.sceneId).toBe('tong-quan');
    expect(stepBriefing(s, briefing, -1, undefined, by)).toMatchObject({ ok: false, reason: 'invalid-state' });
    s = ok(endBriefing(s, by));
    expect(s.briefingId).toBeNull();
    expect(endBriefing(s, by)).toMatchObject({ ok: false, reason: 'invalid-state' });
  });

  it('refuses a step pressed on another scene than the one shown (a queued or doubled press)', () => {
    const s = ok(startBriefing(idleBriefingState(), briefing, 'giao-ban', 'kinh-te', by));
    expect(stepBriefing(s, briefing, 1, 'tong-quan', by)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('follows the scene by id when the scenes are reordered while presenting', () => {
    const s = ok(startBriefing(idleBriefingState(), briefing, 'giao-ban', 'kinh-te', by));
    const reordered = { ...briefing, version: 2, scenes: [...briefing.scenes].reverse() };
    expect(currentScene(s, reordered)?.id).toBe('kinh-te');
    expect(ok(stepBriefing(s, reordered, 1, undefined, by)).sceneId).toBe('tong-quan');
  });

  it('refuses to start what is missing, deleted or empty, and a jump to no scene', () => {
    const idle = idleBriefingState();
    expect(startBriefing(idle, undefined, 'x', undefined, by)).toMatchObject({ ok: false, reason: 'not-found' });
    const deleted = { ...briefing, deleted: true };
    expect(startBriefing(idle, deleted, 'giao-ban', undefined, by)).toMatchObject({ reason: 'not-found' });
    const empty = { ...briefing, scenes: [] };
    expect(startBriefing(idle, empty, 'giao-ban', undefined, by)).toMatchObject({ reason: 'invalid-state' });
    const s = ok(startBriefing(idle, briefing, 'giao-ban', undefined, by));
    expect(jumpBriefing(s, briefing, 'khong-co', by)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(ok(jumpBriefing(s, briefing, 'nhiem-vu', by)).sceneIndex).toBe(2);
  });

  it('a scene change clears black and the spotlight; a spotlight of a tile not on the wall is refused', () => {
    let s = ok(startBriefing(idleBriefingState(), briefing, 'giao-ban', undefined, by));
    s = ok(setBlack(s, true, by));
    expect(setBlack(s, true, by)).toMatchObject({ ok: false });
    const spot = { surfaceId: 'wall-1', tileId: 'map', scope: 'wall' as const };
    expect(setSpotlight(s, spot, () => false, by)).toMatchObject({ ok: false, reason: 'not-found' });
    s = ok(setSpotlight(s, spot, () => true, by));
    expect(s.spotlight).toEqual(spot);
    s = ok(stepBriefing(s, briefing, 1, undefined, by));
    expect([s.black, s.spotlight]).toEqual([false, null]);
    expect(setBlack(idleBriefingState(), true, by)).toMatchObject({ ok: false, reason: 'invalid-state' });
  });
});
