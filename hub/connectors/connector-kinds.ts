// Every kind of connector a connectors file may name, each with its config schema and how to start it. The file's
// schema (connectors-file.ts) is built from this table, so a kind added here is a kind the file accepts.
import type { ConnectorKind } from './connector.js';
import { CAP_CONNECTOR } from './cap/cap-connector.js';
import { REST_CONNECTOR } from './rest/rest-connector.js';
import { WEBHOOK_CONNECTOR } from './webhook/webhook-connector.js';
import { XLSX_FOLDER } from './xlsx-folder/xlsx-folder-connector.js';

export const CONNECTOR_KINDS = {
  'xlsx-folder': XLSX_FOLDER,
  rest: REST_CONNECTOR,
  cap: CAP_CONNECTOR,
  webhook: WEBHOOK_CONNECTOR,
} as const satisfies Record<string, ConnectorKind<{ id: string }>>;

export type ConnectorKindName = keyof typeof CONNECTOR_KINDS;
