// Joins statistics keyed by the 63 old province codes onto the 34 provinces in force since 1 July 2025.
import { OLD_PROVINCES, newCodeOf } from './old-provinces.js';

export type JoinAggregate = 'sum' | 'mean';

interface JoinedFigure {
  readonly value: number;
  /** Old codes that contributed, in code order. */
  readonly from: readonly string[];
  /** How many old provinces make up the new one: fewer contributions than this means a partial figure. */
  readonly of: number;
}

export interface CrosswalkJoin {
  /** By new province code; a province none of whose old parts had a value is absent. */
  readonly byProvince: ReadonlyMap<string, JoinedFigure>;
  /** Keys that are not old province codes: reported rather than dropped silently. */
  readonly unknownCodes: readonly string[];
}

const partsOf = new Map<string, number>();
for (const p of OLD_PROVINCES) partsOf.set(p.newCode, (partsOf.get(p.newCode) ?? 0) + 1);

/**
 * Sum suits counts and amounts (FDI, businesses); mean is the plain mean of the old provinces' values, which
 * is only an approximation for rates (a growth rate should be weighted by each part's size, which old tables
 * rarely carry). Non-finite values are skipped as missing.
 */
export function joinOldToNew(values: Readonly<Record<string, number>>, aggregate: JoinAggregate): CrosswalkJoin {
  const groups = new Map<string, { sum: number; from: string[] }>();
  const unknownCodes: string[] = [];
  for (const [oldCode, value] of Object.entries(values)) {
    const newCode = newCodeOf(oldCode);
    if (newCode === undefined) {
      unknownCodes.push(oldCode);
      continue;
    }
    if (!Number.isFinite(value)) continue;
    const group = groups.get(newCode) ?? { sum: 0, from: [] };
    group.sum += value;
    group.from.push(oldCode);
    groups.set(newCode, group);
  }
  const byProvince = new Map<string, JoinedFigure>();
  for (const [code, { sum, from }] of groups) {
    byProvince.set(code, {
      value: aggregate === 'sum' ? sum : sum / from.length,
      from: from.sort(),
      of: partsOf.get(code) ?? from.length,
    });
  }
  return { byProvince, unknownCodes };
}
