// A figure read against its target: the gap, the attainment and the scale to draw it on. Pure.

export interface GaugeReading {
  readonly value: number;
  readonly target: number;
  /** value − target. */
  readonly gap: number;
  /** value / target in percent; null when the target is zero. */
  readonly attainment: number | null;
  /** Whether the gap, rounded to what is shown, is below, above or on the target. */
  readonly state: 'below' | 'above' | 'on';
  /** Scale of the dial, from 0 (or the value when negative) to `max`. */
  readonly min: number;
  readonly max: number;
  /** The value lies beyond the scale and is drawn at its end. */
  readonly offScale: boolean;
}

export function gaugeReading(value: number, target: number, fractionDigits: number, max?: number): GaugeReading {
  const gap = value - target;
  const step = 10 ** -fractionDigits;
  const state = Math.abs(gap) < step / 2 ? 'on' : gap < 0 ? 'below' : 'above';
  const scaleMax = max ?? niceCeiling(Math.max(target, value) * 1.25);
  const min = Math.min(0, value);
  return {
    value,
    target,
    gap,
    attainment: target === 0 ? null : (value / target) * 100,
    state,
    min,
    max: scaleMax,
    offScale: value > scaleMax,
  };
}

/** The next "round" number at or above x (1, 2, 2.5, 5 × 10^n): dial ticks land on readable values. */
export function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= x) return m * magnitude;
  return 10 * magnitude;
}
