// The people a hub knows: name, display name, roles, password hash, disabled flag. Rows only; who may change
// them, the audit row and ending sessions are IdentityAdmin's.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { Role } from '../../src/domain/identity/roles.js';

export interface User {
  name: string;
  displayName: string;
  roles: Role[];
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

interface UserRow {
  name: string;
  display_name: string;
  roles: string;
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
}

const StoredRoles = z.array(Role).min(1);

function toUser(r: UserRow): User {
  return {
    name: r.name,
    displayName: r.display_name,
    roles: StoredRoles.parse(JSON.parse(r.roles)),
    passwordHash: r.password_hash,
    disabled: r.disabled !== 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class UserStore {
  constructor(private readonly db: Database.Database) {}

  get(name: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return row && toUser(row);
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(toUser);
  }

  insert(user: Omit<User, 'disabled' | 'createdAt' | 'updatedAt'>, now: number): void {
    this.db
      .prepare(
        `INSERT INTO users (name, display_name, roles, password_hash, disabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, 0, ?, ?)`,
      )
      .run(user.name, user.displayName, JSON.stringify(user.roles), user.passwordHash, now, now);
  }

  setPasswordHash(name: string, hash: string, now: number): void {
    this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?').run(hash, now, name);
  }

  setDisabled(name: string, disabled: boolean, now: number): void {
    this.db.prepare('UPDATE users SET disabled = ?, updated_at = ? WHERE name = ?').run(disabled ? 1 : 0, now, name);
  }

  setRoles(name: string, roles: readonly Role[], now: number): void {
    this.db.prepare('UPDATE users SET roles = ?, updated_at = ? WHERE name = ?').run(JSON.stringify(roles), now, name);
  }
}
