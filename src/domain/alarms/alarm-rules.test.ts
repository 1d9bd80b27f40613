import { describe, expect, it } from 'vitest';
import { AlarmRule, AlarmRuleSet, escalationMinutes } from './alarm-rules.js';

const threshold = {
  id: 'cpi-ha-noi',
  name: 'CPI Hà Nội vượt ngưỡng',
  priority: 'high',
  area: { province: '01', unit: null },
  watch: { topic: 'econ.indicators', key: '01:cpi' },
  kind: 'threshold',
  direction: 'above',
  limit: 4,
};

const issues = (input: unknown) =>
  AlarmRule.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('alarm rules as data', () => {
  it('fills the defaults: dedup key per rule and key, field value, no deadband or delays', () => {
    expect(AlarmRule.parse(threshold)).toMatchObject({
      dedupKey: '{rule}:{key}',
      field: 'value',
      deadband: 0,
      onDelayS: 0,
      offDelayS: 0,
    });
  });

  it('names the field of each error', () => {
    expect(issues({ ...threshold, limit: Number.NaN })).toEqual([expect.stringMatching(/^limit: /)]);
    expect(issues({ ...threshold, dedupKey: '{rule}:{nguoi}' })).toEqual([
      'dedupKey: dedup key: placeholders are {rule}, {topic}, {key}, {province}',
    ]);
    expect(issues({ ...threshold, watch: { topic: 'Econ', key: 'a b' } })).toHaveLength(2);
    expect(issues({ ...threshold, area: { province: '99', unit: null } })[0]).toMatch(/^area\.province/);
    expect(issues({ ...threshold, field: 'value; drop' })[0]).toMatch(/^field: field: a dotted path/);
    expect(issues({ ...threshold, deadband: -1 })[0]).toMatch(/^deadband/);
    expect(issues({ ...threshold, kind: 'magic' })[0]).toMatch(/^kind/);
  });

  it('checks the plan, the stale period and the task window', () => {
    const plan = {
      ...threshold,
      kind: 'plan-deviation',
      tolerance: 10,
      direction: 'behind',
      plan: [
        { month: 6, target: 45 },
        { month: 3, target: 20 },
      ],
    };
    expect(issues(plan)).toEqual(['plan: plan: months in order, once each']);
    expect(issues({ ...plan, plan: [{ month: 13, target: 1 }] })[0]).toMatch(/^plan\.0\.month/);
    expect(issues({ ...threshold, kind: 'stale', maxAgeS: 0 })[0]).toMatch(/^maxAgeS/);
    expect(AlarmRule.parse({ ...threshold, kind: 'stale', maxAgeS: 60 })).toMatchObject({ scope: 'any-key' });
    expect(issues({ ...threshold, kind: 'task-due', dueWithinDays: -1 })[0]).toMatch(/^dueWithinDays/);
    expect(issues({ ...threshold, kind: 'task-due', dueWithinDays: null })).toEqual([]);
  });

  it('accepts the three responses and nothing else in them', () => {
    for (const response of [
      { kind: 'show-preset', presetId: 'ung-pho-khan-cap', monitors: ['left'] },
      { kind: 'zoom-map' },
      { kind: 'camera', tileId: 'cam', cameraId: 'cau-rong' },
    ]) {
      expect(issues({ ...threshold, response })).toEqual([]);
    }
    expect(issues({ ...threshold, response: { kind: 'show-preset', presetId: 'x', monitors: [] } })[0]).toMatch(
      /^response\.monitors/,
    );
    expect(issues({ ...threshold, response: { kind: 'zoom-map', script: 'alert(1)' } })[0]).toMatch(/^response/);
    expect(issues({ ...threshold, response: { kind: 'siren' } })[0]).toMatch(/^response\.kind/);
  });

  it('escalates after the rule’s minutes, else by priority (5 min for Khẩn cấp), or never', () => {
    const rule = (extra: object) => AlarmRule.parse({ ...threshold, ...extra });
    expect(escalationMinutes(rule({ priority: 'emergency' }))).toBe(5);
    expect(escalationMinutes(rule({ priority: 'low' }))).toBeNull();
    expect(escalationMinutes(rule({ priority: 'low', escalationMinutes: 30 }))).toBe(30);
    expect(escalationMinutes(rule({ priority: 'emergency', escalationMinutes: null }))).toBeNull();
  });

  it('refuses a rule set that uses an id twice', () => {
    const r = AlarmRuleSet.safeParse([threshold, { ...threshold, name: 'khác' }]);
    expect(r.error?.issues[0]).toMatchObject({ path: [1, 'id'], message: 'rule id cpi-ha-noi is used twice' });
  });
});
