// Earlier versions of a versioned thing (a preset, an alarm rule) back to the oldest the log still holds: what
// undo restores. Each version is an event of the thing's key whose payload names its `version`.
import type { z } from 'zod';
import type { KnownTopic } from '../../src/contract/topics.js';
import type { EventLog } from '../event-log.js';

export function versionReader<T>(
  log: EventLog,
  topic: KnownTopic,
  key: string,
  schema: z.ZodType<T>,
): (version: number) => T | undefined {
  const find = log.database.prepare<[string, string, number], { payload: string }>(
    `SELECT payload FROM events WHERE topic = ? AND key = ? AND json_extract(payload, '$.version') = ?
     ORDER BY offset DESC LIMIT 1`,
  );
  return (version) => {
    const row = find.get(topic, key, version);
    const parsed = row ? schema.safeParse(JSON.parse(row.payload)) : undefined;
    return parsed?.success ? parsed.data : undefined;
  };
}
