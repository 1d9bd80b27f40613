// The host's connection to the hub: subscribes with the offsets it holds, applies events in order, detects
// gaps and re-subscribes, and reports its state. Given several hubs, it moves to the next one when the hub it is
// on closes, refuses or stalls (HubRotation: round robin, backoff once all are down), one socket per try: what
// arrives on a socket the host has left (a late batch, an answer) is dropped, so the offsets it resumes from on
// the next hub are only what it applied in order.
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import {
  type CommandRequest,
  Envelope,
  type Envelope as EnvelopeT,
  HUB_EVENTS,
  KNOWN_TOPICS,
  SnapshotMessage,
  SubscribeResponse,
} from '../../src/contract/hub-protocol.js';
import type { FeedState, FeedStatus, HubMoveReason } from '../../src/contract/host-status.js';
import type { DeviceCredential } from '../../src/contract/people.js';
import type { Logger } from '../../platform/logger.js';
import { HubRotation } from './hub-rotation.js';
import { HubStallWatch } from './hub-stall-watch.js';

const CATCH_UP_MIN = 500;
const MAX_BATCH = 5000;
const DEFAULT_STALL_MS = 10_000;

export interface FeedSink {
  /** Offset held for a topic (0: none). */
  offset(topic: string): number;
  /** Applies events that follow the held offsets exactly, in order. */
  apply(events: EnvelopeT[]): void;
  /** Replaces what is held of a topic by the hub's snapshot, held as of `upTo`. */
  applySnapshot(topic: string, upTo: number, events: EnvelopeT[]): void;
  lastEventTime(topic: string): number | null;
}

export interface FeedClientOptions {
  /** The hubs serving the same log, tried in turn (`--hub URL1,URL2,…`). */
  hubUrls: readonly string[];
  /** PEM of the one CA trusted for an https hub (`--hub-ca`, for every hub); without it, the system's roots. */
  hubCa?: string;
  /** After this long without a word from the hub it is on, the host moves on (`--hub-stall-s`). */
  stallMs?: number;
  /** This host's device credential, proven at every hub's handshake (socket.io `auth`). */
  credential: DeviceCredential;
  sink: FeedSink;
  logger: Logger;
  /** After this long without a connection the feed counts as offline, not merely reconnecting. */
  offlineAfterMs?: number;
}

export class FeedClient {
  /** The socket of the present try; every handler checks it is still this one. */
  private socket: Socket;
  private readonly rotation: HubRotation;
  private stallWatch: HubStallWatch | null = null;
  private readonly stallTimer: NodeJS.Timeout;
  private readonly stallMs: number;
  private readonly stallCheckMs: number;
  private closed = false;
  private state: FeedState = 'connecting';
  private since = Date.now();
  private lastError: string | null = null;
  private readonly heads = new Map<string, number>();
  /** What the hub said at the last subscribe; a cached host starting offline knows only after it connects. */
  private demo = false;
  private offlineTimer: NodeJS.Timeout | undefined;
  private nextTryTimer: NodeJS.Timeout | undefined;
  private catchUp: { startedAt: number; from: number; to: number } | null = null;
  private readonly stateListeners = new Set<(status: FeedStatus) => void>();
  rejected = 0;

  constructor(private readonly options: FeedClientOptions) {
    this.rotation = new HubRotation(options.hubUrls);
    this.stallMs = options.stallMs ?? DEFAULT_STALL_MS;
    this.stallCheckMs = Math.min(1000, this.stallMs / 5);
    this.socket = this.open(this.rotation.url());
    this.stallTimer = setInterval(() => this.checkStall(), this.stallCheckMs);
    this.stallTimer.unref();
    this.scheduleOffline();
  }

  /** One socket.io connection to one hub, without socket.io's own reconnection: the rotation decides what next. */
  private open(url: string): Socket {
    const socket = io(url, {
      transports: ['websocket'],
      // With a CA given, Node trusts that CA alone for the hub's certificate (not the system's roots).
      ...(this.options.hubCa ? { ca: this.options.hubCa } : {}),
      rejectUnauthorized: true,
      auth: { device: this.options.credential.device, secret: this.options.credential.secret },
      forceNew: true,
      reconnection: false,
      timeout: 5000,
    });
    const live = (): boolean => socket === this.socket && !this.closed;
    socket.on('connect', () => {
      if (!live()) return;
      const move = this.rotation.connected(Date.now());
      if (move) this.options.logger.warn('moved to another hub', { ...move });
      this.stallWatch = new HubStallWatch(this.stallMs, this.stallCheckMs, Date.now());
      this.setState('connected');
      this.subscribe();
    });
    // Anything from the hub (a batch, an answer, socket.io's ping) shows the link is alive.
    const heard = (): void => {
      if (live()) this.stallWatch?.heard(Date.now());
    };
    socket.io.on('packet', heard);
    socket.io.on('ping', heard);
    socket.on('disconnect', (reason) => {
      if (live()) this.leave('disconnected', `disconnected: ${reason}`);
    });
    socket.on('connect_error', (err) => {
      if (!live()) return;
      // Refused at the hub's handshake (the message is the hub's reason): socket.io then leaves the socket inactive.
      if (!socket.active) return this.leave('refused', `refused by the hub: ${err.message}`);
      // engine.io says only "websocket error"; the cause (a refused certificate, a refused connection) is below.
      const cause = (err as { description?: { message?: unknown } }).description?.message;
      this.leave('error', typeof cause === 'string' && cause ? `${err.message}: ${cause}` : err.message);
    });
    socket.on(HUB_EVENTS.events, (batch: unknown, ack?: unknown) => {
      if (!live()) return;
      this.receive(batch);
      if (typeof ack === 'function') ack();
    });
    socket.on(HUB_EVENTS.snapshot, (raw: unknown, ack?: unknown) => {
      if (!live()) return;
      this.receiveSnapshot(raw);
      if (typeof ack === 'function') ack();
    });
    socket.on(HUB_EVENTS.protocolError, (msg: unknown) => {
      this.options.logger.warn('hub reported a protocol error', { msg, hub: url });
    });
    return socket;
  }

