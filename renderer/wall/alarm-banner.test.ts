import { describe, expect, it } from 'vitest';
import { testAlarm } from '../../test/support/alarms.js';
import { alarmBanner } from './alarm-banner';

describe('alarmBanner', () => {
  const emergency = testAlarm({ id: 'lu', priority: 'emergency', at: 10 });
  const seen = testAlarm({ id: 'chay', priority: 'emergency', at: 20, then: ['acknowledge'] });
  const escalatedHigh = { ...testAlarm({ id: 'sat-lo', priority: 'high', at: 30 }), escalation: { level: 1, at: 40 } };

  it('counts unacknowledged emergencies and escalated alarms, naming the most recent', () => {
    const banner = alarmBanner([emergency, seen, escalatedHigh, testAlarm({ id: 'x', at: 50 })], false);
    expect(banner).toMatchObject({ emergencies: 1, escalated: 1, discreet: false });
    expect(banner?.latest.id).toBe('sat-lo');
  });

  it('is absent when every emergency is acknowledged, and discreet during a briefing', () => {
    expect(alarmBanner([seen], false)).toBeNull();
    expect(alarmBanner([emergency], true)?.discreet).toBe(true);
  });
});
