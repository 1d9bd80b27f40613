// People at the consoles, as the hub, the host and the pages speak of them. The hub decides who someone is and
// what they may do; these are only the shapes that travel, each parsed on arrival like every other message.
import { z } from 'zod';
import { Role } from '../domain/identity/roles.js';

/** A person in a session, on the device (console PC) they logged in at. */
export const Person = z.object({
  user: z.string().min(1).max(64),
  displayName: z.string().min(1).max(120),
  roles: z.array(Role).min(1).max(4),
  device: z.string().min(1).max(64),
});
export type Person = z.infer<typeof Person>;

/** A device's proof at the hub's handshake (socket.io `auth`), as written to its credential file (mode 0600). */
export const DeviceCredential = z.object({ device: z.string().min(1).max(64), secret: z.string().min(1).max(128) });
export type DeviceCredential = z.infer<typeof DeviceCredential>;

const Token = z.string().min(1).max(4096);

/** Host → hub, over a console device's connection: a person logs in with name and password. */
export const LoginRequest = z.object({ user: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** What a person is told: never whether the name exists. */
export const LoginRefusal = z.enum(['invalid-credentials', 'locked', 'not-a-console', 'unavailable']);
export type LoginRefusal = z.infer<typeof LoginRefusal>;

export const SessionFailure = z.enum(['expired', 'revoked', 'invalid', 'disabled']);
export type SessionFailure = z.infer<typeof SessionFailure>;

/** A short-lived access token (sent with each command) and the refresh token that renews it. */
export const SessionGrant = z.object({
  person: Person,
  accessToken: Token,
  refreshToken: Token,
  accessExpiresAt: z.number().int().nonnegative(),
});
export type SessionGrant = z.infer<typeof SessionGrant>;

export const LoginResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), grant: SessionGrant }),
  z.object({ ok: z.literal(false), reason: LoginRefusal, retryAfterMs: z.number().int().nonnegative().optional() }),
]);
export type LoginResponse = z.infer<typeof LoginResponse>;

export const RefreshRequest = z.object({ refreshToken: Token });
export const RefreshResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), grant: SessionGrant }),
  z.object({ ok: z.literal(false), reason: SessionFailure }),
]);
export type RefreshResponse = z.infer<typeof RefreshResponse>;

/** Ends this session, or every session of the person ("log out everywhere"). */
export const LogoutRequest = z.object({ accessToken: Token, everywhere: z.boolean().default(false) });
export type LogoutRequest = z.infer<typeof LogoutRequest>;

export const LogoutResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: SessionFailure }),
]);
export type LogoutResponse = z.infer<typeof LogoutResponse>;

/** One row of the hub's audit log, as the console shows it. */
export const AuditRow = z.object({
  seq: z.number().int().positive(),
  time: z.number().int().nonnegative(),
  person: z.string().nullable(),
  device: z.string().nullable(),
  peer: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.string(),
  /** JSON text of the row's detail. */
  detail: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

/** The trail of one thing (`preset:<id>`, `alert:<id>`), or — for an admin — filtered by person or action. */
export const AuditFilter = z.object({
  target: z.string().max(256).optional(),
  person: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQueryRequest = AuditFilter.extend({ accessToken: Token });
export const AuditQueryResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.array(AuditRow) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AuditQueryResponse = z.infer<typeof AuditQueryResponse>;
