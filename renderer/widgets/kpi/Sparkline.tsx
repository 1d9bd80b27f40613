// A KPI's recent course as a small SVG line: cheaper than a chart instance for every KPI tile on the wall.
import type { ReactNode } from 'react';
import type { Point } from '../../charts/value-points';
import { sparklinePath, thin } from './sparkline-path';

const WIDTH = 300;
const HEIGHT = 60;
const MAX_POINTS = 120;

export function Sparkline({ points }: { points: readonly Point[] }): ReactNode {
  const d = sparklinePath(thin(points, MAX_POINTS), WIDTH, HEIGHT, 4);
  if (!d) return null;
  return (
    <svg
      className="kpi__sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      data-testid="kpi-sparkline"
      data-points={Math.min(points.length, MAX_POINTS)}
    >
      <path d={d} />
    </svg>
  );
}
