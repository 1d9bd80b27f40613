// What the room expects of each topic: how often fresh data should arrive. A tile whose data is older than
// its topic's period shows its age as a warning rather than passing stale figures off as live.
import type { KnownTopic } from '../contract/hub-protocol.js';

export interface TopicInfo {
  readonly topic: KnownTopic;
  /** Seconds between updates in normal operation. */
  readonly expectedPeriodS: number;
}

export const TOPIC_INFO: Readonly<Record<KnownTopic, TopicInfo>> = {
  'econ.live': { topic: 'econ.live', expectedPeriodS: 5 },
  'econ.indicators': { topic: 'econ.indicators', expectedPeriodS: 30 },
  // A task is assigned, reported on or completed a few times an hour, not every minute.
  'gov.tasks': { topic: 'gov.tasks', expectedPeriodS: 900 },
  'ops.alerts': { topic: 'ops.alerts', expectedPeriodS: 60 },
  // Presets and the schedule change when operators change them, perhaps not for weeks: never "stale".
  'wall.presets': { topic: 'wall.presets', expectedPeriodS: 365 * 86_400 },
  'wall.state': { topic: 'wall.state', expectedPeriodS: 365 * 86_400 },
};
