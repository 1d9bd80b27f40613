import { describe, expect, it } from 'vitest';
import { openHubDatabaseFile } from '../hub-database.js';
import { EventLog } from '../event-log.js';
import { presetStoreProblem } from './store-limits.js';

const preset = (id: string, deleted = false) => ({
  topic: 'wall.presets' as const,
  key: id,
  source: 't',
  time: 1,
  payload: { id, name: id, layouts: {}, version: 1, updatedAt: 1, updatedBy: 't', undoTo: null, deleted },
});

describe('preset store limits', () => {
  const limits = { presets: 2, presetIds: 3, presetBytes: 10_000 };

  it('refuses a new preset once the hub holds the limit, but lets the ones there change', () => {
    const log = new EventLog(openHubDatabaseFile(null));
    log.append([preset('a'), preset('b')]);
    expect(presetStoreProblem(log, 'c', 100, limits)).toMatch(/holds 2 presets, its limit: delete one first/);
    expect(presetStoreProblem(log, 'a', 100, limits)).toBeUndefined();
  });

  it('counts deleted presets as ids (they can be restored) but not as presets', () => {
    const log = new EventLog(openHubDatabaseFile(null));
    log.append([preset('a'), preset('b', true)]);
    expect(presetStoreProblem(log, 'c', 100, limits)).toBeUndefined();
    log.append([preset('c', true)]);
    expect(presetStoreProblem(log, 'd', 100, limits)).toMatch(/3 preset ids \(deleted ones included\)/);
    expect(presetStoreProblem(log, 'b', 0, limits)).toBeUndefined();
    log.append([preset('e')].map((e) => ({ ...e, key: 'b', payload: { ...e.payload, id: 'b' } })));
    expect(presetStoreProblem(log, 'c', 0, limits)).toMatch(/holds 2 presets/);
  });

  it('refuses what would take the presets over their size in bytes', () => {
    const log = new EventLog(openHubDatabaseFile(null));
    log.append([preset('a')]);
    expect(presetStoreProblem(log, 'a', 9_000, limits)).toBeUndefined();
    expect(presetStoreProblem(log, 'a', 9_990, limits)).toMatch(/more than 0.01 MB/);
  });
});
