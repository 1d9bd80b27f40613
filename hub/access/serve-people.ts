// People at a console device: log in, renew the session, log out, read the audit trail. Every login, failed login
// (with its real cause, which the person is not told) and logout is an audit row naming the person, the device
// and the peer. A session is bound to the device it was opened on: its tokens are refused from any other.
import { decodeJwt } from 'jose';
import type { Socket } from 'socket.io';
import { HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import {
  AuditQueryRequest,
  type AuditQueryResponse,
  type AuditRow,
  LoginRequest,
  type LoginResponse,
  LogoutRequest,
  type LogoutResponse,
  RefreshRequest,
  type RefreshResponse,
  type SessionGrant,
} from '../../src/contract/people.js';
import type { Logger } from '../../platform/logger.js';
import type { AuditRecord } from '../audit/audit-entry.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { HubGuard } from '../guard/hub-guard.js';
import type { Login } from '../identity/login.js';
import type { PersonPrincipal } from '../identity/principal.js';
import type { SessionFailure, Sessions, TokenPair } from '../identity/sessions.js';
import { connectionIdentity } from './connection-identity.js';

export interface PeopleServiceDeps {
  login: Login;
  sessions: Sessions;
  audit: AuditLog;
  guard: HubGuard;
  logger: Logger;
}

function grantOf(p: Pick<PersonPrincipal, 'user' | 'displayName' | 'roles' | 'device'>, t: TokenPair): SessionGrant {
  return {
    person: { user: p.user, displayName: p.displayName, roles: p.roles, device: p.device },
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    accessExpiresAt: t.accessExpiresAt,
  };
}

function auditRow(r: AuditRecord): AuditRow {
  const { prevHash: _prev, hash: _hash, ...row } = r;
  return row;
}

/** When the token says it was issued, so a genuine but expired token can still end its own session. */
function issuedAtMs(token: string): number | undefined {
  try {
    const iat = decodeJwt(token).iat;
    return typeof iat === 'number' ? iat * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export function servePeople(socket: Socket, deps: PeopleServiceDeps): void {
  const { sessions, audit, guard } = deps;
  const { principal: device, peer } = connectionIdentity(socket);
  const answer = (ack: unknown, response: unknown): void => {
    if (typeof ack === 'function') ack(response);
  };
  const record = (
    person: string | null,
    action: string,
    outcome: 'ok' | 'rejected',
    detail: Record<string, string | number | boolean | null>,
  ): void => {
    audit.append({ person, device: device.device, peer, action, target: person && `user:${person}`, outcome, detail });
  };
  /** A genuine, current session of this device's, or why not. */
  const sessionHere = async (
    token: string,
    options: { queuedAt?: number } = {},
  ): Promise<{ ok: true; person: PersonPrincipal } | { ok: false; reason: SessionFailure }> => {
    const verified = await sessions.verify(token, options);
    if (!verified.ok) return verified;
    // Another device's token: it was copied, so it is treated as not a session at all.
    if (verified.principal.device !== device.device) return { ok: false, reason: 'invalid' };
    return { ok: true, person: verified.principal };
  };

  guard.on(socket, HUB_EVENTS.login, async (raw: unknown, ack?: unknown) => {
    const reply = (r: LoginResponse): void => answer(ack, r);
    const parsed = LoginRequest.safeParse(raw);
    if (!parsed.success) return reply({ ok: false, reason: 'invalid-credentials' });
    const { user } = parsed.data;
    if (device.deviceKind !== 'console') {
      record(user, 'login', 'rejected', { cause: 'not-a-console' });
      return reply({ ok: false, reason: 'not-a-console' });
    }
    let result: Awaited<ReturnType<Login['attempt']>>;
    try {
      result = await deps.login.attempt(user, parsed.data.password);
    } catch (err) {
      deps.logger.error('login could not be checked', { error: String(err) });
      return reply({ ok: false, reason: 'unavailable' });
    }
    if (!result.ok) {
      record(user, 'login', 'rejected', { cause: result.cause });
      return reply(
        result.retryAfterMs === undefined
          ? { ok: false, reason: result.reason }
          : { ok: false, reason: result.reason, retryAfterMs: result.retryAfterMs },
      );
    }
    const u = result.user;
    const tokens = await sessions.start(u, device.device);
    record(u.name, 'login', 'ok', { session: tokens.sessionId });
    reply({
      ok: true,
      grant: grantOf({ user: u.name, displayName: u.displayName, roles: u.roles, device: device.device }, tokens),
    });
  });

  guard.on(socket, HUB_EVENTS.refresh, async (raw: unknown, ack?: unknown) => {
    const reply = (r: RefreshResponse): void => answer(ack, r);
    const parsed = RefreshRequest.safeParse(raw);
    if (!parsed.success) return reply({ ok: false, reason: 'invalid' });
    const refreshed = await sessions.refresh(parsed.data.refreshToken);
    if (!refreshed.ok) return reply(refreshed);
    const verified = await sessions.verify(refreshed.tokens.accessToken);
    if (!verified.ok) return reply(verified);
    const person = verified.principal;
    if (person.device !== device.device) {
      // A refresh token presented from another device was copied: the session ends.
      sessions.logout(person.sessionId);
      record(person.user, 'refresh', 'rejected', { cause: 'another-device', sessionDevice: person.device });
      return reply({ ok: false, reason: 'revoked' });
    }
    reply({ ok: true, grant: grantOf(person, refreshed.tokens) });
  });

  guard.on(socket, HUB_EVENTS.logout, async (raw: unknown, ack?: unknown) => {
    const reply = (r: LogoutResponse): void => answer(ack, r);
    const parsed = LogoutRequest.safeParse(raw);
    if (!parsed.success) return reply({ ok: false, reason: 'invalid' });
    const { accessToken, everywhere } = parsed.data;
    const here = await sessionHere(accessToken, { queuedAt: issuedAtMs(accessToken) });
    if (!here.ok) return reply(here);
    const ended = everywhere ? sessions.endAllOf(here.person.user, 'logout-everywhere') : 1;
    if (!everywhere) sessions.logout(here.person.sessionId);
    record(here.person.user, 'logout', 'ok', { everywhere, sessionsEnded: ended });
    reply({ ok: true });
  });

  guard.on(socket, HUB_EVENTS.audit, async (raw: unknown, ack?: unknown) => {
    const reply = (r: AuditQueryResponse): void => answer(ack, r);
    const parsed = AuditQueryRequest.safeParse(raw);
    if (!parsed.success) return reply({ ok: false, error: 'bad audit query' });
    const { accessToken, ...filter } = parsed.data;
    const here = await sessionHere(accessToken);
    if (!here.ok) return reply({ ok: false, error: `session ${here.reason}` });
    // The trail of one thing is anyone's to read; the whole log, or one person's doings, only an admin's.
    const broad = filter.target === undefined || filter.person !== undefined || filter.action !== undefined;
    if (broad && !here.person.roles.includes('admin')) {
      return reply({ ok: false, error: 'only an admin may read the audit log beyond the trail of one thing' });
    }
    reply({ ok: true, rows: audit.query(filter).map(auditRow) });
  });
}
