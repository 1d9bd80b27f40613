// Where the figures of a scene come from, for the line under its page in the briefing pack: for every topic its
// tiles read, each distinct source system, reporting period and status (preliminary or official) among the values
// shown, and the newest update. Pure.
import type { Envelope } from '../../src/contract/hub-protocol.js';

export interface ProvenanceLine {
  readonly topic: string;
  readonly source: string | null;
  readonly period: string | null;
  readonly status: 'preliminary' | 'official' | null;
  /** Newest source time among the values of this line. */
  readonly newest: number;
}

/** What a tile reads: its topics, and (when its settings name them) one key or one indicator. */
export interface TileReading {
  readonly topics: readonly string[];
  readonly key?: string | undefined;
  readonly indicator?: string | undefined;
}

const field = (payload: unknown, name: string): unknown =>
  typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function sceneProvenance(readings: readonly TileReading[], events: readonly Envelope[]): ProvenanceLine[] {
  const lines = new Map<string, ProvenanceLine>();
  for (const e of events) {
    const read = readings.some(
      (r) =>
        r.topics.includes(e.topic) &&
        (r.key === undefined || r.key === e.key) &&
        (r.indicator === undefined || field(e.payload, 'indicator') === r.indicator),
    );
    if (!read) continue;
    const status = field(e.payload, 'status');
    const line: ProvenanceLine = {
      topic: e.topic,
      source: text(field(e.payload, 'sourceSystem')),
      period: text(field(e.payload, 'period')),
      status: status === 'preliminary' || status === 'official' ? status : null,
      newest: e.time,
    };
    const id = `${line.topic}\u0000${line.source}\u0000${line.period}\u0000${line.status}`;
    const held = lines.get(id);
    lines.set(id, held && held.newest >= line.newest ? held : line);
  }
  return [...lines.values()].sort(
    (a, b) =>
      a.topic.localeCompare(b.topic) ||
      (a.source ?? '').localeCompare(b.source ?? '', 'vi') ||
      (b.period ?? '').localeCompare(a.period ?? ''),
  );
}
