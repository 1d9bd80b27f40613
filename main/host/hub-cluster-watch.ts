// The host's view of every hub of its `--hub` list: each hub's /api/status polled in the background (a check under
// way is never started twice, and nothing here waits on the feed or holds it up); the embedded hub read directly.
import type { ConnectorStatusRow } from '../../src/contract/connector-status.js';
import type { HubView } from '../../src/contract/hub-cluster.js';
import type { HubStatus } from '../../src/contract/hub-protocol.js';
import { clusterConnectors, type HubCheck, viewOf } from '../../src/domain/hub-cluster/hub-check.js';
import type { Logger } from '../../platform/logger.js';
import { fetchHubStatus } from './hub-status-fetch.js';

const DEFAULT_INTERVAL_MS = 5000;
const DEFAULT_TIMEOUT_MS = 3000;

export interface HubClusterWatchOptions {
  urls: readonly string[];
  /** The embedded hub's own status: read at each look, never polled. */
  embedded?: () => HubStatus;
  /** The hub the feed is on now (null: none). */
  current: () => string | null;
  hubCa?: string;
  intervalMs?: number;
  timeoutMs?: number;
  logger: Logger;
  clock?: () => number;
}

export class HubClusterWatch {
  private readonly checks = new Map<string, HubCheck>();
  private readonly inFlight = new Set<string>();
  private readonly stopped = new AbortController();
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly clock: () => number;

  constructor(private readonly options: HubClusterWatchOptions) {
    this.clock = options.clock ?? Date.now;
    for (const url of options.urls) this.checks.set(url, { reach: 'pending' });
    if (options.embedded) return;
    this.pollAll();
    this.timer = setInterval(() => this.pollAll(), options.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Every hub in the order given, the one the feed is on marked. */
  views(): HubView[] {
    const current = this.options.current();
    return [...this.now()].map(([url, check]) => viewOf(url, check, current));
  }

  connectors(): ConnectorStatusRow[] | null {
    return clusterConnectors(this.now(), this.options.current());
  }

  close(): void {
    clearInterval(this.timer);
    this.stopped.abort();
  }

  private now(): ReadonlyMap<string, HubCheck> {
    const { embedded, urls } = this.options;
    if (!embedded) return this.checks;
    return new Map(urls.map((url) => [url, { reach: 'ok', at: this.clock(), status: embedded() }]));
  }

  private pollAll(): void {
    for (const url of this.options.urls) {
      if (this.inFlight.has(url)) continue;
      this.inFlight.add(url);
      void fetchHubStatus(url, {
        timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ca: this.options.hubCa,
        signal: this.stopped.signal,
        clock: this.clock,
      })
        .then((check) => this.record(url, check))
        .finally(() => this.inFlight.delete(url));
    }
  }

  private record(url: string, check: HubCheck): void {
    if (this.stopped.signal.aborted) return;
    const before = this.checks.get(url)?.reach;
    this.checks.set(url, check);
    if (check.reach !== before && !(before === 'pending' && check.reach === 'ok')) {
      const error = check.reach === 'ok' || check.reach === 'pending' ? undefined : check.error;
      this.options.logger.warn('hub status changed', { hub: url, from: before, to: check.reach, error });
    }
  }
}
