// The alarm's province as a small outline: the shipped boundaries drawn into an SVG with a plain equirectangular
// projection (enough to recognise a province; the wall's map tile does the real cartography).
import type { ReactNode } from 'react';
import { provinceName } from '../../../src/domain/provinces.js';
import { useLocale } from '../../app/i18n';
import { loadBasemap } from '../../widgets/map/load-geodata';
import { useAsyncLoad } from '../../widgets/map/use-async-load';

const SIZE = 160;

type Ring = readonly (readonly number[])[];

function pathOf(polygons: readonly (readonly Ring[])[]): string {
  const points = polygons.flat(2);
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (SIZE - 8) / Math.max((maxLon - minLon) * k, maxLat - minLat, 1e-6);
  const x = (lon: number) => (4 + (lon - minLon) * k * scale).toFixed(1);
  const y = (lat: number) => (4 + (maxLat - lat) * scale).toFixed(1);
  return polygons
    .flatMap((rings) => rings.map((ring) => `M${ring.map((p) => `${x(p[0]!)},${y(p[1]!)}`).join('L')}Z`))
    .join('');
}

export function ProvinceSketch({ code }: { code: string }): ReactNode {
  const locale = useLocale();
  const basemap = useAsyncLoad('public-domain', () => loadBasemap({ boundaries: 'public-domain' }));
  const shape = basemap.state === 'ready' ? basemap.value.provinces.find((p) => p.code === code) : undefined;
  const name = provinceName(code, locale);
  return (
    <figure className="province-sketch">
      {shape && (
        <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={name}>
          <path d={pathOf(shape.polygons)} fillRule="evenodd" />
        </svg>
      )}
      <figcaption>{name}</figcaption>
    </figure>
  );
}
