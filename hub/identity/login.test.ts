import argon2 from 'argon2';
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHubDatabase } from '../hub-database.js';
import { FAILURE_MEMORY_MS, lockDurationMs } from './login-backoff.js';
import { Login } from './login.js';
import { UserStore } from './user-store.js';

const PASSWORD = 'mật khẩu đúng 2026';

describe('lockDurationMs', () => {
  it('locks from the fifth failure for 30 s, doubling, at most 15 minutes', () => {
    expect([1, 2, 3, 4].map(lockDurationMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map(lockDurationMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
    expect(lockDurationMs(1_000)).toBe(900_000);
  });
});

// argon2 at its real cost (the decoy hash for unknown names, the upgrade after a login) takes seconds on 2 cores.
describe('Login', { timeout: 60_000 }, () => {
  let dir: string;
  let db: Database.Database;
  let now: number;
  let login: Login;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ioc-login-'));
    db = openHubDatabase(dir);
    now = Date.parse('2026-11-27T08:00:00+07:00');
    login = new Login(db, () => now);
    // Cheap parameters in the stored hash keep the test fast; a successful login rehashes it with the real ones.
    const cheap = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
    new UserStore(db).insert(
      { name: 'anh', displayName: 'Nguyễn Văn Anh', roles: ['operator'], passwordHash: cheap },
      now,
    );
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const failTimes = async (name: string, n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      expect(await login.attempt(name, 'sai mật khẩu rồi')).toMatchObject({ ok: false, reason: 'invalid-credentials' });
    }
  };

  it('accepts the right password and upgrades a hash made with weaker parameters', async () => {
    const result = await login.attempt('anh', PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { name: 'anh', roles: ['operator'] } });
    expect(new UserStore(db).get('anh')!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await login.attempt('anh', PASSWORD)).toMatchObject({ ok: true });
  });

  it('tells an unknown name, a wrong password and a disabled account apart only in the audit cause', async () => {
    const unknown = await login.attempt('nobody', PASSWORD);
    const wrong = await login.attempt('anh', 'not the password');
    new UserStore(db).setDisabled('anh', true, now);
    const disabled = await login.attempt('anh', PASSWORD);
    for (const r of [unknown, wrong, disabled]) expect(r).toMatchObject({ ok: false, reason: 'invalid-credentials' });
    expect([unknown, wrong, disabled].map((r) => !r.ok && r.cause)).toEqual([
      'unknown-user',
      'wrong-password',
      'disabled',
    ]);
  });

  it('locks after five failures, even for the right password, and doubles the lock on each further failure', async () => {
    await failTimes('anh', 5);
    expect(await login.attempt('anh', PASSWORD)).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterMs: 30_000,
      cause: 'locked',
    });
    now += 29_999;
    expect(await login.attempt('anh', PASSWORD)).toMatchObject({ reason: 'locked', retryAfterMs: 1 });
    now += 1;
    await failTimes('anh', 1);
    expect(await login.attempt('anh', PASSWORD)).toMatchObject({ reason: 'locked', retryAfterMs: 60_000 });
    now += 60_000;
    expect(await login.attempt('anh', PASSWORD)).toMatchObject({ ok: true });
    // A success starts the count again.
    await failTimes('anh', 4);
    expect(await login.attempt('anh', PASSWORD)).toMatchObject({ ok: true });
  });

  it('locks unknown names the same way, so a lock does not tell a name exists', async () => {
    await failTimes('khong.co', 5);
    expect(await login.attempt('khong.co', PASSWORD)).toMatchObject({ reason: 'locked', retryAfterMs: 30_000 });
  });

  it('forgets failures older than a day', async () => {
    await failTimes('anh', 4);
    now += FAILURE_MEMORY_MS;
    await failTimes('anh', 1);
    expect(await login.attempt('anh', PASSWORD)).toMatchObject({ ok: true });
  });

  it('takes one attempt per name at a time: a parallel guess is turned away, not counted past the lock', async () => {
    const [first, second] = await Promise.all([
      login.attempt('anh', 'guess one xxxx'),
      login.attempt('anh', 'guess two xxxx'),
    ]);
    expect(first).toMatchObject({ reason: 'invalid-credentials' });
    expect(second).toMatchObject({ reason: 'locked', cause: 'busy' });
  });
});
