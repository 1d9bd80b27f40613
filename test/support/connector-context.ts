// A connector's context for integration tests, over what the hub gives it: a real event log on a real SQLite file,
// with publish validating every event as hub-server's publish does. Dead letters and status updates are kept for
// the test to read.
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../platform/logger.js';
import { Envelope } from '../../src/contract/hub-protocol.js';
import type { ConnectorContext, ConnectorStatus, DeadLetter } from '../../hub/connectors/connector.js';
import { EventLog, type NewEvent } from '../../hub/event-log.js';
import { openHubDatabaseFile } from '../../hub/hub-database.js';

export interface TestConnectorContext {
  ctx: ConnectorContext;
  log: EventLog;
  deadLetters: DeadLetter[];
  status: ConnectorStatus;
  /** Every status update, in order, with the instant it was made. */
  reports: (Partial<ConnectorStatus> & { reportedAt: number })[];
  dir: string;
  close(): void;
}

export function connectorContext(name: string): TestConnectorContext {
  const dir = mkdtempSync(join(tmpdir(), `ioc-${name}-`));
  const db: Database.Database = openHubDatabaseFile(join(dir, 'hub-events.sqlite'));
  const log = new EventLog(db);
  const deadLetters: DeadLetter[] = [];
  const reports: TestConnectorContext['reports'] = [];
  const status: ConnectorStatus = { lastRunAt: null, nextRunAt: null, accepted: 0, refused: 0, lastError: null };
  const ctx: ConnectorContext = {
    publish(events: readonly NewEvent[]) {
      for (const e of events) Envelope.parse({ ...e, offset: 1 });
      return log.append(events);
    },
    latest: (topic, key) => log.latestOf(topic, key)?.payload,
    deadLetter: (entry) => deadLetters.push(entry),
    report(update) {
      reports.push({ ...update, reportedAt: Date.now() });
      Object.assign(status, update);
    },
    logger: createLogger(`connector:${name}`),
    now: () => Date.now(),
  };
  return {
    ctx,
    log,
    deadLetters,
    status,
    reports,
    dir,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
