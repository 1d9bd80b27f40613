import { describe, expect, it } from 'vitest';
import { columnsOfPoints, concatPoints, parsePointColumns, pointAt } from './points-file';

const good = {
  lon: [105.85, 108.2, 106.7],
  lat: [21.03, 16.05, 10.78],
  value: [3, 12, 0],
  kind: ['camera', 'project', 'other'],
  label: ['Hồ Gươm', null, 'Bến Thành'],
};

function error(json: unknown): string {
  const r = parsePointColumns(json);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('points file', () => {
  it('turns columns into typed arrays', () => {
    const r = parsePointColumns(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.points;
    expect(p.count).toBe(3);
    expect(Array.from(p.positions)).toEqual(Array.from(new Float32Array([105.85, 21.03, 108.2, 16.05, 106.7, 10.78])));
    expect(Array.from(p.values ?? [])).toEqual([3, 12, 0]);
    expect(Array.from(p.kinds)).toEqual([1, 0, 2]);
    expect(p.maxValue).toBe(12);
    expect(pointAt(p, 0)).toMatchObject({ kind: 'camera', label: 'Hồ Gươm', value: 3 });
    expect(pointAt(p, 1)).not.toHaveProperty('label');
    expect(pointAt(p, 3)).toBeNull();
  });

  it('takes lon and lat alone, and one kind for every point', () => {
    const r = parsePointColumns({ lon: [100, 101], lat: [10, 11], kind: 'camera' });
    expect(r.ok && r.points).toMatchObject({ count: 2, values: null, labels: null, maxValue: 1 });
    expect(r.ok && Array.from(r.points.kinds)).toEqual([1, 1]);
    expect(parsePointColumns({ lon: [], lat: [] })).toMatchObject({ ok: true, points: { count: 0 } });
  });

  it('names the first bad field or entry', () => {
    expect(error([1, 2])).toMatch(/object with "lon" and "lat"/);
    expect(error({ lon: [1] })).toMatch(/"lat" must be an array/);
    expect(error({ lon: [1, 2], lat: [1] })).toMatch(/"lat" has 1 entries, "lon" has 2/);
    expect(error({ lon: [1], lat: [1], value: [1, 2] })).toMatch(/"value" has 2 entries/);
    expect(error({ lon: [1], lat: [1], value: 3 })).toMatch(/"value" must be an array/);
    expect(error({ lon: [1], lat: [1], kind: 'tank' })).toMatch(/"kind" must be one of project, camera, other/);
    expect(error({ lon: [1], lat: [1], colour: [1] })).toMatch(/unknown field "colour"/);
    expect(error({ lon: [1, 181], lat: [1, 1] })).toBe('lon[1] = 181: must be a number within -180…180');
    expect(error({ lon: [1, 2], lat: [1, '2'] })).toBe('lat[1] = "2": must be a number within -90…90');
    expect(error({ lon: [1], lat: [null] })).toMatch(/^lat\[0\] = null/);
    expect(error({ lon: [1, 2], lat: [1, 2], value: [1, -1] })).toMatch(
      /^value\[1\] = -1: must be a finite number ≥ 0/,
    );
    expect(error({ lon: [1], lat: [1], kind: ['tank'] })).toMatch(/^kind\[0\] = "tank"/);
    expect(error({ lon: [1], lat: [1], label: ['x'.repeat(201)] })).toMatch(/^label\[0\] = "x+": must be a text/);
  });

  it('refuses more points than allowed without reading them', () => {
    expect(parsePointColumns({ lon: [1, 2, 3], lat: [1, 2, 3] }, 2)).toEqual({
      ok: false,
      error: '3 points: at most 2 in one file',
    });
  });

  it('checks a million points', () => {
    const n = 1_000_000;
    const lon = Array.from({ length: n }, (_, i) => 102 + (i % 1000) / 100);
    const lat = Array.from({ length: n }, (_, i) => 9 + Math.floor(i / 1000) / 100);
    const value = Array.from({ length: n }, (_, i) => i % 50);
    const r = parsePointColumns({ lon, lat, value, kind: 'other' });
    expect(r.ok && r.points.count).toBe(n);
    expect(r.ok && r.points.maxValue).toBe(49);
  });

  it('joins the tile’s own points and the file’s', () => {
    const own = columnsOfPoints([{ lon: 105, lat: 21, kind: 'camera', label: 'A' }]);
    const r = parsePointColumns({ lon: [106, 107], lat: [10, 11], value: [5, 20] });
    if (!r.ok) throw new Error(r.error);
    const all = concatPoints(own, r.points);
    expect(all.count).toBe(3);
    expect(Array.from(all.positions)).toEqual([105, 21, 106, 10, 107, 11]);
    expect(Array.from(all.values ?? [])).toEqual([1, 5, 20]);
    expect(all.labels).toEqual(['A', null, null]);
    expect(all.maxValue).toBe(20);
    expect(pointAt(all, 0)).toMatchObject({ kind: 'camera', label: 'A' });
  });
});
