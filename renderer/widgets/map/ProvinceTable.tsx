// The figures as a table, for a machine that cannot draw the map (no WebGL): every province by name, its value
// and its legend class, highest first, so the tile still tells the room what the map would have shown.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hexColor, type Choropleth } from '../../../src/domain/geo/choropleth.js';
import { PROVINCES, provinceName } from '../../../src/domain/provinces.js';
import { formatNumber, type FormatLocale } from '../../../src/i18n/format.js';
import { formatRange } from './MapLegend';
import type { ProvinceFigure } from './map-values';

export interface ProvinceTableProps {
  figures: ReadonlyMap<string, ProvinceFigure>;
  choropleth: Choropleth;
  locale: FormatLocale;
  fractionDigits: number;
}

export function ProvinceTable({ figures, choropleth, locale, fractionDigits }: ProvinceTableProps): ReactNode {
  const { t } = useTranslation();
  const rows = PROVINCES.map((p) => ({ province: p, figure: figures.get(p.code) })).sort(
    (a, b) =>
      (b.figure?.value ?? -Infinity) - (a.figure?.value ?? -Infinity) || a.province.code.localeCompare(b.province.code),
  );
  return (
    <table className="map-table" data-testid="map-table">
      <thead>
        <tr>
          <th>{t('map.province')}</th>
          <th>{t('map.value')}</th>
          <th>{t('map.class')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ province, figure }) => {
          const index = figure ? choropleth.classOf(figure.value) : null;
          const cls = index === null ? undefined : choropleth.classes[index];
          return (
            <tr key={province.code} data-code={province.code}>
              <th scope="row">{provinceName(province.code, locale)}</th>
              <td className="map-table__value">
                {figure
                  ? formatNumber(figure.value, locale, {
                      minimumFractionDigits: fractionDigits,
                      maximumFractionDigits: fractionDigits,
                    })
                  : '–'}
              </td>
              <td className="map-table__class">
                {cls ? (
                  <>
                    <span className="map-legend__swatch" style={{ backgroundColor: hexColor(cls.color) }} />
                    {formatRange(cls.min, cls.max, locale, Math.min(fractionDigits, choropleth.digits))}
                  </>
                ) : (
                  t('map.noData')
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
