// Units as reports write them ("tỷ đồng", "triệu USD", "%") and the unit each indicator is published in, so that a
// figure in another scale of the same quantity is converted (1,2 tỷ USD → 1.200 triệu USD) and one of another
// quantity (tỷ đồng for FDI counted in USD) is refused rather than published under the wrong unit.
import type { IndicatorId } from '../../contract/topics.js';
import { foldText } from './folded-text.js';

type Quantity = 'vnd' | 'usd' | 'percent' | 'count';

export interface ReportUnit {
  quantity: Quantity;
  /** How many base units (đồng, USD, percentage points, items) one of this unit is. */
  scale: number;
  /** As printed: for messages. */
  label: string;
}

const SCALES: Readonly<Record<string, number>> = {
  '': 1,
  nghin: 1e3,
  ngan: 1e3,
  trieu: 1e6,
  ty: 1e9,
  'nghin ty': 1e12,
};

const CURRENCIES: Readonly<Record<string, Quantity>> = {
  dong: 'vnd',
  vnd: 'vnd',
  d: 'vnd',
  usd: 'usd',
  'do la my': 'usd',
};

export function parseUnit(text: string): ReportUnit | null {
  const folded = foldText(text);
  if (/^%( ke hoach| so voi ke hoach)?$/.test(folded) || folded === 'phan tram') {
    return { quantity: 'percent', scale: 1, label: '%' };
  }
  if (/^(doanh nghiep|dn|so luong|)$/.test(folded)) return { quantity: 'count', scale: 1, label: text.trim() };
  const m = /^(?:(nghin ty|nghin|ngan|trieu|ty)\s*)?(dong|vnd|d|usd|do la my)$/.exec(folded);
  if (!m) return null;
  return { quantity: CURRENCIES[m[2]!]!, scale: SCALES[m[1] ?? '']!, label: text.trim() };
}

/** The unit each indicator is published in (and shown in: src/i18n/messages.ts map.unit). */
export const INDICATOR_UNITS: Readonly<Record<IndicatorId, ReportUnit>> = {
  gdp_growth: { quantity: 'percent', scale: 1, label: '%' },
  cpi: { quantity: 'percent', scale: 1, label: '%' },
  fdi: { quantity: 'usd', scale: 1e6, label: 'triệu USD' },
  disbursement: { quantity: 'percent', scale: 1, label: '% kế hoạch' },
  new_businesses: { quantity: 'count', scale: 1, label: 'doanh nghiệp' },
};

export type Converted = { ok: true; value: number } | { ok: false; reason: string };

/** A value in `from` expressed in the indicator's unit. */
export function toIndicatorUnit(value: number, from: ReportUnit, indicator: IndicatorId): Converted {
  const to = INDICATOR_UNITS[indicator];
  if (from.quantity !== to.quantity) {
    return { ok: false, reason: `đơn vị "${from.label}" không quy đổi được sang "${to.label}"` };
  }
  return { ok: true, value: (value * from.scale) / to.scale };
}
