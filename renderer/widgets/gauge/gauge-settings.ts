// Settings of a gauge tile: one indicator (sum or plain mean over the provinces, or one province) against a target.
import { z } from 'zod';
import { IndicatorId, ProvinceCode } from '../../../src/contract/topics.js';
import { MessageKey } from '../kpi/kpi-settings';

export const GaugeSettings = z
  .object({
    indicator: IndicatorId.default('disbursement'),
    /** One province; left out: all provinces, aggregated. */
    province: ProvinceCode.optional(),
    aggregate: z.enum(['mean', 'sum']).default('mean'),
    /** What the figure should reach, in the indicator's unit (e.g. 60 = 60 % of plan disbursed by now). */
    target: z.number().finite(),
    /** End of the scale; by default a quarter beyond the target or the value, whichever is larger. */
    max: z.number().finite().positive().optional(),
    /** A round dial, or a horizontal bullet bar (fits short, wide tiles). */
    style: z.enum(['gauge', 'bullet']).default('gauge'),
    label: MessageKey.optional(),
    unit: MessageKey.optional(),
    fractionDigits: z.number().int().min(0).max(4).default(1),
  })
  .strict()
  .refine((s) => s.max === undefined || s.max > s.target, { message: 'max must be above target', path: ['max'] });
export type GaugeSettings = z.infer<typeof GaugeSettings>;
