import { describe, expect, it } from 'vitest';
import { HEARTBEAT_PERIOD_MS, HUNG_AFTER_MS, SILENT_AFTER_MS, START_GRACE_MS } from './heartbeat-timing.js';

describe('heartbeat timing', () => {
  it('calls a window silent only after missed beats, and before the watchdog restarts it', () => {
    expect(SILENT_AFTER_MS).toBeGreaterThanOrEqual(3 * HEARTBEAT_PERIOD_MS);
    expect(HUNG_AFTER_MS).toBeGreaterThan(SILENT_AFTER_MS);
    expect(START_GRACE_MS).toBeGreaterThan(HUNG_AFTER_MS);
  });
});
