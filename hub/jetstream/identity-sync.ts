// People, devices, login failures and sessions shared by every hub of a site, so a host that fails over to
// another hub is let in with the same device credential and its person's session holds there. Each hub keeps the
// tables in its own file (the identity code reads them unchanged); triggers note every change in an outbox, the
// outbox goes to the stream `IOC_IDENTITY`, and every hub applies the stream in order — its own changes too, so
// all end with the last write of each row. The key that signs session tokens is the first one written to the
// cluster, whichever hub wrote it.
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import type { Logger } from '../../platform/logger.js';
import { migrate } from '../../platform/sqlite/migrate.js';
import { readStream } from './stream-reader.js';
import { lastSeqOf, pollUntil } from './stream-wait.js';
import { DEDUPE_WINDOW, ensureStream } from './topic-streams.js';
import { jsonOf } from './json-text.js';

const STREAM = 'IOC_IDENTITY';
const SUBJECT = 'ioc.identity';
const PERIOD_MS = 50;
/** The identity tables that are shared, each with its one-column primary key. */
const SHARED = { users: 'name', devices: 'name', login_failures: 'name', sessions: 'id', refresh_tokens: 'hash' };
type SharedTable = keyof typeof SHARED;

const SYNC_MIGRATIONS: readonly string[] = [
  `CREATE TABLE identity_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, pk TEXT NOT NULL, row TEXT);
   CREATE TABLE identity_applying (one INTEGER PRIMARY KEY);
   CREATE TABLE identity_sync (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;`,
];

const Change = z.object({
  hub: z.string(),
  tbl: z.enum(Object.keys(SHARED) as [SharedTable, ...SharedTable[]]),
  pk: z.string(),
  /** The row's columns, or null: deleted. */
  row: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
});

type Row = Record<string, string | number | null>;

/**
 * Another hub's version of a row, made to agree with this hub's: what only moves one way stays moved (a refresh
 * token used, a session revoked), and an older change of a person or device does not undo a newer one here.
 * Undefined: keep this hub's row.
 */
function merged(table: SharedTable, local: Row | undefined, incoming: Row): Row | undefined {
  if (!local) return incoming;
  switch (table) {
    case 'refresh_tokens':
      return { ...incoming, used_at: local['used_at'] ?? incoming['used_at'] ?? null };
    case 'sessions':
      return local['revoked_at'] !== null
        ? { ...incoming, revoked_at: local['revoked_at'] ?? null, revoke_reason: local['revoke_reason'] ?? null }
        : incoming;
    case 'users':
    case 'devices':
      return Number(incoming['updated_at']) >= Number(local['updated_at']) ? incoming : undefined;
    case 'login_failures':
      return incoming;
  }
}

function columnsOf(db: Database.Database, table: SharedTable): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

/** The triggers that note each change; made again at every start, so they follow the tables' columns. */
function installTriggers(db: Database.Database): void {
  for (const [table, pk] of Object.entries(SHARED) as [SharedTable, string][]) {
    const json = (ref: string) =>
      `json_object(${columnsOf(db, table)
        .map((c) => `'${c}', ${ref}.${c}`)
        .join(', ')})`;
    const when = 'WHEN NOT EXISTS (SELECT 1 FROM identity_applying)';
    db.exec(`
      DROP TRIGGER IF EXISTS sync_${table}_ins; DROP TRIGGER IF EXISTS sync_${table}_upd;
      DROP TRIGGER IF EXISTS sync_${table}_del;
      CREATE TRIGGER sync_${table}_ins AFTER INSERT ON ${table} ${when} BEGIN
        INSERT INTO identity_outbox (tbl, pk, row) VALUES ('${table}', NEW.${pk}, ${json('NEW')}); END;
      CREATE TRIGGER sync_${table}_upd AFTER UPDATE ON ${table} ${when} BEGIN
        INSERT INTO identity_outbox (tbl, pk, row) VALUES ('${table}', NEW.${pk}, ${json('NEW')}); END;
      CREATE TRIGGER sync_${table}_del AFTER DELETE ON ${table} ${when} BEGIN
        INSERT INTO identity_outbox (tbl, pk, row) VALUES ('${table}', OLD.${pk}, NULL); END;`);
  }
}

/**
 * Makes the hub's signing key the cluster's: the first hub to write one wins, every other takes it. Call before
 * anything reads the key (the sessions read it once).
 */
export async function shareSigningKey(db: Database.Database, nc: NatsConnection, replicas: number): Promise<void> {
  const kv = await new Kvm(nc).create('ioc_identity', { replicas, history: 1 });
  const local = db.prepare('SELECT key FROM signing_key WHERE id = 1').get() as { key: Buffer } | undefined;
  const mine = local?.key ?? randomBytes(32);
  await kv.create('signing-key', mine.toString('base64')).catch(() => undefined);
  const shared = await kv.get('signing-key');
  if (!shared) throw new Error('the cluster has no signing key (bucket ioc_identity)');
  db.prepare('INSERT INTO signing_key (id, key) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET key = excluded.key').run(
    Buffer.from(shared.string(), 'base64'),
  );
}

