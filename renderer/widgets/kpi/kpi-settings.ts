// Settings of a KPI tile: either one key's `payload.value`, or an indicator aggregated over the provinces.
// `label` and `unit` name messages of src/i18n/messages.ts; when left out they follow from the indicator or key.
import { z } from 'zod';
import { KnownTopic } from '../../../src/contract/hub-protocol.js';
import { IndicatorId } from '../../../src/contract/topics.js';
import { hasMessage } from '../../../src/i18n/messages.js';

export const MessageKey = z.string().refine(hasMessage, { message: 'must name a message of src/i18n/messages.ts' });

const Display = {
  label: MessageKey.optional(),
  unit: MessageKey.optional(),
  /** Most decimals shown. */
  fractionDigits: z.number().int().min(0).max(4).default(1),
  /** What the figure should reach; the tile then shows how much of it is attained. */
  target: z.number().finite().optional(),
  /** Whether a rise is good news (GRDP) or bad (CPI): only the change's colour follows it, never its words. */
  better: z.enum(['higher', 'lower']).default('higher'),
  /** For figures without a reporting period (live counters), the change is against this many minutes ago. */
  compareMinutes: z.number().int().min(1).max(10_080).default(60),
  /** How far back the history for the change and the sparkline reaches. */
  historyDays: z.number().min(0.01).max(31).default(7),
};

const KpiAggregateSettings = z.object({
  topic: z.literal('econ.indicators').default('econ.indicators'),
  indicator: IndicatorId,
  aggregate: z.enum(['mean', 'sum']).default('mean'),
  ...Display,
});

const KpiKeySettings = z.object({
  topic: KnownTopic,
  key: z.string().min(1).max(128),
  ...Display,
});

export const INDICATOR_TEXT: Record<IndicatorId, { label: string; unit: string }> = {
  gdp_growth: { label: 'kpi.gdpGrowth', unit: 'unit.percent' },
  cpi: { label: 'kpi.cpi', unit: 'unit.percent' },
  fdi: { label: 'kpi.fdi', unit: 'unit.millionUsd' },
  disbursement: { label: 'kpi.disbursement', unit: 'unit.percentOfPlan' },
  new_businesses: { label: 'kpi.newBusinesses', unit: 'unit.businesses' },
};

/** Whether a unit names a rate: differences of rates are percentage points, not percent. */
export function isRateUnit(unitKey: string | null | undefined): boolean {
  return unitKey === 'unit.percent' || unitKey === 'unit.percentOfPlan';
}

const KEY_TEXT: Record<string, { label: string; unit: string }> = {
  new_businesses_today: { label: 'kpi.newBusinessesToday', unit: 'unit.businesses' },
  public_services_today: { label: 'kpi.publicServicesToday', unit: 'unit.dossiers' },
  documents_processed_today: { label: 'kpi.documentsToday', unit: 'unit.documents' },
};

/** Words for a key read alone: a live counter, or one province's indicator ("79:fdi"). */
export function keyText(key: string): { label: string; unit: string } | undefined {
  const indicator = IndicatorId.safeParse(/^\d{2}:(.+)$/.exec(key)?.[1]);
  return KEY_TEXT[key] ?? (indicator.success ? INDICATOR_TEXT[indicator.data] : undefined);
}

type Resolved<T> = Omit<T, 'label' | 'unit'> & { label: string | null; unit: string | null };
type KpiAggregate = Resolved<z.infer<typeof KpiAggregateSettings>> & { mode: 'aggregate' };
type KpiKey = Resolved<z.infer<typeof KpiKeySettings>> & { mode: 'key' };
export type KpiSettings = KpiAggregate | KpiKey;

/**
 * Settings with an `indicator` are an aggregate, others a single key. Chosen by hand rather than by z.union so
 * that a mistake is reported against the form the operator meant, not as "invalid input".
 */
export const KpiSettings = z.unknown().transform((raw, ctx): KpiSettings => {
  const isAggregate = typeof raw === 'object' && raw !== null && 'indicator' in raw;
  const parsed = (isAggregate ? KpiAggregateSettings : KpiKeySettings).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  const s = parsed.data;
  const defaults = 'indicator' in s ? INDICATOR_TEXT[s.indicator] : keyText(s.key);
  const text = { label: s.label ?? defaults?.label ?? null, unit: s.unit ?? defaults?.unit ?? null };
  return 'indicator' in s ? { ...s, ...text, mode: 'aggregate' } : { ...s, ...text, mode: 'key' };
});
