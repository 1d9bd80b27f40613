// An admin's replay of a dead letter (the `connector.replay` command): the connector reads the refused input again —
// with its config as it is now, perhaps corrected — and gives back the events it makes of it, which the command
// appends in its own transaction; or it refuses again, saying why.
import type { NewEvent } from '../event-log.js';

export type ReplayOutcome =
  | { ok: true; events: NewEvent[]; message: string }
  | { ok: false; reason: 'not-found' | 'invalid-state'; message: string };

export interface ConnectorReplayer {
  replay(connectorId: string, deadLetterId: number, now: number): ReplayOutcome;
}

/** A hub without connectors: every replay names a dead letter it does not have. */
export const NO_CONNECTORS: ConnectorReplayer = {
  replay: (connectorId, id) => ({ ok: false, reason: 'not-found', message: `no dead letter ${id} of ${connectorId}` }),
};
