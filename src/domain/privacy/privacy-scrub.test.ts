import { describe, expect, it } from 'vitest';
import type { EnvelopeBase } from '../../contract/hub-protocol.js';
import type { KnownTopic } from '../../contract/topics.js';
import { apply, newAlarm } from '../alarms/alarm-lifecycle.js';
import { Alarm, type PersonActor } from '../alarms/alarm-schema.js';
import { CENTRE_UNIT, scrubEvent } from './privacy-scrub.js';
import type { z } from 'zod';

const T0 = Date.UTC(2026, 11, 1, 2, 0);
const lan: PersonActor = { kind: 'person', person: 'Nguyễn Thị Lan', device: 'console-1' };
const envelope = (topic: KnownTopic, payload: unknown): z.infer<typeof EnvelopeBase> => ({
  topic,
  offset: 1,
  time: T0,
  source: 'test',
  key: 'k',
  payload,
});

/** An alarm in which the person appears everywhere the schema lets one: notes, timeline, hold.by. */
function alarmWithPeople(): Alarm {
  let alarm = newAlarm(
    {
      id: 'a-1',
      ruleId: 'giai-ngan-cham',
      dedupKey: 'giai-ngan-cham:01',
      priority: 'high',
      title: 'Giải ngân chậm so với kế hoạch',
      area: { province: '01', unit: 'Sở Tài chính' },
    },
    T0,
  );
  const events = [
    { kind: 'condition-active', by: { kind: 'system', source: 'rules' }, value: 31, threshold: 45 },
    { kind: 'note', by: lan, text: 'đã gọi Sở Tài chính' },
    { kind: 'shelve', by: lan, until: T0 + 3_600_000, reason: 'đang xử lý', oneShot: false },
  ] as const;
  for (const [i, event] of events.entries()) {
    const r = apply(alarm, event, T0 + (i + 1) * 1000);
    if (!r.ok) throw new Error(r.reason);
    alarm = r.alarm;
  }
  return alarm;
}

describe('privacy scrubbing', () => {
  it('replaces every person of an alarm record by its unit, and the result is still an alarm', () => {
    const alarm = alarmWithPeople();
    expect(JSON.stringify(alarm)).toContain('Nguyễn Thị Lan');
    const scrubbed = scrubEvent(envelope('ops.alerts', alarm), []);
    expect(JSON.stringify(scrubbed)).not.toContain('Nguyễn Thị Lan');
    const record = Alarm.parse(scrubbed.payload);
    expect(record.hold?.by).toEqual({ kind: 'person', person: 'Sở Tài chính', device: 'console-1' });
    expect(record.notes[0]?.by.person).toBe('Sở Tài chính');
    const people = record.timeline.flatMap((t) => (t.by.kind === 'person' ? [t.by.person] : []));
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p === 'Sở Tài chính')).toBe(true);
  });

  it('drops the fields a topic marks personal and names the centre when the record has no unit', () => {
    const alert = {
      id: 'x',
      severity: 'major',
      title: 'Ngập úng',
      category: 'flood',
      province: '79',
      state: 'acknowledged',
      raisedAt: T0,
      acknowledgedBy: 'Trần Văn Bình',
      notes: [{ by: 'Trần Văn Bình', at: T0, text: 'đã báo' }],
    };
    const scrubbed = scrubEvent(envelope('ops.alerts', alert), ['acknowledgedBy']);
    expect(JSON.stringify(scrubbed)).not.toContain('Trần Văn Bình');
    expect(scrubbed.payload).not.toHaveProperty('acknowledgedBy');
    expect((scrubbed.payload as typeof alert).notes[0]?.by).toBe(CENTRE_UNIT);
  });

  it('leaves a record without people as it was', () => {
    const task = { id: 't', title: 'Báo cáo', assignedBy: 'government', unit: 'Bộ Tài chính', dueDate: '2026-12-31' };
    expect(scrubEvent(envelope('gov.tasks', task), []).payload).toEqual(task);
  });
});
