// `ioc-wall hub user|device|audit …`: how an installer sets up the people and machines of a hub and checks its
// audit log, on the hub's machine, against the hub's database file (usable while the hub runs). Every change is
// itself an audit row, signed "cli:<OS user>" on this host.
import type Database from 'better-sqlite3';
import { type Command, type CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Role, ROLES } from '../../src/domain/identity/roles.js';
import { formatDate, formatTime } from '../../src/i18n/format.js';
import { AuditLog } from '../../hub/audit/audit-log.js';
import { systemClock } from '../../hub/clock.js';
import { hubDatabaseFile, openHubDatabase } from '../../hub/hub-database.js';
import { DeviceKind } from '../../hub/identity/device-store.js';
import { type Actor, IdentityAdmin, IdentityInputError } from '../../hub/identity/identity-admin.js';
import { MIN_PASSWORD_LENGTH } from '../../hub/identity/password-hashing.js';
import { defaultDataDir } from './app-paths.js';
import { PasswordInputError, readPassword } from './password-input.js';
import { textTable } from './text-table.js';

/** Bad input: said on stderr, exit code 2, nothing changed. */
class AdminInputError extends Error {}

interface DataDirOption {
  dataDir: string;
}

function cliActor(): Actor {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = `uid-${process.getuid?.() ?? 'unknown'}`;
  }
  return { person: `cli:${user}`, device: hostname(), peer: null };
}

const dateTime = (ms: number): string => `${formatDate(ms)} ${formatTime(ms)}`;

function isoArg(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AdminInputError(`not an ISO date or time: ${value} (e.g. 2026-11-27T08:00:00+07:00)`);
  return ms;
}

/** Opens the hub's database; reading commands refuse a data dir that holds none rather than create one. */
function withDatabase<T>(dataDir: string, create: boolean, use: (db: Database.Database) => Promise<T> | T): Promise<T> {
  if (!create && !existsSync(hubDatabaseFile(dataDir))) {
    throw new AdminInputError(`no hub database in ${dataDir} (is --data-dir right?)`);
  }
  const db = openHubDatabase(dataDir);
  return Promise.resolve()
    .then(() => use(db))
    .finally(() => db.close());
}

/** Runs an action; what the installer got wrong exits 2 with the reason. */
function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await run(...args);
    } catch (err) {
      if (err instanceof AdminInputError || err instanceof IdentityInputError || err instanceof PasswordInputError) {
        process.stderr.write(`ioc-wall: ${err.message}\n`);
        process.exit(2);
      }
      throw err;
    }
  };
}

/** Commander's own errors (unknown option, missing argument) are bad input too: exit 2, help still 0. */
function exitTwoOnUsageError(group: Command): Command {
  return group.exitOverride((err: CommanderError) => process.exit(err.exitCode === 0 ? 0 : 2));
}

const dataDirOption = (): Option =>
  new Option('--data-dir <dir>', "the hub's data folder (its hub-events.sqlite)").default(defaultDataDir());

export function addHubAdminCommands(hub: Command): void {
  addUserCommands(hub);
  addDeviceCommands(hub);
  addAuditCommands(hub);
}

function addUserCommands(hub: Command): void {
  const user = exitTwoOnUsageError(hub.command('user').description('people who may log in, and their roles'));
  const roleOption = (): Option =>
    new Option('--role <role>', `a role (repeatable): ${ROLES.join(', ')}`).argParser(
      (value: string, previous: string[] = []) => {
        if (!Role.safeParse(value).success) throw new InvalidArgumentError(`a role is one of ${ROLES.join(', ')}`);
        return [...previous, value];
      },
    );

  user
    .command('add <name>')
    .description(`add a person; the password (at least ${MIN_PASSWORD_LENGTH} characters) is read from stdin`)
    .addOption(roleOption().makeOptionMandatory())
    .option('--display-name <text>', 'the name shown on the console, in Vietnamese (default: the login name)')
    .addOption(dataDirOption())
    .action(
      action(async (name: string, o: DataDirOption & { role: string[]; displayName?: string }) => {
        const password = await readPassword(`Password for ${name}: `, true);
        await withDatabase(o.dataDir, true, async (db) => {
          const added = await new IdentityAdmin(db, systemClock).addUser(cliActor(), {
            name,
            displayName: o.displayName,
            roles: o.role,
            password,
          });
          process.stdout.write(`added ${added.name} (${added.displayName}): ${added.roles.join(', ')}\n`);
        });
      }),
    );

  user
    .command('passwd <name>')
    .description("set a person's password (read from stdin); their sessions end")
    .addOption(dataDirOption())
    .action(
      action(async (name: string, o: DataDirOption) => {
        const password = await readPassword(`New password for ${name}: `, true);
        await withDatabase(o.dataDir, false, (db) =>
          new IdentityAdmin(db, systemClock).setPassword(cliActor(), name, password),
        );
        process.stdout.write(`password of ${name} changed; their sessions ended\n`);
      }),
    );

  for (const [command, disabled, done] of [
    ['disable', true, 'disabled; their sessions ended'],
    ['enable', false, 'enabled'],
  ] as const) {
    user
      .command(`${command} <name>`)
      .description(
        disabled ? 'stop a person from logging in; their sessions end' : 'let a disabled person log in again',
      )
      .addOption(dataDirOption())
      .action(
        action(async (name: string, o: DataDirOption) => {
          await withDatabase(o.dataDir, false, (db) =>
            new IdentityAdmin(db, systemClock).setDisabled(cliActor(), name, disabled),
          );
          process.stdout.write(`${name} ${done}\n`);
        }),
      );
  }

  user
    .command('roles <name>')
    .description("replace a person's roles; their sessions end")
    .addOption(roleOption().makeOptionMandatory())
    .addOption(dataDirOption())
    .action(
      action(async (name: string, o: DataDirOption & { role: string[] }) => {
        await withDatabase(o.dataDir, false, (db) =>
          new IdentityAdmin(db, systemClock).setRoles(cliActor(), name, o.role),
        );
        process.stdout.write(`${name}: ${o.role.join(', ')}; their sessions ended\n`);
      }),
    );

  user
    .command('list')
    .description('list the people of this hub')
    .addOption(dataDirOption())
    .action(
      action(async (o: DataDirOption) => {
        const users = await withDatabase(o.dataDir, false, (db) => new IdentityAdmin(db, systemClock).users.list());
        const rows = users.map((u) => [
          u.name,
          u.displayName,
          u.roles.join(','),
          u.disabled ? 'disabled' : 'active',
          dateTime(u.updatedAt),
        ]);
        process.stdout.write(textTable(['name', 'display name', 'roles', 'state', 'changed'], rows));
      }),
    );
}

