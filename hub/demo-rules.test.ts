import { describe, expect, it } from 'vitest';
import { AlarmRuleSet } from '../src/domain/alarms/alarm-rules.js';
import { dryRun } from '../src/domain/alarms/rule-evaluator.js';
import { DEMO_RULES } from './demo-rules.js';
import { DemoSource } from './demo-source.js';

const HOUR = 3_600_000;

/** An hour of the demo from `start`, as the hub's log would hold it. */
function demoHour(start: number) {
  let now = start;
  const src = new DemoSource({ seed: 2025, clock: () => now });
  const events = src.initial();
  for (let i = 0; i < HOUR / 250; i++) {
    now += 250;
    events.push(...src.tick());
  }
  return { events, range: { from: start, to: now } };
}

describe('demo rules', () => {
  it('are valid rules', () => {
    expect(AlarmRuleSet.safeParse(DEMO_RULES).success).toBe(true);
  });

  // Through the year: the alarms of the demo's own series are there to see, and never a flood.
  it.each([
    ['March', Date.UTC(2026, 2, 10, 2)],
    ['July', Date.UTC(2026, 6, 20, 2)],
    ['December', Date.UTC(2026, 11, 1, 2)],
  ])('raise a few alarms in an hour of the demo in %s, not a flood', (_month, start) => {
    const { events, range } = demoHour(start);
    const fired = Object.fromEntries(DEMO_RULES.map((r) => [r.id, dryRun(r, events, range).fired]));
    expect(fired['cpi-cao']).toBeGreaterThan(0);
    expect(fired['nhiem-vu-den-han']).toBeGreaterThan(0);
    expect(fired['mat-tin-hieu-truc-tuyen']).toBe(0);
    const total = Object.values(fired).reduce((a, b) => a + b, 0);
    expect(total, JSON.stringify(fired)).toBeLessThanOrEqual(40);
  });
});
