// Settings of a comparison-bars tile: one indicator's latest value per province, sorted, the top N shown.
import { z } from 'zod';
import { IndicatorId } from '../../../src/contract/topics.js';
import { MessageKey } from '../kpi/kpi-settings';

export const BarsSettings = z
  .object({
    indicator: IndicatorId.default('fdi'),
    /** Provinces shown (of 34). */
    top: z.number().int().min(1).max(34).default(10),
    /** `desc`: the highest first; `asc`: the lowest first (e.g. the slowest disbursement). */
    order: z.enum(['desc', 'asc']).default('desc'),
    label: MessageKey.optional(),
    unit: MessageKey.optional(),
    fractionDigits: z.number().int().min(0).max(4).default(1),
  })
  .strict();
export type BarsSettings = z.infer<typeof BarsSettings>;