  /** Leaves the present socket for good and tries the next hub in turn. */
  private leave(reason: HubMoveReason, detail: string): void {
    const from = this.rotation.url();
    this.lastError = detail;
    this.stallWatch = null;
    this.socket.removeAllListeners();
    this.socket.close();
    const next = this.rotation.failed({ reason, detail });
    this.options.logger.info('leaving the hub', { hub: from, reason, detail, next: next.url, inMs: next.delayMs });
    this.lostConnection();
    clearTimeout(this.nextTryTimer);
    this.nextTryTimer = setTimeout(() => {
      if (!this.closed) this.socket = this.open(next.url);
    }, next.delayMs);
    this.nextTryTimer.unref();
  }

  private checkStall(): void {
    if (!this.stallWatch || !this.socket.connected) return;
    const verdict = this.stallWatch.check(Date.now());
    // The probe is a subscribe with the offsets held: the hub answers it, and sends only what follows them anyway.
    if (verdict === 'probe') this.subscribe();
    if (verdict === 'stalled') this.leave('stalled', `stalled: nothing from the hub for ${this.stallMs / 1000} s`);
  }

  status(): FeedStatus {
    const topics: FeedStatus['topics'] = {};
    for (const topic of KNOWN_TOPICS) {
      const offset = this.options.sink.offset(topic);
      const head = Math.max(this.heads.get(topic) ?? 0, offset);
      topics[topic] = { offset, head, lag: head - offset, lastEventTime: this.options.sink.lastEventTime(topic) };
    }
    return {
      hub: this.rotation.url(),
      state: this.state,
      since: this.since,
      lastError: this.lastError,
      topics,
      catchUp: this.catchUpProgress(),
      demo: this.demo,
      failover: this.rotation.status(),
    };
  }

  /** Shown only for replays long enough to notice (more than CATCH_UP_MIN events behind). */
  private catchUpProgress(): FeedStatus['catchUp'] {
    if (!this.catchUp) return null;
    const held = this.heldTotal();
    const { startedAt, from, to } = this.catchUp;
    if (held >= to) {
      this.catchUp = null;
      return null;
    }
    const replayed = held - from;
    const elapsedS = (Date.now() - startedAt) / 1000;
    const rate = elapsedS > 0.5 && replayed > 0 ? replayed / elapsedS : 0;
    return { replayed, total: to - from, etaS: rate > 0 ? Math.round((to - held) / rate) : null };
  }

  private heldTotal(): number {
    return KNOWN_TOPICS.reduce((n, t) => n + this.options.sink.offset(t), 0);
  }

