// The SVG path of a sparkline: a KPI's recent course squeezed into a small box. Pure.
import type { Point } from '../../charts/value-points';

/** At most `max` points, keeping the first and the last and evenly spaced ones between. */
export function thin(points: readonly Point[], max: number): readonly Point[] {
  if (points.length <= max) return points;
  const out: Point[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) {
    const p = points[Math.round(i * step)];
    if (p) out.push(p);
  }
  return out;
}

/** "M x,y L x,y …" in a width×height box (y grows downwards); null with fewer than two points. */
export function sparklinePath(points: readonly Point[], width: number, height: number, pad = 2): string | null {
  if (points.length < 2) return null;
  const t0 = points[0]?.[0] ?? 0;
  const t1 = points.at(-1)?.[0] ?? t0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const [, v] of points) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const spanT = t1 - t0 || 1;
  // A flat line sits in the middle rather than on an edge.
  const spanV = hi - lo || 1;
  const midFlat = hi === lo;
  const round = (n: number): string => (Math.round(n * 10) / 10).toString();
  return points
    .map(([t, v], i) => {
      const x = pad + ((t - t0) / spanT) * (width - 2 * pad);
      const y = midFlat ? height / 2 : pad + (1 - (v - lo) / spanV) * (height - 2 * pad);
      return `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`;
    })
    .join(' ');
}
