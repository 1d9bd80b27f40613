// One page's session with the host: says hello on every (re)connection, keeps the latest values and the feed
// state up to date from the bridge's events, and exposes both as external stores for React.
import type {
  BridgeEvent,
  BridgeRequest,
  HelloResponse,
  LayoutChange,
  LoginResult,
} from '../../src/contract/bridge.js';
import type { LoginRequest, Person } from '../../src/contract/people.js';
import type { Surface } from '../../src/contract/wall.js';
import type { FeedStatus } from '../../src/contract/host-status.js';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { BridgeCallError, type BridgeClient, type BridgeConnection } from '../bridge/bridge-client';
import { RateCoalescer } from '../../src/timing/rate-coalescer.js';
import { LIVE, type TimeCursorState } from '../../src/contract/time-cursor.js';
import { LatestStore } from './latest-store';
import { pageTimers } from './page-timers';

export interface SessionSnapshot {
  readonly connection: BridgeConnection;
  /** The last hello answer (its `latest` already went into the LatestStore). */
  readonly hello: Omit<HelloResponse, 'latest'> | null;
  /** Why the last hello failed, while it has not succeeded since. */
  readonly helloError: BridgeCallError | null;
  readonly feed: FeedStatus | null;
  /** Host clock minus this machine's clock, estimated at hello: ages are measured on the host's clock. */
  readonly clockOffsetMs: number;
  /** Who is logged in on this page (a console page only). */
  readonly person: Person | null;
  /** Why the last person's session ended, until someone logs in again. */
  readonly personEnded: PersonEnd | null;
  /** The wall's time cursor: live, or the time every figure of the page is shown as of. */
  readonly timeCursor: TimeCursorState;
}

/** Why a session ended, as the login page says it: the host's reasons and the console's own idle lock. */
export type PersonEnd = NonNullable<BridgeEvent<'person'>['reason']> | 'idle';

/** Where a console page keeps its resume handle across reloads (sessionStorage: this tab only). */
export interface ResumeStore {
  get(): string | null;
  set(handle: string): void;
  clear(): void;
}

const HELLO_RETRY_MS = 3000;

/**
 * The page takes in feed events at most this often, all that arrived since in one go: a live topic of many keys
 * then costs one picture update per interval instead of one per event (a frame of a wall costs raster and
 * compositing however little changed in it). The host sends at most every 66 ms (FeedBroadcast), so this rarely
 * delays anything; it bounds a page that gets events from a burst. The first event after a quiet spell is taken
 * in at once.
 */
export const FEED_INTAKE_INTERVAL_MS = 50;

type FeedListener = (batch: readonly Envelope[]) => void;

export class Session {
  readonly latest = new LatestStore();
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: Array<() => void> = [];
  /** Feed batches that arrive while hello is in flight: re-applied over hello's picture, which may predate them. */
  private pending: Envelope[][] | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Feed events received and not yet taken in (see FEED_INTAKE_INTERVAL_MS). */
  private received: Envelope[] = [];
  private readonly intake = new RateCoalescer(() => this.takeIn(), {
    intervalMs: FEED_INTAKE_INTERVAL_MS,
    timers: pageTimers,
  });
  private readonly feedListeners = new Set<FeedListener>();

  constructor(
    readonly client: BridgeClient,
    private readonly helloRequest: BridgeRequest<'hello'>,
    private readonly resumeStore?: ResumeStore,
  ) {
    this.snapshot = {
      connection: client.status,
      hello: null,
      helloError: null,
      feed: null,
      clockOffsetMs: 0,
      person: null,
      personEnded: null,
      timeCursor: LIVE,
    };
  }

  /** Logs a person in on this page; the host keeps the session, the page keeps only the resume handle. */
  async login(request: LoginRequest): Promise<LoginResult> {
    const result = await this.client.call('login', request);
    if (result.ok) {
      this.resumeStore?.set(result.resume);
      this.update({ person: result.person, personEnded: null });
    }
    return result;
  }

