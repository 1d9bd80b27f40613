// Which hub a host with several (`--hub URL1,URL2,…`) tries next, after how long, and the record of its moves.
// Pure: the feed client tells it what happened to each try; the clock and the jitter are given.
import type { HubFailoverStatus, HubMove, HubMoveReason } from '../../src/contract/host-status.js';

export interface HubFailure {
  reason: HubMoveReason;
  detail: string;
}

export interface NextTry {
  url: string;
  delayMs: number;
}

const BACKOFF_MS = 1000;
const BACKOFF_CAP_MS = 5000;
/** A hub that refused this host at its handshake writes an audit row per try: when all refused, not too often. */
const REFUSED_RETRY_MS = 10_000;

export class HubRotation {
  private index = 0;
  private connectedIndex: number | null = null;
  private lastConnectedIndex: number | null = null;
  /** Why the host lost the hub it was last on. */
  private leftBecause: HubFailure | null = null;
  /** Tries failed since the host was last on a hub (the loss of that hub counted as one). */
  private failedTries = 0;
  private refusedInRow = 0;
  private since: number | null = null;
  private lastMove: HubMove | null = null;

  constructor(
    private readonly hubs: readonly string[],
    private readonly random: () => number = Math.random,
  ) {
    if (hubs.length === 0) throw new Error('a hub rotation needs at least one hub');
  }

  /** The hub the host is on, or the one it is trying. */
  url(): string {
    return this.hubs[this.index]!;
  }

  /** The try succeeded: the host is on `url()` now. Returns the move when it changed hubs. */
  connected(now: number): HubMove | null {
    this.connectedIndex = this.index;
    this.failedTries = 0;
    this.refusedInRow = 0;
    this.since = now;
    const from = this.lastConnectedIndex;
    this.lastConnectedIndex = this.index;
    if (from === null || from === this.index) return null;
    const why = this.leftBecause ?? { reason: 'error', detail: '' };
    this.lastMove = { from: this.hubs[from]!, to: this.url(), at: now, reason: why.reason, detail: why.detail };
    return this.lastMove;
  }

  /**
   * The hub the host was on was lost, or a try failed: the next hub in turn, at once while some hub has not been
   * tried since the host was last on one, then with a growing, jittered backoff (a full round failed: all down).
   */
  failed(failure: HubFailure): NextTry {
    if (this.connectedIndex !== null) {
      this.leftBecause = failure;
      this.connectedIndex = null;
    }
    this.failedTries++;
    this.refusedInRow = failure.reason === 'refused' ? this.refusedInRow + 1 : 0;
    this.index = (this.index + 1) % this.hubs.length;
    const rounds = Math.floor(this.failedTries / this.hubs.length);
    if (rounds === 0) return { url: this.url(), delayMs: 0 };
    const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_MS * 2 ** (rounds - 1) * (0.5 + this.random()));
    const allRefused = this.refusedInRow >= this.hubs.length;
    return { url: this.url(), delayMs: Math.round(allRefused ? Math.max(backoff, REFUSED_RETRY_MS) : backoff) };
  }

  status(): HubFailoverStatus {
    return {
      hubs: [...this.hubs],
      current: this.connectedIndex === null ? null : this.hubs[this.connectedIndex]!,
      since: this.connectedIndex === null ? null : this.since,
      lastMove: this.lastMove,
    };
  }
}
