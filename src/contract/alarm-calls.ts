// The bridge calls of the alarm desk, computed in the host from what its cache holds: the ISA-18.2 figures of
// the last 24 h and 7 days, and how often a rule would have fired in the last 24 h (the dry run before a save).
import { z } from 'zod';
import { AlarmRule } from '../domain/alarms/alarm-rules.js';

const Verdict = z.enum(['ok', 'manageable', 'over', 'no-data']);
const Figure = z.object({ value: z.number(), verdict: Verdict });
const Percent = z.number().min(0).max(100);

/** alarm-metrics.ts AlarmPerformance, as it travels. */
export const PerformanceFigures = z.object({
  from: z.number(),
  to: z.number(),
  total: z.number().int().nonnegative(),
  averagePer10Min: Figure,
  peakPer10Min: Figure,
  floodPercent: Figure,
  standing: Figure.extend({ alarmIds: z.array(z.string()).readonly() }),
  topTen: Figure.extend({ alarms: z.array(z.object({ alarmId: z.string(), count: z.number().int() })).readonly() }),
  chattering: Figure.extend({ alarmIds: z.array(z.string()).readonly() }),
  priorities: z.object({
    percent: z.object({ emergency: Percent, high: Percent, medium: Percent, low: Percent }),
    verdict: Verdict,
  }),
});
export type PerformanceFigures = z.infer<typeof PerformanceFigures>;

export const PerformanceResponse = z.object({ day: PerformanceFigures, week: PerformanceFigures });
export type PerformanceResponse = z.infer<typeof PerformanceResponse>;

export const DryRunResponse = z.object({
  fired: z.number().int().nonnegative(),
  /** Events of the watched topic the host held for the period: 0 means the count says nothing. */
  events: z.number().int().nonnegative(),
  from: z.number(),
  to: z.number(),
});
export type DryRunResponse = z.infer<typeof DryRunResponse>;

export const ALARM_CALLS = {
  'alarm.performance': { request: z.object({}).strict(), response: PerformanceResponse },
  'alarm.dryRun': { request: z.object({ rule: AlarmRule }), response: DryRunResponse },
} as const;
