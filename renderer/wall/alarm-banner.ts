// What the alarm banner across a wall surface says: unacknowledged Khẩn cấp alarms and those escalated because
// nobody answered, most recent first. During a briefing the banner is discreet (a corner note, not a band).
import type { Alarm } from '../../src/domain/alarms/alarm-schema.js';

export interface AlarmBannerContent {
  emergencies: number;
  escalated: number;
  /** The most recent alarm's title: what the room reads first. */
  latest: Alarm;
  discreet: boolean;
}

const unacknowledged = (a: Alarm): boolean => a.state === 'unack' || a.state === 'rtnun';

export function alarmBanner(alarms: readonly Alarm[], briefingActive: boolean): AlarmBannerContent | null {
  const emergencies = alarms.filter((a) => unacknowledged(a) && a.priority === 'emergency');
  const escalated = alarms.filter((a) => unacknowledged(a) && a.priority !== 'emergency' && a.escalation !== null);
  const latest = [...emergencies, ...escalated].sort((a, b) => (b.activatedAt ?? 0) - (a.activatedAt ?? 0))[0];
  if (!latest) return null;
  return { emergencies: emergencies.length, escalated: escalated.length, latest, discreet: briefingActive };
}
