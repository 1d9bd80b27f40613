import { describe, expect, it } from 'vitest';
import { TEXT_COLOR } from '../../charts/wall-theme';
import { barsOption } from './bars-option';
import type { RankedProvince } from './province-ranking';

const row = (name: string, value: number, preliminary = false): RankedProvince => ({
  code: name,
  name,
  value,
  preliminary,
});

interface BarLabel {
  position: string;
  color: string;
  formatter: () => string;
}

function labels(rows: readonly RankedProvince[]): BarLabel[] {
  const option = barsOption(rows, { locale: 'vi', fractionDigits: 1, seriesName: 'FDI', preliminaryMark: '(sơ bộ)' });
  const series = (Array.isArray(option.series) ? option.series[0] : option.series) as {
    data: { label: BarLabel }[];
  };
  return series.data.map((d) => d.label);
}

describe('barsOption', () => {
  it('prints a long bar’s value inside its end and a short bar’s just past it, never toward the names', () => {
    const shown = labels([row('Hà Nội', 3100), row('Huế', 1600), row('Lai Châu', 293.2, true)]);
    expect(shown.map((l) => [l.position, l.color, l.formatter()])).toEqual([
      ['insideRight', '#000', '3.100'],
      ['insideRight', '#000', '1.600'],
      ['right', TEXT_COLOR, '293,2 (sơ bộ)'],
    ]);
  });

  it('keeps a short negative bar’s label right of zero and a long one’s inside its bar', () => {
    const shown = labels([row('A', 8.1), row('B', -0.4), row('C', -6)]);
    expect(shown.map((l) => l.position)).toEqual(['insideRight', 'right', 'insideLeft']);
    const option = barsOption([row('A', 1)], { locale: 'vi', fractionDigits: 1, seriesName: 'x', preliminaryMark: '' });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, axisLine: { onZero: false } });
  });
});
