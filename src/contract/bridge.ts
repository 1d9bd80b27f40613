// The bridge contract between the host and every renderer window: one typed map of calls (renderer → host,
// answered) and one of events (host → renderer). Both sides validate with these schemas.
import { z } from 'zod';
import { CameraView, ShowCamerasRequest } from './cameras.js';
import { ALARM_CALLS } from './alarm-calls.js';
import { CommandName, CommandResult } from './commands.js';
import { EnvelopeBase, KnownTopic } from './hub-protocol.js';
import { FeedStatus, HostStatus, SurfaceHeartbeat } from './host-status.js';
import { Alarm } from '../domain/alarms/alarm-schema.js';
import { AuditFilter, AuditRow, LoginRefusal, LoginRequest, Person, SessionFailure } from './people.js';
import { DeadLetterFilter, DeadLetterRow } from './connector-status.js';
import { PointerChange } from './pointer.js';
import { Surface, SurfaceId, SurfaceLayout } from './wall.js';
import { PackFile, PackId, PackRequest, PackSpec } from './briefing-pack.js';
import { TimeCursorChange, TimeCursorRequest, TimeCursorState } from './time-cursor.js';

export const Locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

const HelloRequest = z.object({
  role: z.enum(['wall', 'console', 'briefing']),
  surfaceId: z.string().max(64).optional(),
  /** The console's resume handle from an earlier load of this tab: the person stays logged in across a reload. */
  resume: z.string().max(128).optional(),
  /** A briefing pack's page: the picture as of this time, whatever the wall's time cursor. */
  asOf: z.number().int().nonnegative().optional(),
});

/** An opaque handle the host gives a console page at login; the tokens themselves stay in the host. */
const ResumeHandle = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

export const HelloResponse = z.object({
  locale: Locale,
  surface: Surface.nullable(),
  surfaces: z.array(Surface),
  /** Latest event of every key, so a new window paints at once. */
  latest: z.array(EnvelopeBase),
  feed: FeedStatus,
  serverTime: z.number(),
  /** Who is logged in on this page (null: nobody; always null on a wall page). */
  person: Person.nullable(),
  /** Minutes without input after which the console locks (`--idle-lock-minutes`). */
  idleLockMinutes: z.number().int().positive(),
  /** The wall's time cursor (absent: live); `latest` is then the picture as of its time. */
  timeCursor: TimeCursorState.optional(),
  /** The site's cameras (`--cameras`), as this page may play them. */
  cameras: z.array(CameraView).default([]),
});
export type HelloResponse = z.infer<typeof HelloResponse>;

const HeartbeatRequest = SurfaceHeartbeat.omit({ at: true }).extend({ surfaceId: z.string().max(64) });

/** An operator action in the host's outbox: queued until the hub confirms it. */
export const OutboxItem = z.object({
  id: z.number().int().positive(),
  key: z.string(),
  /** A string, not CommandName: an item queued by an older version may name a command this one has retired (the
   * hub refuses it, and the item shows as failed instead of breaking the list). */
  name: z.string().min(1).max(64),
  args: z.unknown(),
  createdAt: z.number(),
  state: z.enum(['queued', 'done', 'failed']),
  attempts: z.number().int().nonnegative(),
  result: z.union([CommandResult, z.object({ error: z.string() })]).nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxView = z.object({ depth: z.number().int().nonnegative(), items: z.array(OutboxItem) });
export type OutboxView = z.infer<typeof OutboxView>;

const HistoryRequest = z.object({
  topic: KnownTopic,
  key: z.string().max(128).optional(),
  /** Epoch ms; default: the last hour. */
  since: z.number().int().nonnegative().optional(),
  /** Newest events are kept when there are more. */
  limit: z.number().int().positive().max(20_000).default(5000),
  /** Epoch ms: history ending at this time (a page shown as of a time). */
  until: z.number().int().nonnegative().optional(),
});

const LoginResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), person: Person, resume: ResumeHandle }),
  z.object({ ok: z.literal(false), reason: LoginRefusal, retryAfterMs: z.number().int().nonnegative().optional() }),
]);
export type LoginResult = z.infer<typeof LoginResult>;

