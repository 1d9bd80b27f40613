// The machines a hub lets in: a wall PC or a console PC, each with a credential secret handed to it once in a
// file. The secret is 32 random bytes, so it is stored as a plain SHA-256: a slow KDF protects guessable
// passwords, but nobody can enumerate 2^256 secrets, and a fast hash keeps every handshake cheap.
import type Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { DeviceCredential } from '../../src/contract/people.js';
import type { DevicePrincipal } from './principal.js';

export const DeviceKind = z.enum(['wall', 'console']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export interface Device {
  name: string;
  kind: DeviceKind;
  revoked: boolean;
  createdAt: number;
  updatedAt: number;
}

interface DeviceRow {
  name: string;
  kind: string;
  secret_hash: string;
  revoked: number;
  created_at: number;
  updated_at: number;
}

function toDevice(r: DeviceRow): Device {
  return {
    name: r.name,
    kind: DeviceKind.parse(r.kind),
    revoked: r.revoked !== 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function secretHash(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export type DeviceAuthentication =
  { ok: true; principal: DevicePrincipal } | { ok: false; reason: 'invalid' | 'revoked' };

export class DeviceStore {
  constructor(private readonly db: Database.Database) {}

  get(name: string): Device | undefined {
    const row = this.db.prepare('SELECT * FROM devices WHERE name = ?').get(name) as DeviceRow | undefined;
    return row && toDevice(row);
  }

  list(): Device[] {
    return (this.db.prepare('SELECT * FROM devices ORDER BY name').all() as DeviceRow[]).map(toDevice);
  }

  /** Stores a new device and returns its secret, which exists nowhere else once the caller has written it out. */
  insert(name: string, kind: DeviceKind, now: number): string {
    const secret = randomBytes(32).toString('base64url');
    this.db
      .prepare(
        `INSERT INTO devices (name, kind, secret_hash, revoked, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)`,
      )
      .run(name, kind, secretHash(secret).toString('hex'), now, now);
    return secret;
  }

  revoke(name: string, now: number): void {
    this.db.prepare('UPDATE devices SET revoked = 1, updated_at = ? WHERE name = ?').run(now, name);
  }

  /** An unknown name and a wrong secret get the same answer; only the holder of the secret learns of a revocation. */
  authenticate(credential: DeviceCredential): DeviceAuthentication {
    const row = this.db.prepare('SELECT * FROM devices WHERE name = ?').get(credential.device) as DeviceRow | undefined;
    const presented = secretHash(credential.secret);
    const stored = row ? Buffer.from(row.secret_hash, 'hex') : Buffer.alloc(presented.length);
    const matches = stored.length === presented.length && timingSafeEqual(presented, stored) && row !== undefined;
    if (!row || !matches) return { ok: false, reason: 'invalid' };
    if (row.revoked !== 0) return { ok: false, reason: 'revoked' };
    const kind = DeviceKind.parse(row.kind);
    return { ok: true, principal: { kind: 'device', device: row.name, deviceKind: kind, readOnly: kind === 'wall' } };
  }
}
