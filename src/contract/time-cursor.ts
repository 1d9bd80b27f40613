// The wall's one time cursor: live, or "as of T" for every surface at once. A host-level state set from the
// console (bridge call `timeCursor`), so that it works offline from the host's cache; each change is also queued to
// the hub as the audit-only command `wall.timeCursor`, so the trail says who showed the wall at which time.
import { z } from 'zod';

/** Replay speeds offered: T moves this many seconds per second. */
export const REPLAY_SPEEDS = [1, 10, 60, 600, 3600] as const;

const Instant = z.number().int().nonnegative();

/** What the console asks: a time (null: back to live), and optionally to replay from it at ×speed. */
export const TimeCursorRequest = z
  .object({
    asOf: Instant.nullable(),
    replaySpeed: z.number().int().min(1).max(3600).nullable().default(null),
  })
  .strict();
export type TimeCursorRequest = z.infer<typeof TimeCursorRequest>;

export const TimeCursorState = z.object({
  /** null: live. */
  asOf: Instant.nullable(),
  replaySpeed: z.number().int().positive().nullable(),
  /** Oldest event time the cache holds (null: no history at all): before it, the cache cannot show T. */
  heldFrom: Instant.nullable(),
});
export type TimeCursorState = z.infer<typeof TimeCursorState>;

export const LIVE: TimeCursorState = { asOf: null, replaySpeed: null, heldFrom: null };

/** The host's event: the new state, and whether pages must repaint from it (a jump) or only advance (a replay tick). */
export const TimeCursorChange = z.object({ state: TimeCursorState, jump: z.boolean() });
export type TimeCursorChange = z.infer<typeof TimeCursorChange>;

/** The cache holds T when its history reaches back to T. */
export function cacheHolds(state: TimeCursorState): boolean {
  return state.asOf === null || (state.heldFrom !== null && state.heldFrom <= state.asOf);
}
