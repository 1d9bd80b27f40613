// Sessions of people: a short-lived signed access token (HS256, jose) that says who, in which roles, on which
// device; and a refresh token, random and stored only as a hash, exchanged for a new pair on every use. A refresh
// token used twice means it was copied: the whole session ends. Every verification also reads the session's row,
// so logging out, disabling a user or changing their roles takes effect at once, not when the token expires.
import type Database from 'better-sqlite3';
import { errors, jwtVerify, SignJWT } from 'jose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Role } from '../../src/domain/identity/roles.js';
import type { Clock } from '../clock.js';
import type { PersonPrincipal } from './principal.js';
import { signingKey } from './signing-key.js';
import type { User } from './user-store.js';

/** Short enough that a stolen access token is soon worthless; refreshed silently by the console. */
export const ACCESS_TOKEN_TTL_MS = 5 * 60_000;
/** A session lasts at most a shift and a half, then the person logs in again. */
export const SESSION_TTL_MS = 12 * 3_600_000;

const ISSUER = 'ioc-wall-hub';
/** Ours are a few hundred bytes; anything much longer is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 4096;
const AUDIENCE = 'ioc-wall';

const AccessClaims = z.object({
  sub: z.string(),
  name: z.string(),
  roles: z.array(Role).min(1),
  dev: z.string(),
  sid: z.string(),
  iat: z.number().optional(),
  exp: z.number(),
});
type AccessClaims = z.infer<typeof AccessClaims>;

/** iat has whole seconds: a command made in the second its token was issued is not "before" it. */
const CLOCK_SKEW_MS = 1000;
/** Tokens whose signature was checked, remembered: a console sends the same token with every command for minutes. */
const CHECKED_TOKENS = 1000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  accessExpiresAt: number;
}

export type SessionFailure = 'expired' | 'revoked' | 'invalid' | 'disabled';
export type Verified = { ok: true; principal: PersonPrincipal } | { ok: false; reason: SessionFailure };
export type Refreshed = { ok: true; tokens: TokenPair } | { ok: false; reason: SessionFailure };

export type RevokeReason =
  | 'logout'
  | 'logout-everywhere'
  | 'disabled'
  | 'roles-changed'
  | 'password-changed'
  | 'device-revoked'
  | 'refresh-reuse';

interface SessionRow {
  id: string;
  user: string;
  device: string;
  expires_at: number;
  revoked_at: number | null;
  display_name: string | null;
  roles: string | null;
  disabled: number | null;
}

const SESSION_WITH_USER = `SELECT s.id, s.user, s.device, s.expires_at, s.revoked_at,
  u.display_name, u.roles, u.disabled FROM sessions s LEFT JOIN users u ON u.name = s.user`;

