// Every kind of connector a connectors file may name, each with its config schema and how to start it. The file's
// schema (connectors-file.ts) is built from this table, so a kind added here is a kind the file accepts.
import type { ConnectorKind } from './connector.js';
import { XLSX_FOLDER } from './xlsx-folder/xlsx-folder-connector.js';

export const CONNECTOR_KINDS = {
  'xlsx-folder': XLSX_FOLDER,
} as const satisfies Record<string, ConnectorKind<{ id: string }>>;

export type ConnectorKindName = keyof typeof CONNECTOR_KINDS;
