// A topic's (or one key's) recent history for charts and sparklines: the host's cached history first (bridge
// call `history`), then the live feed events of the same topic/key appended as the session takes them in. Loaded
// again after a reconnection (the feed is not replayed to pages) and after a resync of the topic (its log started
// again).
import { useEffect, useState } from 'react';
import type { Envelope, KnownTopic } from '../../src/contract/hub-protocol.js';
import { useSession } from './session-context';
import { wallProbe } from './wall-probe';

export interface HistoryQuery {
  readonly topic: KnownTopic;
  /** One key, or every key of the topic. */
  readonly key?: string | undefined;
  /** How far back, from now. */
  readonly windowMs: number;
  /** Most events held (newest kept); also what is asked of the host. */
  readonly limit: number;
}

export interface HistoryState {
  /** Oldest first, by offset. */
  readonly events: readonly Envelope[];
  readonly status: 'loading' | 'ready' | 'error';
  readonly error: string | null;
}

const LOADING: HistoryState = { events: [], status: 'loading', error: null };

/**
 * Appends the events of `incoming` that match and are newer than everything held, oldest first, keeping at most
 * `limit`. Returns `held` itself when nothing was added, so callers can skip a render.
 */
export function appendEvents(
  held: readonly Envelope[],
  incoming: readonly Envelope[],
  matches: (e: Envelope) => boolean,
  limit: number,
): readonly Envelope[] {
  const last = held.at(-1)?.offset ?? 0;
  const fresh = incoming.filter((e) => matches(e) && e.offset > last);
  if (fresh.length === 0) return held;
  fresh.sort((a, b) => a.offset - b.offset);
  // The feed never repeats an offset within a batch, but a batch replayed over history could.
  const unique = fresh.filter((e, i) => i === 0 || e.offset !== fresh[i - 1]?.offset);
  const next = [...held, ...unique];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Benchmark hook: each live event a chart applies, with its source time. A no-op unless the harness is present. */
function reportToProbe(held: readonly Envelope[], next: readonly Envelope[]): void {
  const probe = wallProbe();
  if (!probe) return;
  const last = held.at(-1)?.offset ?? 0;
  for (let i = next.length - 1; i >= 0; i--) {
    const e = next[i];
    if (!e || e.offset <= last) break;
    probe.data(`${e.topic}/${e.key}`, e.time);
  }
}

export function useHistory(query: HistoryQuery): HistoryState {
  const session = useSession();
  const [state, setState] = useState<HistoryState>(LOADING);
  const { topic, key, windowMs, limit } = query;

  useEffect(() => {
    const client = session.client;
    const matches = (e: Envelope): boolean => e.topic === topic && (key === undefined || e.key === key);
    let held: readonly Envelope[] = [];
    // Feed events that arrive while the history call is out: appended after its answer, which may predate them.
    let pending: Envelope[] | null = null;
    let alive = true;
    setState(LOADING);

    const load = async (): Promise<void> => {
      pending = [];
      try {
        // The window is measured on the host's clock, which stamps the cache; as of T, it ends at T.
        const { clockOffsetMs, timeCursor } = session.getSnapshot();
        const until = timeCursor.asOf ?? undefined;
        const since = Math.max(0, Math.round((until ?? Date.now() + clockOffsetMs) - windowMs));
        const history = await client.call('history', {
          topic,
          since,
          limit,
          until,
          ...(key === undefined ? {} : { key }),
        });
        if (!alive) return;
        held = appendEvents(appendEvents([], history, matches, limit), pending, matches, limit);
        setState({ events: held, status: 'ready', error: null });
      } catch (err) {
        if (!alive) return;
        // What was held stays on the chart; the tile says the history is missing.
        setState({ events: held, status: 'error', error: err instanceof Error ? err.message : String(err) });
      } finally {
        pending = null;
      }
    };

    const offFeed = session.onFeed((batch) => {
      if (pending) {
        pending.push(...batch);
        return;
      }
      const next = appendEvents(held, batch, matches, limit);
      if (next === held) return;
      reportToProbe(held, next);
      held = next;
      setState((s) => ({ ...s, events: held }));
    });
    const offConnection = client.onConnection((c) => {
      if (c.state === 'connected') void load();
    });
    const offResync = client.on('resync', (r) => {
      if (r.topic === topic) {
        held = [];
        void load();
      }
    });
    // The wall jumped to another time (or back to live): the history ends there now.
    const offCursor = client.on('timeCursor', ({ jump }) => {
      if (jump) {
        held = [];
        void load();
      }
    });
    if (client.status.state === 'connected') void load();
    return () => {
      alive = false;
      offFeed();
      offConnection();
      offResync();
      offCursor();
    };
  }, [session, topic, key, windowMs, limit]);

  return state;
}
