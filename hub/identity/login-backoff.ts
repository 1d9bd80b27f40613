// How long a login name is locked after repeated failures: from the fifth failure 30 s, doubling with each
// further failure, at most 15 minutes. Long enough to make guessing online hopeless (a few hundred guesses a
// day), short enough that an operator who mistyped gets back in during a shift. Failures older than a day are
// forgotten, so an occasional typo never adds up to a lock.
const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
export const FAILURE_MEMORY_MS = 24 * 3_600_000;

/** The lock that follows the `failures`-th consecutive failure (0: none). */
export function lockDurationMs(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(failures - FAILURES_BEFORE_LOCK, 16), MAX_LOCK_MS);
}
