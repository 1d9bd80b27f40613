import { describe, expect, it } from 'vitest';
import { deleteBriefing, saveBriefing } from './briefing-versions.js';

const change = { by: 'lanh.dao@a', at: 5 };
const draft = { id: 'giao-ban', name: 'Giao ban', scenes: [] };

describe('briefing versions', () => {
  it('creates at version 1 from base 0, then refuses a save based on an older version', () => {
    const first = saveBriefing(undefined, draft, 0, change);
    if (!first.ok) throw new Error(first.message);
    expect(first.briefing).toMatchObject({ version: 1, updatedBy: 'lanh.dao@a' });
    const stale = saveBriefing(first.briefing, { ...draft, name: 'B' }, 0, change);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    expect(stale.message).toMatch(/briefing "giao-ban" is at version 1 by lanh.dao@a/);
  });

  it('deletes by marking, never the one on the wall', () => {
    const first = saveBriefing(undefined, draft, 0, change);
    if (!first.ok) throw new Error(first.message);
    expect(deleteBriefing(first.briefing, 'giao-ban', 1, 'giao-ban', change)).toMatchObject({
      ok: false,
      reason: 'invalid-state',
    });
    expect(deleteBriefing(first.briefing, 'giao-ban', 1, null, change)).toMatchObject({
      ok: true,
      briefing: { deleted: true, version: 2 },
    });
    expect(deleteBriefing(undefined, 'x', 0, null, change)).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