function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class Sessions {
  private readonly key: Uint8Array;
  /**
   * Claims of tokens whose signature verified, by token: the same string always verifies the same way, so a hit
   * skips the HMAC (most of a command's cost of authentication); expiry and the session's row are still checked.
   */
  private readonly checked = new Map<string, AccessClaims>();

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.key = signingKey(db);
  }

  /** A new session for a person who has just logged in on `device`. */
  async start(user: User, device: string): Promise<TokenPair> {
    const now = this.clock();
    const id = randomUUID();
    const refreshToken = this.db
      .transaction(() => {
        this.forgetExpired(now);
        this.db
          .prepare('INSERT INTO sessions (id, user, device, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
          .run(id, user.name, device, now, now + SESSION_TTL_MS);
        return this.newRefreshToken(id, now);
      })
      .immediate();
    return this.pair(user.name, user.displayName, user.roles, device, id, refreshToken, now);
  }

  /**
   * Checks an access token and its session. `queuedAt`: the time a command carrying it was made, for a command
   * queued offline and delivered later — then a token that has expired since is accepted if it was valid at
   * `queuedAt` (and that is not in the future), as long as its session still is. Why that is safe: the session's
   * own checks still hold (not revoked, the person enabled, within SESSION_TTL_MS), the hub also requires the
   * token's device to be the connection's, and that device holds the session's refresh token anyway — so an old
   * token lets its holder do nothing a fresh one would not, while an operator's action made during an outage is
   * not lost because its token aged while it waited.
   */
  async verify(accessToken: string, options: { queuedAt?: number } = {}): Promise<Verified> {
    if (accessToken.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
    const now = this.clock();
    let claims = await this.claims(accessToken, now);
    const queuedAt = options.queuedAt;
    if (claims === 'expired' && queuedAt !== undefined && queuedAt <= now) {
      const then = await this.claims(accessToken, queuedAt);
      if (typeof then === 'object' && (then.iat ?? Infinity) * 1000 <= queuedAt + CLOCK_SKEW_MS) claims = then;
    }
    if (typeof claims === 'string') return { ok: false, reason: claims };
    const row = this.db.prepare(`${SESSION_WITH_USER} WHERE s.id = ?`).get(claims.sid) as SessionRow | undefined;
    const failure = row ? this.failureOf(row, now) : 'revoked';
    if (failure) return { ok: false, reason: failure };
    return {
      ok: true,
      principal: {
        kind: 'person',
        user: claims.sub,
        displayName: claims.name,
        roles: claims.roles,
        device: claims.dev,
        sessionId: claims.sid,
      },
    };
  }

  /** The token's claims if it is ours and valid at `at`; else why not. */
  private async claims(accessToken: string, at: number): Promise<AccessClaims | 'expired' | 'invalid'> {
    const known = this.checked.get(accessToken);
    // As jose decides it: expired once `exp` is not after the current whole second.
    if (known) return known.exp <= Math.floor(at / 1000) ? 'expired' : known;
    try {
      const { payload } = await jwtVerify(accessToken, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(at),
      });
      const parsed = AccessClaims.safeParse(payload);
      if (!parsed.success) return 'invalid';
      if (this.checked.size >= CHECKED_TOKENS) this.checked.delete(this.checked.keys().next().value as string);
      this.checked.set(accessToken, parsed.data);
      return parsed.data;
    } catch (err) {
      return err instanceof errors.JWTExpired ? 'expired' : 'invalid';
    }
  }

  /** Exchanges a refresh token for a new pair; the old token is spent. */
  async refresh(refreshToken: string): Promise<Refreshed> {
    const now = this.clock();
    const outcome = this.db
      .transaction((): { row: SessionRow; token: string } | SessionFailure => {
        const spent = this.db
          .prepare('SELECT session_id, used_at FROM refresh_tokens WHERE hash = ?')
          .get(tokenHash(refreshToken)) as { session_id: string; used_at: number | null } | undefined;
        if (!spent) return 'invalid';
        const row = this.db.prepare(`${SESSION_WITH_USER} WHERE s.id = ?`).get(spent.session_id) as
          SessionRow | undefined;
        if (!row) return 'revoked';
        const failure = this.failureOf(row, now);
        if (failure) return failure;
        if (spent.used_at !== null) {
          this.revokeWhere('id = ?', spent.session_id, 'refresh-reuse', now);
          return 'revoked';
        }
        this.db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE hash = ?').run(now, tokenHash(refreshToken));
        return { row, token: this.newRefreshToken(row.id, now) };
      })
      .immediate();
    if (typeof outcome === 'string') return { ok: false, reason: outcome };
    const { row, token } = outcome;
    const roles = z.array(Role).parse(JSON.parse(row.roles ?? '[]'));
    return {
      ok: true,
      tokens: await this.pair(row.user, row.display_name ?? row.user, roles, row.device, row.id, token, now),
    };
  }

  logout(sessionId: string): void {
    this.revokeWhere('id = ?', sessionId, 'logout', this.clock());
  }

  /** Ends every session of a person: log out everywhere, disabled, roles or password changed. */
  endAllOf(user: string, reason: RevokeReason): number {
    return this.revokeWhere('user = ?', user, reason, this.clock());
  }

  /** Ends every session held through a device whose credential was revoked. */
  endAllOnDevice(device: string): number {
    return this.revokeWhere('device = ?', device, 'device-revoked', this.clock());
  }

  private failureOf(row: SessionRow, now: number): SessionFailure | undefined {
    if (row.disabled === null) return 'revoked';
    if (row.disabled !== 0) return 'disabled';
    if (row.revoked_at !== null) return 'revoked';
    if (row.expires_at <= now) return 'expired';
    return undefined;
  }

  private revokeWhere(where: string, value: string, reason: RevokeReason, now: number): number {
    return this.db
      .prepare(`UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE ${where} AND revoked_at IS NULL`)
      .run(now, reason, value).changes;
  }

  private newRefreshToken(sessionId: string, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO refresh_tokens (hash, session_id, issued_at) VALUES (?, ?, ?)')
      .run(tokenHash(token), sessionId, now);
    return token;
  }

  private forgetExpired(now: number): void {
    // Kept a day past expiry, so a late refresh is told 'expired' rather than 'invalid'.
    const before = now - 86_400_000;
    this.db
      .prepare('DELETE FROM refresh_tokens WHERE session_id IN (SELECT id FROM sessions WHERE expires_at < ?)')
      .run(before);
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(before);
  }

  private async pair(
    user: string,
    displayName: string,
    roles: readonly Role[],
    device: string,
    sessionId: string,
    refreshToken: string,
    now: number,
  ): Promise<TokenPair> {
    const accessExpiresAt = now + ACCESS_TOKEN_TTL_MS;
    const accessToken = await new SignJWT({ name: displayName, roles: [...roles], dev: device, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(accessExpiresAt / 1000))
      .sign(this.key);
    return { accessToken, refreshToken, sessionId, accessExpiresAt };
  }
}