export const BRIDGE_CALLS = {
  hello: { request: HelloRequest, response: HelloResponse },
  status: { request: z.object({}).strict(), response: HostStatus },
  heartbeat: { request: HeartbeatRequest, response: z.object({ ok: z.literal(true) }) },
  /** Queue an operator action; answered once it is stored durably, not when the hub has it. */
  command: { request: z.object({ name: CommandName, args: z.unknown() }), response: OutboxItem },
  outbox: { request: z.object({}).strict(), response: OutboxView },
  /** History of a topic (optionally one key) from the host's cache, oldest first: for charts and sparklines. */
  history: { request: HistoryRequest, response: z.array(EnvelopeBase) },
  /** A person logs in on this console page; the host keeps the session, the page gets the person and a handle. */
  login: { request: LoginRequest, response: LoginResult },
  /** Ends this page's session, or (everywhere) every session of the person. */
  logout: {
    request: z.object({ everywhere: z.boolean().default(false) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** The audit trail as the logged-in person may see it, newest first. */
  audit: { request: AuditFilter, response: z.array(AuditRow) },
  /** A connector's dead letters, newest first, for an admin. */
  deadLetters: { request: DeadLetterFilter, response: z.array(DeadLetterRow) },
  /** Sets the whole wall "as of" a time, replays from it, or returns it to live (operator, leader, admin). */
  timeCursor: { request: TimeCursorRequest, response: TimeCursorState },
  /** Exports a briefing to one PDF (title page, a page per scene as of its time); answered with the file. */
  briefingPack: { request: PackRequest, response: PackFile },
  /** What the pack's print page draws. */
  printPack: { request: z.object({ id: PackId }), response: PackSpec },
  /** The cameras this page shows now: the host relays an RTSP camera only while some page shows it. */
  showCameras: { request: ShowCamerasRequest, response: z.object({ ok: z.literal(true) }) },
  ...ALARM_CALLS,
  /** The presenter's pointer (leader, admin): passed to every page at once, never logged. */
  pointer: { request: PointerChange, response: z.object({ ok: z.literal(true) }) },
} as const;
export type BridgeCallName = keyof typeof BRIDGE_CALLS;
export type BridgeRequest<K extends BridgeCallName> = z.infer<(typeof BRIDGE_CALLS)[K]['request']>;
export type BridgeResponse<K extends BridgeCallName> = z.infer<(typeof BRIDGE_CALLS)[K]['response']>;

/** Renderer → host: `call` with this frame and an acknowledgement callback receiving a CallResult. */
export const CallFrame = z.object({
  name: z.enum(Object.keys(BRIDGE_CALLS) as [BridgeCallName, ...BridgeCallName[]]),
  args: z.unknown(),
});

export const CallError = z.object({
  /** forbidden: a wall page's token may not act. login-required: nobody is logged in on this page. */
  code: z.enum(['bad-request', 'unknown-call', 'failed', 'forbidden', 'login-required']),
  message: z.string(),
});
export type CallError = z.infer<typeof CallError>;

export type CallResult<T> = { ok: true; result: T } | { ok: false; error: CallError };

export const LayoutChange = z.object({
  surfaceId: SurfaceId,
  layout: SurfaceLayout,
  /** The preset it comes from, and its version; null: the surface's default layout. */
  presetId: z.string().nullable(),
  version: z.number().int().positive().nullable(),
});
export type LayoutChange = z.infer<typeof LayoutChange>;

export const BRIDGE_EVENTS = {
  feed: z.array(EnvelopeBase),
  feedState: FeedStatus,
  outbox: OutboxView,
  /** The host replaced what it holds of a topic (a hub snapshot): pages say hello again to repaint from it. */
  resync: z.object({ topic: z.string() }),
  /** A surface's layout changed (a preset was activated, saved or scheduled): the page swaps its grid in place. */
  layout: LayoutChange,
  /** This page's person changed: logged out (here or everywhere), the session expired or was revoked. */
  person: z.object({
    person: Person.nullable(),
    reason: z.union([SessionFailure, z.literal('logged-out')]).optional(),
  }),
  /** The host's own alarms active now (main/host/hub-link-alarm.ts): raised on the host, so shown offline too. */
  hostAlarms: z.array(Alarm),
  /** The wall's time cursor moved: a jump repaints from hello; a replay tick comes with the events it passed. */
  timeCursor: TimeCursorChange,
  /** The camera list changed as pages may play it (privacy mode hides or shows the sensitive ones). */
  cameras: z.array(CameraView),
  /** The presenter's pointer moved or was lifted: wall pages draw the dot where it falls on them. */
  pointer: PointerChange,
} as const;
export type BridgeEventName = keyof typeof BRIDGE_EVENTS;
export type BridgeEvent<K extends BridgeEventName> = z.infer<(typeof BRIDGE_EVENTS)[K]>;

/** Socket event names of the bridge. */
export const BRIDGE_SOCKET = { call: 'call' } as const;

/** How a page learns where the bridge is: from the preload (Electron) or the page address (browsers). */
export const BridgeParams = z.object({
  bridgeUrl: z.string().url(),
  token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  surfaceId: z.string().max(64).optional(),
});
export type BridgeParams = z.infer<typeof BridgeParams>;