  /** Logs the person out (here, or everywhere); `why` is what the login page then says. */
  async logout(everywhere: boolean, why: PersonEnd = 'logged-out'): Promise<void> {
    this.resumeStore?.clear();
    this.update({ person: null, personEnded: why });
    await this.client.call('logout', { everywhere });
  }

  start(): void {
    this.unsubscribe.push(
      this.client.onConnection((connection) => {
        this.update({ connection });
        if (connection.state === 'connected') void this.sayHello();
      }),
      this.client.on('feed', (batch) => {
        // A page pinned to a time (a briefing pack's scene) takes nothing live.
        if (this.helloRequest.asOf !== undefined) return;
        for (const event of batch) this.received.push(event);
        this.intake.request();
      }),
      this.client.on('feedState', (feed) => this.update({ feed })),
      // The host started a topic again from a hub snapshot: repaint from its new picture (what was received
      // before is taken in first, so nothing older arrives after the new picture).
      this.client.on('resync', () => {
        this.takeIn();
        void this.sayHello();
      }),
      this.client.on('layout', (change) => this.applyLayout(change)),
      // A jump repaints from the host's picture at the new time; a replay tick's events came as feed before it.
      this.client.on('timeCursor', ({ state, jump }) => {
        if (this.helloRequest.asOf !== undefined) return;
        this.takeIn();
        this.update({ timeCursor: state });
        if (jump) void this.sayHello();
      }),
      this.client.on('cameras', (cameras) => {
        const hello = this.snapshot.hello;
        if (hello) this.update({ hello: { ...hello, cameras } });
      }),
      this.client.on('person', ({ person, reason }) => {
        if (!person) this.resumeStore?.clear();
        this.update({ person, personEnded: person ? null : (reason ?? 'logged-out') });
      }),
    );
    this.client.connect();
  }

  stop(): void {
    this.closed = true;
    this.intake.dispose();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const off of this.unsubscribe.splice(0)) off();
    this.client.close();
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Feed events as the page takes them in: batches in offset order per topic, at most one per intake interval. */
  onFeed(listener: FeedListener): () => void {
    this.feedListeners.add(listener);
    return () => this.feedListeners.delete(listener);
  }

  private takeIn(): void {
    if (this.received.length === 0) return;
    const batch = this.received;
    this.received = [];
    this.pending?.push(batch);
    this.latest.apply(batch);
    for (const listener of this.feedListeners) listener(batch);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async sayHello(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.pending = [];
    const sentAt = Date.now();
    try {
      const resume = this.resumeStore?.get() ?? undefined;
      const request = resume === undefined ? this.helloRequest : { ...this.helloRequest, resume };
      const { latest, ...hello } = await this.client.call('hello', request);
      // A handle the host no longer knows (it restarted, or the session ran out while the page was away).
      if (resume !== undefined && !hello.person) this.resumeStore?.clear();
      const receivedAt = Date.now();
      this.latest.reset(latest);
      for (const batch of this.pending) this.latest.apply(batch);
      this.update({
        hello,
        helloError: null,
        feed: hello.feed,
        clockOffsetMs: hello.serverTime - (sentAt + receivedAt) / 2,
        person: hello.person,
        timeCursor: hello.timeCursor ?? LIVE,
      });
    } catch (err) {
      const error = err instanceof BridgeCallError ? err : new BridgeCallError('failed', 'hello', String(err));
      this.update({ helloError: error });
      // A refused or timed-out hello is retried while connected; a reconnection says hello anyway.
      if (!this.closed && error.code !== 'disconnected') {
        this.retryTimer = setTimeout(() => {
          if (this.client.status.state === 'connected') void this.sayHello();
        }, HELLO_RETRY_MS);
      }
    } finally {
      this.pending = null;
    }
  }

  /** A surface's new layout (a preset switch): the wall swaps its grid in place, without a reload or a hello. */
  private applyLayout(change: LayoutChange): void {
    const hello = this.snapshot.hello;
    if (!hello) return;
    const swap = (s: Surface): Surface => (s.id === change.surfaceId ? { ...s, layout: change.layout } : s);
    this.update({
      hello: { ...hello, surface: hello.surface && swap(hello.surface), surfaces: hello.surfaces.map(swap) },
    });
  }

  private update(patch: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
