import { describe, expect, it } from 'vitest';
import { BriefingDraft } from '../../../src/domain/briefing/briefing-schema.js';
import { addScene, moveScene, newBriefingDraft, removeScene, updateScene } from './briefing-draft';
import { presenterAction } from './presenter-keys';

const titles = (d: ReturnType<typeof newBriefingDraft>) => d.briefing.scenes.map((s) => s.title);

describe('briefing draft', () => {
  it('adds scenes with ids of their own, reorders, updates and removes them, and stays a valid draft', () => {
    let d = newBriefingDraft('giao-ban', 'Giao ban');
    for (const t of ['A', 'B', 'C']) d = addScene(d, 'giao-ban-sang', t);
    expect(d.briefing.scenes.map((s) => s.id)).toEqual(['canh-1', 'canh-2', 'canh-3']);
    d = moveScene(d, 2, 0);
    expect(titles(d)).toEqual(['C', 'A', 'B']);
    d = moveScene(d, 0, 99);
    expect(titles(d)).toEqual(['A', 'B', 'C']);
    expect(moveScene(d, 1, 1)).toBe(d);
    d = removeScene(d, 0);
    d = addScene(d, 'giao-ban-sang', 'D');
    expect(new Set(d.briefing.scenes.map((s) => s.id)).size).toBe(3);
    d = updateScene(d, 0, { notes: 'Ghi chú', durationS: 30 });
    expect(d.briefing.scenes[0]).toMatchObject({ title: 'B', notes: 'Ghi chú', durationS: 30 });
    expect(BriefingDraft.safeParse(d.briefing).success).toBe(true);
  });
});

describe('presenter keys', () => {
  it('maps a clicker and the keyboard to next, previous and black', () => {
    expect(['PageDown', 'ArrowRight', 'PageUp', 'ArrowLeft', 'b', 'B', 'Enter'].map(presenterAction)).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'black',
      'black',
      null,
    ]);
  });
});
