// Runs the connectors of the connectors file inside the hub: each with a context whose publish is the hub's own
// (validated like every source), its status kept for /api/status, its refusals kept as dead letters, and the
// replay of a dead letter on an admin's command. A connector that fails to start is reported, not fatal.
import type { ConnectorStatusRow } from '../../src/contract/connector-status.js';
import type { Envelope, KnownTopic } from '../../src/contract/hub-protocol.js';
import type { Logger } from '../../platform/logger.js';
import type { NewEvent } from '../event-log.js';
import { CONNECTOR_KINDS } from './connector-kinds.js';
import type { ConnectorKind, ConnectorStatus, RunningConnector } from './connector.js';
import type { ConnectorEntry } from './connectors-file.js';
import type { ConnectorReplayer, ReplayOutcome } from './connector-replay.js';
import type { DeadLetterStore } from './dead-letter-store.js';

export interface ConnectorRunnerDeps {
  publish(events: readonly NewEvent[]): Envelope[];
  latest(topic: KnownTopic, key: string): unknown;
  deadLetters: DeadLetterStore;
  logger: Logger;
  now(): number;
}

export interface ConnectorRunner extends ConnectorReplayer {
  statuses(): ConnectorStatusRow[];
  stop(): Promise<void>;
}

interface Running {
  entry: ConnectorEntry;
  status: ConnectorStatus;
  connector: RunningConnector | null;
}

/** The table seen as kinds of any config: each entry's config was parsed by its own kind's schema. */
const KINDS: Readonly<Record<string, ConnectorKind<{ id: string }>>> = CONNECTOR_KINDS;

export function startConnectors(entries: readonly ConnectorEntry[], deps: ConnectorRunnerDeps): ConnectorRunner {
  const running = new Map<string, Running>();
  for (const entry of entries) {
    const r: Running = {
      entry,
      status: { lastRunAt: null, nextRunAt: null, accepted: 0, refused: 0, lastError: null },
      connector: null,
    };
    running.set(entry.id, r);
    try {
      r.connector = KINDS[entry.kind]!.start(entry.config, {
        publish: deps.publish,
        latest: deps.latest,
        deadLetter: (letter) => deps.deadLetters.add(entry.id, letter, deps.now()),
        report: (update) => Object.assign(r.status, update),
        logger: deps.logger,
        now: deps.now,
      });
      deps.logger.info('connector started', { id: entry.id, kind: entry.kind });
    } catch (err) {
      r.status.lastError = `không khởi động được: ${(err as Error).message}`;
      deps.logger.error('connector did not start', { id: entry.id, kind: entry.kind, error: String(err) });
    }
  }

  return {
    statuses: () =>
      [...running.values()].map(({ entry, status }) => ({
        id: entry.id,
        kind: entry.kind,
        ...status,
        deadLetters: deps.deadLetters.count(entry.id),
      })),
    replay(connectorId, deadLetterId, now): ReplayOutcome {
      const letter = deps.deadLetters.get(deadLetterId);
      const r = running.get(connectorId);
      if (!letter || letter.connector !== connectorId || !r) {
        return { ok: false, reason: 'not-found', message: `không có thư lỗi ${deadLetterId} của ${connectorId}` };
      }
      if (letter.replayedAt !== null) {
        return { ok: false, reason: 'invalid-state', message: `thư lỗi ${deadLetterId} đã được xử lý lại` };
      }
      if (!r.connector?.replay) {
        return { ok: false, reason: 'invalid-state', message: `nguồn ${connectorId} không xử lý lại được` };
      }
      const outcome = r.connector.replay(letter);
      if (!outcome.ok) return { ok: false, reason: 'invalid-state', message: `vẫn bị từ chối: ${outcome.reason}` };
      deps.deadLetters.replayed(deadLetterId, now);
      r.status.accepted += outcome.events.length;
      return { ok: true, events: outcome.events, message: `đã nhận ${outcome.events.length} sự kiện` };
    },
    async stop() {
      await Promise.all([...running.values()].map((r) => r.connector?.stop()));
    },
  };
}
