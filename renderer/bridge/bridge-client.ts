// The renderer's side of the bridge: one socket.io connection to the host on loopback, typed calls with schema-
// checked answers and a timeout, and schema-checked events. Nothing from the socket reaches state unvalidated.
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import {
  BRIDGE_CALLS,
  BRIDGE_EVENTS,
  BRIDGE_SOCKET,
  CallError,
  type BridgeCallName,
  type BridgeEvent,
  type BridgeEventName,
  type BridgeParams,
  type BridgeRequest,
  type BridgeResponse,
} from '../../src/contract/bridge.js';

type ServerToClient = { [K in BridgeEventName]: (payload: unknown) => void };
interface ClientToServer {
  call: (frame: { name: BridgeCallName; args: unknown }, ack: (result: unknown) => void) => void;
}
type BridgeSocket = Socket<ServerToClient, ClientToServer>;

const CallResultFrame = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: CallError }),
]);

export type BridgeConnection =
  | { state: 'connecting'; error: string | null }
  | { state: 'connected'; error: null }
  | { state: 'reconnecting'; error: string | null }
  /** The host refused us (bad token, origin): socket.io does not retry this by itself. */
  | { state: 'rejected'; error: string };

export type BridgeErrorCode = 'timeout' | 'disconnected' | 'invalid-response' | 'invalid-request' | CallError['code'];

export class BridgeCallError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    readonly callName: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

export interface BridgeClientOptions {
  /** How long a call waits for its answer. */
  timeoutMs?: number;
  /** Told about events the host sent that do not match the contract (they are dropped). */
  onInvalidEvent?: (name: BridgeEventName, detail: string) => void;
}

type Listener<T> = (value: T) => void;

export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

export class BridgeClient {
  private readonly socket: BridgeSocket;
  private readonly timeoutMs: number;
  private connection: BridgeConnection = { state: 'connecting', error: null };
  private readonly connectionListeners = new Set<Listener<BridgeConnection>>();
  private readonly eventListeners = new Map<BridgeEventName, Set<Listener<unknown>>>();
  private everConnected = false;

  constructor(
    readonly params: BridgeParams,
    private readonly options: BridgeClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    this.socket = io(params.bridgeUrl, {
      auth: { token: params.token },
      transports: ['websocket'],
      autoConnect: false,
    });
    this.socket.on('connect', () => {
      this.everConnected = true;
      this.setConnection({ state: 'connected', error: null });
    });
    this.socket.on('disconnect', (reason) => {
      // The host closing us on purpose stops socket.io's own retries; the window must come back by itself.
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 2000);
      if (reason === 'io client disconnect') return;
      this.setConnection({ state: 'reconnecting', error: reason });
    });
    this.socket.on('connect_error', (err) => {
      if (!this.socket.active) this.setConnection({ state: 'rejected', error: err.message });
      else this.setConnection({ state: this.everConnected ? 'reconnecting' : 'connecting', error: err.message });
    });
    // Every event of the contract is listened to and validated, whether or not this page uses it yet.
    for (const name of Object.keys(BRIDGE_EVENTS) as BridgeEventName[]) {
      this.socket.on(name, (payload: unknown) => this.dispatch(name, payload));
    }
  }

  connect(): void {
    this.socket.connect();
  }

  /** Tries again after a refusal (socket.io gives up on those). */
  retry(): void {
    this.setConnection({ state: this.everConnected ? 'reconnecting' : 'connecting', error: null });
    this.socket.connect();
  }

  close(): void {
    this.socket.disconnect();
    this.connectionListeners.clear();
    this.eventListeners.clear();
  }

  get status(): BridgeConnection {
    return this.connection;
  }

  onConnection(listener: Listener<BridgeConnection>): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  on<K extends BridgeEventName>(name: K, listener: Listener<BridgeEvent<K>>): () => void {
    let set = this.eventListeners.get(name);
    if (!set) {
      set = new Set();
      this.eventListeners.set(name, set);
    }
    // Listeners are stored by name; dispatch() only hands them values parsed with that name's schema.
    const stored = listener as Listener<unknown>;
    set.add(stored);
    return () => set.delete(stored);
  }

  /** Calls the host and resolves with its schema-checked answer; rejects with a BridgeCallError. */
  /** `timeoutMs`: longer than the default for a call that does long work (printing a briefing pack). */
  call<K extends BridgeCallName>(
    name: K,
    args: BridgeRequest<K>,
    timeoutMs = this.timeoutMs,
  ): Promise<BridgeResponse<K>> {
    const request = BRIDGE_CALLS[name].request.safeParse(args);
    if (!request.success) {
      return Promise.reject(new BridgeCallError('invalid-request', name, z.prettifyError(request.error)));
    }
    // Calls are not queued while disconnected: stale heartbeats or polls would flood the host on reconnect.
    if (!this.socket.connected) {
      return Promise.reject(new BridgeCallError('disconnected', name, 'not connected to the host'));
    }
    return new Promise((resolve, reject) => {
      this.socket
        .timeout(timeoutMs)
        .emit(BRIDGE_SOCKET.call, { name, args: request.data }, (err: Error | null, raw: unknown) => {
          if (err) {
            reject(new BridgeCallError('timeout', name, `no answer within ${timeoutMs} ms`));
            return;
          }
          const frame = CallResultFrame.safeParse(raw);
          if (!frame.success) {
            reject(new BridgeCallError('invalid-response', name, z.prettifyError(frame.error)));
            return;
          }
          if (!frame.data.ok) {
            reject(new BridgeCallError(frame.data.error.code, name, frame.data.error.message));
            return;
          }
          const result = BRIDGE_CALLS[name].response.safeParse(frame.data.result);
          if (!result.success) {
            reject(new BridgeCallError('invalid-response', name, z.prettifyError(result.error)));
            return;
          }
          // The schema looked up by `name` is the one of K; TypeScript cannot follow the indexed access.
          resolve(result.data as BridgeResponse<K>);
        });
    });
  }

  private dispatch(name: BridgeEventName, raw: unknown): void {
    const parsed = BRIDGE_EVENTS[name].safeParse(raw);
    if (!parsed.success) {
      this.options.onInvalidEvent?.(name, z.prettifyError(parsed.error));
      return;
    }
    for (const listener of this.eventListeners.get(name) ?? []) listener(parsed.data);
  }

  private setConnection(next: BridgeConnection): void {
    this.connection = next;
    for (const listener of this.connectionListeners) listener(next);
  }
}