  /** Called with the feed's status when its state changes and when a subscription is answered. */
  onState(listener: (status: FeedStatus) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Sends a command to the hub and resolves with its answer; rejects when not connected or unanswered. */
  readonly sendCommand = async (request: CommandRequest): Promise<unknown> => {
    if (!this.socket.connected) throw new Error('not connected to the hub');
    return this.socket.timeout(10_000).emitWithAck(HUB_EVENTS.command, request);
  };

  /**
   * Asks the hub something on this connection (a login, an audit query) and checks the answer with `response`.
   * Rejects when the hub is away or does not answer in time, or answers something malformed.
   */
  async ask<T>(event: string, payload: unknown, response: z.ZodType<T>): Promise<T> {
    if (!this.socket.connected) throw new Error('not connected to the hub');
    const raw: unknown = await this.socket.timeout(10_000).emitWithAck(event, payload);
    const parsed = response.safeParse(raw);
    if (!parsed.success) throw new Error(`the hub answered "${event}" with ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.offlineTimer);
    clearTimeout(this.nextTryTimer);
    clearInterval(this.stallTimer);
    this.socket.close();
  }

  private subscribe(reset: string[] = []): void {
    const topics = Object.fromEntries(KNOWN_TOPICS.map((t) => [t, this.options.sink.offset(t)]));
    const request = reset.length > 0 ? { topics, reset } : { topics };
    const socket = this.socket;
    socket.timeout(10_000).emit(HUB_EVENTS.subscribe, request, (err: Error | null, raw: unknown) => {
      // An answer on a socket the host has left says nothing of the hub it is on now.
      if (socket !== this.socket) return;
      if (err) {
        this.options.logger.warn('subscribe not answered; retrying', { error: err.message });
        if (this.socket.connected) this.subscribe(reset);
        return;
      }
      const res = SubscribeResponse.safeParse(raw);
      if (!res.success) {
        this.options.logger.error('hub answered subscribe with a malformed reply', {
          error: z.prettifyError(res.error),
        });
        return;
      }
      if (!res.data.ok) {
        this.options.logger.error('hub refused subscribe', { error: res.data.error });
        return;
      }
      // A hub whose log is behind what we hold was reset or replaced: what we hold under those offsets is not
      // its history. Start those topics again from its snapshot rather than silently skipping its new events.
      const behind = Object.entries(res.data.heads)
        .filter(([t, head]) => head < this.options.sink.offset(t))
        .map(([t]) => t);
      if (behind.length > 0 && reset.length === 0) {
        this.options.logger.error('the hub holds less than this host: starting those topics again from its snapshot', {
          topics: behind,
        });
        this.subscribe(behind);
        return;
      }
      this.demo = res.data.demo;
      for (const [t, head] of Object.entries(res.data.heads)) this.noteHead(t, head);
      const held = this.heldTotal();
      const target = KNOWN_TOPICS.reduce(
        (n, t) => n + Math.max(this.heads.get(t) ?? 0, this.options.sink.offset(t)),
        0,
      );
      this.catchUp = target - held > CATCH_UP_MIN ? { startedAt: Date.now(), from: held, to: target } : null;
      this.stateChanged();
    });
  }

  /** Validates each event; applies the ones that follow what is held; a jump means a gap, so re-subscribe. */
  private receive(batch: unknown): void {
    if (!Array.isArray(batch) || batch.length > MAX_BATCH) {
      this.rejected++;
      this.options.logger.warn('hub sent a batch that is not a list of at most 5,000 events; ignored');
      return;
    }
    const accepted: EnvelopeT[] = [];
    const expected = new Map<string, number>();
    let gap = false;
    for (const raw of batch) {
      const parsed = Envelope.safeParse(raw);
      if (!parsed.success) {
        this.rejected++;
        this.options.logger.warn('malformed event from hub refused', { error: z.prettifyError(parsed.error) });
        continue;
      }
      const e = parsed.data;
      const next = expected.get(e.topic) ?? this.options.sink.offset(e.topic) + 1;
      if (e.offset < next) continue; // already held: a replay overlap, not an error
      if (e.offset > next) {
        gap = true;
        this.options.logger.warn('gap in feed; asking the hub again', {
          topic: e.topic,
          expected: next,
          got: e.offset,
        });
        break;
      }
      expected.set(e.topic, next + 1);
      accepted.push(e);
      this.noteHead(e.topic, e.offset);
    }
    if (accepted.length > 0) this.options.sink.apply(accepted);
    if (gap) this.subscribe();
  }

  private receiveSnapshot(raw: unknown): void {
    const parsed = SnapshotMessage.safeParse(raw);
    if (!parsed.success) {
      this.rejected++;
      this.options.logger.warn('malformed snapshot from hub refused', { error: z.prettifyError(parsed.error) });
      return;
    }
    const { topic, upTo, events } = parsed.data;
    this.heads.set(topic, Math.max(upTo, this.heads.get(topic) ?? 0));
    this.options.sink.applySnapshot(topic, upTo, events);
    this.options.logger.info('started from the hub snapshot', { topic, upTo, keys: events.length });
  }

  private noteHead(topic: string, head: number): void {
    if (head > (this.heads.get(topic) ?? 0)) this.heads.set(topic, head);
  }

  private lostConnection(): void {
    // Only the loss of a live connection starts the offline countdown; the retries that follow must not
    // keep postponing it.
    if (this.state === 'connected') {
      this.setState('reconnecting');
      this.scheduleOffline();
    }
  }

  private scheduleOffline(): void {
    clearTimeout(this.offlineTimer);
    this.offlineTimer = setTimeout(() => {
      if (this.state !== 'connected') this.setState('offline');
    }, this.options.offlineAfterMs ?? 10_000);
    this.offlineTimer.unref();
  }

  private setState(state: FeedState): void {
    if (state === this.state) return;
    this.state = state;
    this.since = Date.now();
    this.options.logger.info('feed state', { state, hub: this.rotation.url(), error: this.lastError });
    this.stateChanged();
  }

  private stateChanged(): void {
    const status = this.status();
    for (const listener of this.stateListeners) listener(status);
  }
}
