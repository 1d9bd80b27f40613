import type Database from 'better-sqlite3';
import { SignJWT, UnsecuredJWT } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHubDatabase } from '../hub-database.js';
import { IdentityAdmin } from './identity-admin.js';
import { ACCESS_TOKEN_TTL_MS, SESSION_TTL_MS, Sessions } from './sessions.js';
import { type User, UserStore } from './user-store.js';

const ADMIN = { person: 'cli:test', device: 'test-host', peer: null };

describe('Sessions', () => {
  let dir: string;
  let db: Database.Database;
  let now: number;
  let sessions: Sessions;
  let anh: User;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ioc-sessions-'));
    db = openHubDatabase(dir);
    now = Date.parse('2026-11-27T08:00:00+07:00');
    sessions = new Sessions(db, () => now);
    const users = new UserStore(db);
    users.insert({ name: 'anh', displayName: 'Nguyễn Văn Anh', roles: ['operator', 'leader'], passwordHash: 'x' }, now);
    anh = users.get('anh')!;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies an access token as the person, roles, device and session it was issued for', async () => {
    const t = await sessions.start(anh, 'console-1');
    expect(t.accessExpiresAt).toBe(now + ACCESS_TOKEN_TTL_MS);
    expect(await sessions.verify(t.accessToken)).toEqual({
      ok: true,
      principal: {
        kind: 'person',
        user: 'anh',
        displayName: 'Nguyễn Văn Anh',
        roles: ['operator', 'leader'],
        device: 'console-1',
        sessionId: t.sessionId,
      },
    });
  });

  it('says expired once the access token has lived its five minutes', async () => {
    const t = await sessions.start(anh, 'console-1');
    now += ACCESS_TOKEN_TTL_MS - 1000;
    expect(await sessions.verify(t.accessToken)).toMatchObject({ ok: true });
    now += 1000;
    expect(await sessions.verify(t.accessToken)).toEqual({ ok: false, reason: 'expired' });
  });

  it('accepts an expired token for a command queued while it was valid, only while its session lives', async () => {
    const t = await sessions.start(anh, 'console-1');
    const queuedAt = now + 60_000;
    now += ACCESS_TOKEN_TTL_MS + 3_600_000;
    expect(await sessions.verify(t.accessToken)).toEqual({ ok: false, reason: 'expired' });
    expect(await sessions.verify(t.accessToken, { queuedAt })).toMatchObject({ ok: true, principal: { user: 'anh' } });
    // Not made while the token was valid: after it expired, before it was issued, or in the future.
    for (const at of [queuedAt + ACCESS_TOKEN_TTL_MS, queuedAt - 3_600_000, now + 1000]) {
      expect((await sessions.verify(t.accessToken, { queuedAt: at })).ok).toBe(false);
    }
    sessions.logout(t.sessionId);
    expect(await sessions.verify(t.accessToken, { queuedAt })).toEqual({ ok: false, reason: 'revoked' });
    const u = await sessions.start(anh, 'console-1');
    now += SESSION_TTL_MS;
    expect(await sessions.verify(u.accessToken, { queuedAt: now - SESSION_TTL_MS })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('says invalid for a changed, foreign-key, unsigned or garbage token', async () => {
    const t = await sessions.start(anh, 'console-1');
    const [h, p, s] = t.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32).fill(7));
    const unsigned = new UnsecuredJWT(claims).encode();
    for (const token of [`${h}.${promoted}.${s}`, foreign, unsigned, 'not.a.token', '', 'x'.repeat(10_000_000)]) {
      expect(await sessions.verify(token)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('rotates the refresh token; a spent one used again ends the whole session', async () => {
    const first = await sessions.start(anh, 'console-1');
    now += 60_000;
    const second = await sessions.refresh(first.refreshToken);
    if (!second.ok) throw new Error(second.reason);
    expect(second.tokens.sessionId).toBe(first.sessionId);
    expect(second.tokens.refreshToken).not.toBe(first.refreshToken);
    expect(await sessions.verify(second.tokens.accessToken)).toMatchObject({ ok: true });

    // The first refresh token was copied by someone: its reuse ends the session for both holders.
    expect(await sessions.refresh(first.refreshToken)).toEqual({ ok: false, reason: 'revoked' });
    expect(await sessions.verify(second.tokens.accessToken)).toEqual({ ok: false, reason: 'revoked' });
    expect(await sessions.refresh(second.tokens.refreshToken)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('refuses an unknown refresh token and one of a session past its twelve hours', async () => {
    expect(await sessions.refresh('made-up')).toEqual({ ok: false, reason: 'invalid' });
    const t = await sessions.start(anh, 'console-1');
    now += SESSION_TTL_MS;
    expect(await sessions.refresh(t.refreshToken)).toEqual({ ok: false, reason: 'expired' });
  });

  it('logs out one session, or every session of a person', async () => {
    const a = await sessions.start(anh, 'console-1');
    const b = await sessions.start(anh, 'console-2');
    sessions.logout(a.sessionId);
    expect(await sessions.verify(a.accessToken)).toEqual({ ok: false, reason: 'revoked' });
    expect(await sessions.refresh(a.refreshToken)).toEqual({ ok: false, reason: 'revoked' });
    expect(await sessions.verify(b.accessToken)).toMatchObject({ ok: true });
    const c = await sessions.start(anh, 'console-3');
    expect(sessions.endAllOf('anh', 'logout-everywhere')).toBe(2);
    for (const t of [b, c]) expect(await sessions.verify(t.accessToken)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('ends sessions when the person is disabled, their roles or password change, or their device is revoked', async () => {
    const admin = new IdentityAdmin(db, () => now);
    admin.addDevice(ADMIN, 'console-9', 'console', () => {});

    let t = await sessions.start(anh, 'console-1');
    admin.setDisabled(ADMIN, 'anh', true);
    expect(await sessions.verify(t.accessToken)).toEqual({ ok: false, reason: 'disabled' });
    expect(await sessions.refresh(t.refreshToken)).toEqual({ ok: false, reason: 'disabled' });
    admin.setDisabled(ADMIN, 'anh', false);
    // Enabling again does not bring old sessions back.
    expect(await sessions.verify(t.accessToken)).toEqual({ ok: false, reason: 'revoked' });

    t = await sessions.start(new UserStore(db).get('anh')!, 'console-1');
    admin.setRoles(ADMIN, 'anh', ['viewer']);
    expect(await sessions.verify(t.accessToken)).toEqual({ ok: false, reason: 'revoked' });

    const viewer = new UserStore(db).get('anh')!;
    t = await sessions.start(viewer, 'console-1');
    expect(await sessions.verify(t.accessToken)).toMatchObject({ ok: true, principal: { roles: ['viewer'] } });
    await admin.setPassword(ADMIN, 'anh', 'một mật khẩu mới dài');
    expect(await sessions.verify(t.accessToken)).toEqual({ ok: false, reason: 'revoked' });

    const again = await sessions.start(viewer, 'console-9');
    admin.revokeDevice(ADMIN, 'console-9');
    expect(await sessions.verify(again.accessToken)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('signs with one key per database, made on first use and shared by every process', async () => {
    const t = await sessions.start(anh, 'console-1');
    const other = openHubDatabase(dir);
    try {
      expect(await new Sessions(other, () => now).verify(t.accessToken)).toMatchObject({ ok: true });
    } finally {
      other.close();
    }
  });
});
