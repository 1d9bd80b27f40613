// When a tile's figure counts as stale: older than the slowest expected update period of the topics it reads.
import { TOPICS, type KnownTopic } from '../../src/contract/topics.js';

/** Longest expected update period among `topics`, in ms; null for a tile that reads no topic. */
export function stalenessLimitMs(topics: readonly KnownTopic[]): number | null {
  if (topics.length === 0) return null;
  return Math.max(...topics.map((t) => TOPICS[t].expectedPeriodS)) * 1000;
}

export function isStale(ageMs: number, topics: readonly KnownTopic[]): boolean {
  const limit = stalenessLimitMs(topics);
  return limit !== null && ageMs > limit;
}
