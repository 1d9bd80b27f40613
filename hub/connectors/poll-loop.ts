// The schedule of a polled connector (REST, CAP): run now, then every interval; after a failure wait twice as long
// each time, up to a cap, so a source that is down is not hammered; the status always says when the next run is.
import { z } from 'zod';
import type { ConnectorContext, RunningConnector } from './connector.js';

export const PollTiming = z.strictObject({
  /** Seconds between runs. */
  intervalS: z.number().positive().max(86_400),
  /** Longest wait after repeated failures, in seconds. */
  maxBackoffS: z.number().positive().max(86_400).default(3600),
  /** A request that takes longer is abandoned and counts as a failure. */
  timeoutS: z.number().positive().max(600).default(30),
});
export type PollTiming = z.infer<typeof PollTiming>;

export interface RunOutcome {
  accepted: number;
  refused: number;
}

/** Milliseconds until the next run after `failures` failures in a row. */
export function nextDelayMs(timing: PollTiming, failures: number): number {
  const base = timing.intervalS * 1000;
  return failures === 0 ? base : Math.min(base * 2 ** failures, Math.max(base, timing.maxBackoffS * 1000));
}

export function startPolling(
  timing: PollTiming,
  ctx: ConnectorContext,
  run: (signal: AbortSignal) => Promise<RunOutcome>,
): RunningConnector {
  const abort = new AbortController();
  let failures = 0;
  let accepted = 0;
  let refused = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const once = async (): Promise<void> => {
    const startedAt = ctx.now();
    let lastError: string | null = null;
    try {
      const outcome = await run(abort.signal);
      accepted += outcome.accepted;
      refused += outcome.refused;
      failures = 0;
    } catch (err) {
      if (abort.signal.aborted) return;
      failures += 1;
      lastError = err instanceof Error ? err.message : String(err);
      ctx.logger.warn('connector run failed', { error: lastError, failures });
    }
    const delay = nextDelayMs(timing, failures);
    ctx.report({ lastRunAt: startedAt, nextRunAt: ctx.now() + delay, accepted, refused, lastError });
    if (!abort.signal.aborted) timer = setTimeout(() => (running = once()), delay);
  };

  running = once();
  return {
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
