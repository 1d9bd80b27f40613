// How long a video tile waits before trying a lost source again: doubling from 1 s, never more than 10 s, so a
// camera that comes back is on the wall within ten seconds while a dead one is not hammered.

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 10_000;

/** Delay before retry number `attempt` (0 for the first retry after a loss). */
export function retryDelayMs(attempt: number): number {
  const exponent = Number.isFinite(attempt) ? Math.max(0, Math.min(Math.floor(attempt), 16)) : 0;
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** exponent);
}
