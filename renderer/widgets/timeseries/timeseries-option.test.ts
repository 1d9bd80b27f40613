import { describe, expect, it } from 'vitest';
import { timeseriesOption } from './timeseries-option';

describe('timeseriesOption', () => {
  const points = Array.from({ length: 5000 }, (_, i) => [Date.UTC(2026, 9, 5, 1, 0) + i * 1000, i % 97] as const);
  const option = timeseriesOption(points, {
    locale: 'vi',
    timeZone: 'Asia/Ho_Chi_Minh',
    fractionDigits: 1,
    seriesName: 'x',
    windowMs: 3_600_000,
  });

  it('asks ECharts for LTTB sampling of every point, with no animation', () => {
    const series = Array.isArray(option.series) ? option.series[0] : option.series;
    expect(series).toMatchObject({ type: 'line', sampling: 'lttb' });
    const data = (series as unknown as { data: Float64Array }).data;
    expect(data).toHaveLength(10_000);
    expect([data[2], data[3]]).toEqual([points[1]?.[0], points[1]?.[1]]);
    expect(option.animation).toBe(false);
  });

  it('spans the window up to the newest point', () => {
    const x = option.xAxis as { min: number; max: number };
    expect(x.max - x.min).toBe(3_600_000);
    expect(x.max).toBe(points.at(-1)?.[0]);
  });

  it("spans a briefing scene's range instead, when it has one", () => {
    const range = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 9, 5) };
    const look = {
      locale: 'vi' as const,
      timeZone: 'Asia/Ho_Chi_Minh',
      fractionDigits: 1,
      seriesName: 'x',
      windowMs: 1,
    };
    expect(timeseriesOption(points, look, range).xAxis).toMatchObject({ min: range.from, max: range.to });
  });

  it('labels time as HH:mm in the room’s zone and values as 1.234,5', () => {
    const x = option.xAxis as { axisLabel: { formatter: (v: number) => string } };
    const y = option.yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(x.axisLabel.formatter(Date.UTC(2026, 9, 5, 1, 30))).toBe('08:30');
    expect(y.axisLabel.formatter(1234.5)).toBe('1.235');
    expect(y.axisLabel.formatter(12.25)).toBe('12,3');
  });
});
