// Changes to people and devices, as an administrator makes them (the CLI today, the console later): each change,
// the sessions it ends and its audit row are one transaction, so none happens without the others.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { Role } from '../../src/domain/identity/roles.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { type DeviceKind, DeviceStore } from './device-store.js';
import { DisplayName, PrincipalName } from './names.js';
import { hashPassword, Password } from './password-hashing.js';
import { Sessions } from './sessions.js';
import { type User, UserStore } from './user-store.js';

/** Who made a change, as the audit log records it. */
export interface Actor {
  person: string;
  device: string | null;
  peer: string | null;
}

/** A change refused because of what was asked (a bad name, an existing user): nothing was changed. */
export class IdentityInputError extends Error {}

const Roles = z.array(Role).min(1, 'at least one role');

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new IdentityInputError(`${what}: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

export class IdentityAdmin {
  readonly users: UserStore;
  readonly devices: DeviceStore;
  private readonly sessions: Sessions;
  private readonly audit: AuditLog;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.users = new UserStore(db);
    this.devices = new DeviceStore(db);
    this.sessions = new Sessions(db, clock);
    this.audit = new AuditLog(db, clock);
  }

  async addUser(
    actor: Actor,
    input: { name: string; displayName?: string; roles: readonly string[]; password: string },
  ): Promise<User> {
    const name = parse(PrincipalName, input.name, 'user name');
    const displayName = parse(DisplayName, input.displayName ?? name, 'display name');
    const roles = parse(Roles, [...new Set(input.roles)], 'roles');
    const hash = await hashPassword(parse(Password, input.password, 'password'));
    this.db
      .transaction(() => {
        if (this.users.get(name)) throw new IdentityInputError(`user ${name} already exists`);
        this.users.insert({ name, displayName, roles, passwordHash: hash }, this.clock());
        this.record(actor, 'user.add', `user:${name}`, { displayName, roles: roles.join(',') });
      })
      .immediate();
    return this.mustGetUser(name);
  }

  async setPassword(actor: Actor, name: string, password: string): Promise<void> {
    const hash = await hashPassword(parse(Password, password, 'password'));
    this.db
      .transaction(() => {
        this.mustGetUser(name);
        this.users.setPasswordHash(name, hash, this.clock());
        const ended = this.sessions.endAllOf(name, 'password-changed');
        this.record(actor, 'user.passwd', `user:${name}`, { sessionsEnded: ended });
      })
      .immediate();
  }

  setDisabled(actor: Actor, name: string, disabled: boolean): void {
    this.db
      .transaction(() => {
        this.mustGetUser(name);
        this.users.setDisabled(name, disabled, this.clock());
        const ended = disabled ? this.sessions.endAllOf(name, 'disabled') : 0;
        this.record(actor, disabled ? 'user.disable' : 'user.enable', `user:${name}`, { sessionsEnded: ended });
      })
      .immediate();
  }

  setRoles(actor: Actor, name: string, roles: readonly string[]): void {
    const parsed = parse(Roles, [...new Set(roles)], 'roles');
    this.db
      .transaction(() => {
        const before = this.mustGetUser(name).roles;
        this.users.setRoles(name, parsed, this.clock());
        const ended = this.sessions.endAllOf(name, 'roles-changed');
        this.record(actor, 'user.roles', `user:${name}`, {
          before: before.join(','),
          after: parsed.join(','),
          sessionsEnded: ended,
        });
      })
      .immediate();
  }

  /** Hands the new device's secret to `deliver` (which writes the credential file): the hub keeps only its hash. */
  addDevice(actor: Actor, name: string, kind: DeviceKind, deliver: (secret: string) => void): void {
    const device = parse(PrincipalName, name, 'device name');
    this.db
      .transaction(() => {
        if (this.devices.get(device)) throw new IdentityInputError(`device ${device} already exists`);
        const secret = this.devices.insert(device, kind, this.clock());
        this.record(actor, 'device.add', `device:${device}`, { kind });
        // Inside the transaction: if the secret cannot be handed over, the device is not created.
        deliver(secret);
      })
      .immediate();
  }

  revokeDevice(actor: Actor, name: string): void {
    this.db
      .transaction(() => {
        if (!this.devices.get(name)) throw new IdentityInputError(`no device named ${name}`);
        this.devices.revoke(name, this.clock());
        const ended = this.sessions.endAllOnDevice(name);
        this.record(actor, 'device.revoke', `device:${name}`, { sessionsEnded: ended });
      })
      .immediate();
  }

  private mustGetUser(name: string): User {
    const user = this.users.get(name);
    if (!user) throw new IdentityInputError(`no user named ${name}`);
    return user;
  }

  private record(actor: Actor, action: string, target: string, detail: Record<string, string | number>): void {
    this.audit.append({ ...actor, action, target, outcome: 'ok', detail });
  }
}
