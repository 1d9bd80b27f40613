// Provinces ranked by their latest value of one indicator. Pure. A record whose key does not match what its
// payload says (key "01:fdi" carrying Đà Nẵng's CPI) cannot be placed honestly: it is left out and reported.
import type { IndicatorId } from '../../../src/contract/topics.js';
import { PROVINCES, provinceByCode, provinceName } from '../../../src/domain/provinces.js';
import type { TypedEvent } from '../../state/payloads';

export interface RankedProvince {
  readonly code: string;
  /** As the locale labels it (provinceName). */
  readonly name: string;
  readonly value: number;
  readonly preliminary: boolean;
}

export interface Ranking {
  readonly rows: readonly RankedProvince[];
  /** Provinces that reported the indicator, of PROVINCES.length. */
  readonly reporting: number;
  readonly total: number;
  readonly period: string | null;
  readonly sources: readonly string[];
  /** Keys left out, with why. */
  readonly problems: readonly string[];
}

export function rankProvinces(
  events: readonly TypedEvent<'econ.indicators'>[],
  indicator: IndicatorId,
  order: 'asc' | 'desc',
  top: number,
  locale: 'vi' | 'en',
): Ranking {
  const rows: RankedProvince[] = [];
  const problems: string[] = [];
  const sources: string[] = [];
  let period: string | null = null;
  for (const { envelope, payload } of events) {
    if (!envelope.key.endsWith(`:${indicator}`) && payload.indicator !== indicator) continue;
    const expected = `${payload.province}:${payload.indicator}`;
    if (envelope.key !== expected) {
      problems.push(`${envelope.key} ≠ ${expected}`);
      continue;
    }
    const province = provinceByCode(payload.province);
    if (!province) continue; // the schema only admits the 34 codes
    rows.push({
      code: province.code,
      name: provinceName(province.code, locale),
      value: payload.value,
      preliminary: payload.status === 'preliminary',
    });
    if (period === null || payload.period > period) period = payload.period;
    if (!sources.includes(payload.sourceSystem)) sources.push(payload.sourceSystem);
  }
  const sign = order === 'desc' ? -1 : 1;
  // Ties keep the official order of provinces (by code), so equal values do not swap places between redraws.
  rows.sort((a, b) => sign * (a.value - b.value) || a.code.localeCompare(b.code));
  return { rows: rows.slice(0, top), reporting: rows.length, total: PROVINCES.length, period, sources, problems };
}
