// The connectors file (`--connectors FILE`): `{ "connectors": [ { "id": …, "kind": …, …its settings } ] }`. Each
// entry is checked by its kind's schema (connector-kinds.ts), which sees the whole entry, `kind` included. A bad
// file names the bad field and starts nothing.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CONNECTOR_KINDS, type ConnectorKindName } from './connector-kinds.js';

const KIND_NAMES = Object.keys(CONNECTOR_KINDS) as [ConnectorKindName, ...ConnectorKindName[]];

const Entry = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'id: 1–48 lower-case letters, digits or -, e.g. "so-tai-chinh"'),
  kind: z.enum(KIND_NAMES),
});

export interface ConnectorEntry {
  id: string;
  kind: ConnectorKindName;
  /** As the kind's schema parsed it. */
  config: { id: string };
}

const ConnectorsFile = z
  .strictObject({ connectors: z.array(Entry).max(100) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.connectors.forEach((entry, i) => {
      if (seen.has(entry.id)) {
        ctx.addIssue({ code: 'custom', path: ['connectors', i, 'id'], message: `id "${entry.id}" is used twice` });
      }
      seen.add(entry.id);
      const parsed = CONNECTOR_KINDS[entry.kind].config.safeParse(entry);
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ ...issue, path: ['connectors', i, ...issue.path] } as never);
      }
    });
  })
  .transform((file): ConnectorEntry[] =>
    file.connectors.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      config: CONNECTOR_KINDS[entry.kind].config.parse(entry),
    })),
  );

export class ConnectorsFileError extends Error {}

/** The file's connectors, or a ConnectorsFileError naming what is wrong (unreadable, not JSON, a bad field). */
export function readConnectorsFile(file: string): ConnectorEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConnectorsFileError(`connectors file ${file}: ${(err as Error).message}`);
  }
  const parsed = ConnectorsFile.safeParse(raw);
  if (!parsed.success) throw new ConnectorsFileError(`connectors file ${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