export interface IdentitySync {
  /** Resolves once this hub holds every change the cluster had when asked (at most a few seconds). */
  caughtUp(): Promise<void>;
  stop(): void;
}

/** Starts sharing the identity tables. */
export async function syncIdentity(
  db: Database.Database,
  nats: { js: JetStreamClient; jsm: JetStreamManager },
  hub: string,
  replicas: number,
  logger: Logger,
): Promise<IdentitySync> {
  migrate(db, 'jetstream-identity', SYNC_MIGRATIONS);
  installTriggers(db);
  await ensureStream(nats.jsm, {
    name: STREAM,
    subjects: [SUBJECT],
    num_replicas: replicas,
    duplicate_window: DEDUPE_WINDOW,
  });
  const state = db.prepare<[string], { value: number }>('SELECT value FROM identity_sync WHERE name = ?');
  const setState = db.prepare(
    'INSERT INTO identity_sync (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  // Rows this file held before it joined the cluster go out once, like any change.
  if (!state.get('exported')) {
    db.transaction(() => {
      for (const [table, pk] of Object.entries(SHARED) as [SharedTable, string][]) {
        const cols = columnsOf(db, table);
        db.exec(`INSERT INTO identity_outbox (tbl, pk, row)
          SELECT '${table}', ${pk}, json_object(${cols.map((c) => `'${c}', ${c}`).join(', ')}) FROM ${table}`);
      }
      setState.run('exported', 1);
    })();
  }

  const pending = db.prepare<[], { id: number; tbl: string; pk: string; row: string | null }>(
    'SELECT id, tbl, pk, row FROM identity_outbox ORDER BY id LIMIT 500',
  );
  const sent = db.prepare('DELETE FROM identity_outbox WHERE id <= ?');
  let sending = false;
  const send = async (): Promise<void> => {
    if (sending) return;
    sending = true;
    try {
      for (let rows = pending.all(); rows.length > 0; rows = pending.all()) {
        for (const r of rows) {
          const change = { hub, tbl: r.tbl, pk: r.pk, row: r.row === null ? null : (JSON.parse(r.row) as unknown) };
          await nats.js.publish(SUBJECT, JSON.stringify(change), { msgID: `${hub}-${r.id}` });
        }
        sent.run(rows.at(-1)!.id);
      }
    } catch (err) {
      logger.warn('could not share an identity change with the cluster; will retry', { error: String(err) });
    } finally {
      sending = false;
    }
  };
  const timer = setInterval(() => void send(), PERIOD_MS);
  timer.unref();

  const apply = db.transaction((change: z.infer<typeof Change>, seq: number) => {
    setState.run('seq', seq);
    // This hub's own changes are in its tables already: applied again they could undo a newer one (a refresh
    // token used since would look unused, and its next use like a stolen token's).
    if (change.hub === hub) return;
    db.prepare('INSERT INTO identity_applying (one) VALUES (1)').run();
    const pk = SHARED[change.tbl];
    const local = db.prepare(`SELECT * FROM ${change.tbl} WHERE ${pk} = ?`).get(change.pk) as Row | undefined;
    if (change.row === null) db.prepare(`DELETE FROM ${change.tbl} WHERE ${pk} = ?`).run(change.pk);
    else {
      const row = merged(change.tbl, local, change.row);
      if (row) {
        const cols = columnsOf(db, change.tbl).filter((c) => c in row);
        db.prepare(
          `INSERT OR REPLACE INTO ${change.tbl} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
        ).run(row);
      }
    }
    db.prepare('DELETE FROM identity_applying').run();
  });
  const reading = readStream(
    nats,
    STREAM,
    () => (state.get('seq')?.value ?? 0) + 1,
    (m) => {
      const change = Change.safeParse(jsonOf(m.string()));
      if (!change.success) {
        logger.warn('refused an identity change that is not one', { seq: m.seq });
        setState.run('seq', m.seq);
        return;
      }
      try {
        apply(change.data, m.seq);
      } catch (err) {
        logger.warn('refused an identity change the tables do not take', { seq: m.seq, error: String(err) });
        setState.run('seq', m.seq);
      }
    },
    logger,
  );
  return {
    async caughtUp() {
      const last = await lastSeqOf(nats.jsm, STREAM);
      await pollUntil(() => (state.get('seq')?.value ?? 0) >= last, 3000);
    },
    stop: () => {
      clearInterval(timer);
      reading.stop();
    },
  };
}