function addDeviceCommands(hub: Command): void {
  const device = exitTwoOnUsageError(
    hub.command('device').description('wall and console PCs allowed to connect, each with a credential file'),
  );

  device
    .command('add <name>')
    .description('add a device and write its credential file (mode 0600) for its host')
    .addOption(
      new Option('--kind <kind>', 'wall (read-only) or console').choices(DeviceKind.options).makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'where to write the credential file (never overwritten)')
    .addOption(dataDirOption())
    .action(
      action(async (name: string, o: DataDirOption & { kind: DeviceKind; out: string }) => {
        if (existsSync(o.out)) throw new AdminInputError(`${o.out} exists; a credential file is never overwritten`);
        await withDatabase(o.dataDir, true, (db) =>
          new IdentityAdmin(db, systemClock).addDevice(cliActor(), name, o.kind, (secret) =>
            writeFileSync(o.out, `${JSON.stringify({ device: name, secret })}\n`, { flag: 'wx', mode: 0o600 }),
          ),
        );
        process.stdout.write(`added ${o.kind} ${name}; its credential is in ${o.out} — copy it to that PC only\n`);
      }),
    );

  device
    .command('revoke <name>')
    .description("revoke a device's credential; sessions on it end")
    .addOption(dataDirOption())
    .action(
      action(async (name: string, o: DataDirOption) => {
        await withDatabase(o.dataDir, false, (db) => new IdentityAdmin(db, systemClock).revokeDevice(cliActor(), name));
        process.stdout.write(`${name} revoked\n`);
      }),
    );

  device
    .command('list')
    .description('list the devices of this hub')
    .addOption(dataDirOption())
    .action(
      action(async (o: DataDirOption) => {
        const devices = await withDatabase(o.dataDir, false, (db) => new IdentityAdmin(db, systemClock).devices.list());
        const rows = devices.map((d) => [d.name, d.kind, d.revoked ? 'revoked' : 'active', dateTime(d.updatedAt)]);
        process.stdout.write(textTable(['name', 'kind', 'state', 'changed'], rows));
      }),
    );
}

function addAuditCommands(hub: Command): void {
  const audit = exitTwoOnUsageError(hub.command('audit').description("check and export the hub's audit log"));

  audit
    .command('verify')
    .description('check the hash chain: exit 0 when intact, 1 naming the first broken row')
    .addOption(dataDirOption())
    .action(
      action(async (o: DataDirOption) => {
        const result = await withDatabase(o.dataDir, false, (db) => new AuditLog(db, systemClock).verify());
        if (result.ok) {
          process.stdout.write(
            `audit log intact: ${result.rows} rows; last row ${result.headSeq}, hash ${result.headHash}\n`,
          );
        } else {
          process.stdout.write(`audit log broken at row ${result.firstBadSeq}: ${result.why}\n`);
          process.exitCode = 1;
        }
      }),
    );

  audit
    .command('export')
    .description('write audit rows to stdout, oldest first')
    .option('--from <iso>', 'from this time (inclusive), e.g. 2026-11-27T00:00:00+07:00')
    .option('--to <iso>', 'up to this time (exclusive)')
    .addOption(new Option('--format <format>', 'jsonl or csv').choices(['jsonl', 'csv'] as const).makeOptionMandatory())
    .addOption(dataDirOption())
    .action(
      action(async (o: DataDirOption & { from?: string; to?: string; format: 'jsonl' | 'csv' }) => {
        const from = o.from === undefined ? undefined : isoArg(o.from);
        const to = o.to === undefined ? undefined : isoArg(o.to);
        await withDatabase(o.dataDir, false, (db) =>
          pipeline(
            Readable.from(new AuditLog(db, systemClock).export({ from, to, format: o.format })),
            process.stdout,
            {
              end: false,
            },
          ),
        );
      }),
    );
}
