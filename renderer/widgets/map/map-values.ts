// The figure of each province the choropleth, legend, labels and table show: the latest value of the chosen
// indicator, or old statistics joined through the 63→34 crosswalk. Pure.
import type { IndicatorId } from '../../../src/contract/topics.js';
import { joinOldToNew } from '../../../src/domain/geo/crosswalk.js';
import type { TypedEvent } from '../../state/payloads';
import type { LegacyFigures } from './map-settings';

export interface ProvinceFigure {
  readonly value: number;
  readonly period: string | null;
  readonly status: 'preliminary' | 'official' | null;
  /** Source time; null for static figures from settings. */
  readonly time: number | null;
  /** For joined old statistics: how many of the old parts reported, of how many. */
  readonly parts: { readonly have: number; readonly of: number } | null;
}

export function indicatorFigures(
  events: readonly TypedEvent<'econ.indicators'>[],
  indicator: IndicatorId,
): Map<string, ProvinceFigure> {
  const newest = new Map<string, TypedEvent<'econ.indicators'>>();
  for (const event of events) {
    if (event.payload.indicator !== indicator) continue;
    const held = newest.get(event.payload.province);
    if (!held || held.envelope.offset < event.envelope.offset) newest.set(event.payload.province, event);
  }
  const out = new Map<string, ProvinceFigure>();
  for (const [code, { envelope, payload }] of newest) {
    out.set(code, {
      value: payload.value,
      period: payload.period,
      status: payload.status,
      time: envelope.time,
      parts: null,
    });
  }
  return out;
}

export function legacyFigures(legacy: LegacyFigures): Map<string, ProvinceFigure> {
  const joined = joinOldToNew(legacy.values, legacy.aggregate);
  const out = new Map<string, ProvinceFigure>();
  for (const [code, f] of joined.byProvince) {
    out.set(code, { value: f.value, period: null, status: null, time: null, parts: { have: f.from.length, of: f.of } });
  }
  return out;
}

/** Source time of the newest figure, for the tile's age badge. */
export function newestFigureTime(figures: ReadonlyMap<string, ProvinceFigure>): number | null {
  let newest: number | null = null;
  for (const f of figures.values()) if (f.time !== null && (newest === null || f.time > newest)) newest = f.time;
  return newest;
}

/**
 * Every character the labels use, plus ASCII: deck.gl's TextLayer draws only the glyphs of its character set,
 * and its default set is ASCII, which would drop Vietnamese letters such as "ắ", "ộ" or "Đ".
 */
export function labelCharacters(texts: readonly string[]): string[] {
  const chars = new Set<string>();
  for (let c = 32; c < 127; c++) chars.add(String.fromCharCode(c));
  for (const text of texts) for (const ch of text.normalize('NFC')) if (ch !== '\n') chars.add(ch);
  return [...chars];
}
