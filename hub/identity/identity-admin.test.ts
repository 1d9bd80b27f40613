import argon2 from 'argon2';
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { openHubDatabase } from '../hub-database.js';
import { IdentityAdmin, IdentityInputError } from './identity-admin.js';

const CLI = { person: 'cli:root', device: 'hub-pc', peer: null };

describe('IdentityAdmin', { timeout: 60_000 }, () => {
  let dir: string;
  let db: Database.Database;
  let admin: IdentityAdmin;
  let audit: AuditLog;
  const now = Date.parse('2026-11-27T08:00:00+07:00');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ioc-admin-'));
    db = openHubDatabase(dir);
    admin = new IdentityAdmin(db, () => now);
    audit = new AuditLog(db, () => now);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a person with an argon2id hash, an NFC display name and each role once, and audits it', async () => {
    const decomposed = 'Nguyễn Thị Hương'.normalize('NFD');
    const user = await admin.addUser(CLI, {
      name: 'huong.nt',
      displayName: `  ${decomposed} `,
      roles: ['operator', 'admin', 'operator'],
      password: 'mật khẩu của Hương'.normalize('NFD'),
    });
    expect(user).toMatchObject({ displayName: 'Nguyễn Thị Hương', roles: ['operator', 'admin'], disabled: false });
    expect(user.displayName).toBe(user.displayName.normalize('NFC'));
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    // Typed with a decomposing input method, the same password matches.
    expect(await argon2.verify(user.passwordHash, 'mật khẩu của Hương'.normalize('NFC'))).toBe(true);
    expect(audit.query({ limit: 10 })).toMatchObject([
      {
        person: 'cli:root',
        device: 'hub-pc',
        action: 'user.add',
        target: 'user:huong.nt',
        outcome: 'ok',
        detail: '{"displayName":"Nguyễn Thị Hương","roles":"operator,admin"}',
      },
    ]);
  });

  it('refuses bad names, roles, short passwords and duplicates, changing nothing', async () => {
    const ok = { name: 'anh', roles: ['operator'], password: 'đủ dài rồi nhé' };
    for (const bad of [
      { ...ok, name: 'Anh' },
      { ...ok, name: 'a' },
      { ...ok, name: '../etc' },
      { ...ok, roles: [] },
      { ...ok, roles: ['boss'] },
      { ...ok, password: 'ngắn quá' },
      { ...ok, displayName: '\u0007' },
    ]) {
      await expect(admin.addUser(CLI, bad)).rejects.toThrow(IdentityInputError);
    }
    await admin.addUser(CLI, ok);
    await expect(admin.addUser(CLI, ok)).rejects.toThrow('user anh already exists');
    expect(() => admin.setDisabled(CLI, 'nobody', true)).toThrow('no user named nobody');
    expect(() => admin.revokeDevice(CLI, 'nowhere')).toThrow('no device named nowhere');
    expect(admin.users.list().map((u) => u.name)).toEqual(['anh']);
    expect(audit.query({ limit: 10 }).map((r) => r.action)).toEqual(['user.add']);
  });

  it('does not create a device whose secret could not be handed over', () => {
    expect(() =>
      admin.addDevice(CLI, 'wall-1', 'wall', () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(admin.devices.list()).toEqual([]);
    expect(audit.query({ limit: 10 })).toEqual([]);
  });

  it('authenticates a device by its secret; a wall is read-only; a revoked or unknown one is refused', () => {
    let wallSecret = '';
    let consoleSecret = '';
    admin.addDevice(CLI, 'wall-1', 'wall', (s) => (wallSecret = s));
    admin.addDevice(CLI, 'console-1', 'console', (s) => (consoleSecret = s));
    expect(Buffer.from(wallSecret, 'base64url')).toHaveLength(32);
    expect(admin.devices.authenticate({ device: 'wall-1', secret: wallSecret })).toEqual({
      ok: true,
      principal: { kind: 'device', device: 'wall-1', deviceKind: 'wall', readOnly: true },
    });
    expect(admin.devices.authenticate({ device: 'console-1', secret: consoleSecret })).toMatchObject({
      ok: true,
      principal: { readOnly: false },
    });
    expect(admin.devices.authenticate({ device: 'wall-1', secret: consoleSecret })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(admin.devices.authenticate({ device: 'wall-9', secret: wallSecret })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    admin.revokeDevice(CLI, 'wall-1');
    expect(admin.devices.authenticate({ device: 'wall-1', secret: wallSecret })).toEqual({
      ok: false,
      reason: 'revoked',
    });
    // Only the holder of the secret learns of the revocation.
    expect(admin.devices.authenticate({ device: 'wall-1', secret: 'guess' })).toEqual({ ok: false, reason: 'invalid' });
    expect(audit.query({ target: 'device:wall-1', limit: 10 }).map((r) => r.action)).toEqual([
      'device.revoke',
      'device.add',
    ]);
  });
});
