// How much clients may make the hub store. Presets are the one topic whose keys clients create; the latest
// version of every key is kept forever and a new host receives them all in one snapshot message, so their number
// and size are bounded here — far above what a centre uses, far below what would stall a host's first start.
import type { EventLog } from '../event-log.js';

export const STORE_LIMITS = {
  /** Presets not deleted: more than an operator could choose from. */
  presets: 500,
  /** Preset ids, deleted ones included (a delete can be undone, so their history is kept). */
  presetIds: 2000,
  /** Bytes of the latest versions of all presets: one snapshot message, well under a client's 100 MB limit. */
  presetBytes: 32_000_000,
  /** Briefing ids, deleted ones included, and bytes of their latest versions: the same reasoning as presets. */
  briefingIds: 500,
  briefingBytes: 32_000_000,
};

type ClientKeyedTopic = 'wall.presets' | 'briefing.briefings';

interface StoredFigures {
  ids: number;
  live: number;
  bytes: number;
}

/** Figures of a topic, recomputed only when the topic has changed: a flood of refused saves costs a lookup. */
const figuresAt = new WeakMap<EventLog, Map<ClientKeyedTopic, { head: number; figures: StoredFigures }>>();

function storedFigures(log: EventLog, topic: ClientKeyedTopic): StoredFigures {
  const head = log.head(topic);
  const byTopic = figuresAt.get(log) ?? new Map<ClientKeyedTopic, { head: number; figures: StoredFigures }>();
  figuresAt.set(log, byTopic);
  const cached = byTopic.get(topic);
  if (cached?.head === head) return cached.figures;
  const figures = log.database
    .prepare<[ClientKeyedTopic], StoredFigures>(
      `SELECT COUNT(*) AS ids,
              COALESCE(SUM(json_extract(e.payload, '$.deleted') IS NOT 1), 0) AS live,
              COALESCE(SUM(LENGTH(CAST(e.payload AS BLOB))), 0) AS bytes
       FROM latest l JOIN events e ON e.topic = l.topic AND e.offset = l.offset
       WHERE l.topic = ?`,
    )
    .get(topic) as StoredFigures;
  byTopic.set(topic, { head, figures });
  return figures;
}

/**
 * Why saving (or restoring) `presetId` with a payload of `bytes` would store more than the limits allow;
 * undefined when it fits. Changing a preset that is there and not deleted never adds one.
 */
export function presetStoreProblem(
  log: EventLog,
  presetId: string,
  bytes: number,
  limits: Pick<typeof STORE_LIMITS, 'presets' | 'presetIds' | 'presetBytes'> = STORE_LIMITS,
): string | undefined {
  const figures = storedFigures(log, 'wall.presets');
  const current = log.latestOf('wall.presets', presetId);
  const isLive = current !== undefined && (current.payload as { deleted?: unknown }).deleted !== true;
  if (!current && figures.ids >= limits.presetIds) {
    return `the hub holds ${limits.presetIds} preset ids (deleted ones included): no new one can be added`;
  }
  if (!isLive && figures.live >= limits.presets) {
    return `the hub holds ${limits.presets} presets, its limit: delete one first`;
  }
  if (figures.bytes + bytes > limits.presetBytes) {
    return `presets would take more than ${limits.presetBytes / 1_000_000} MB: delete some or make this one smaller`;
  }
  return undefined;
}

/** Why saving `briefingId` with a payload of `bytes` would store more than the limits allow; undefined if it fits. */
export function briefingStoreProblem(
  log: EventLog,
  briefingId: string,
  bytes: number,
  limits: Pick<typeof STORE_LIMITS, 'briefingIds' | 'briefingBytes'> = STORE_LIMITS,
): string | undefined {
  const figures = storedFigures(log, 'briefing.briefings');
  if (!log.latestOf('briefing.briefings', briefingId) && figures.ids >= limits.briefingIds) {
    return `the hub holds ${limits.briefingIds} briefing ids (deleted ones included): no new one can be added`;
  }
  if (figures.bytes + bytes > limits.briefingBytes) {
    return `briefings would take more than ${limits.briefingBytes / 1_000_000} MB: delete some or make this one smaller`;
  }
  return undefined;
}
