// The legend of the choropleth: each class's colour, value range and how many provinces fall in it, so the
// state reads as text as well as colour.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_DATA_COLOR, hexColor, type Choropleth } from '../../../src/domain/geo/choropleth.js';
import { formatNumber, type FormatLocale } from '../../../src/i18n/format.js';

export interface MapLegendProps {
  title: string;
  choropleth: Choropleth;
  noData: number;
  locale: FormatLocale;
  fractionDigits: number;
}

/** "5,0 – 6,0": both bounds with the same decimals, so a column of ranges lines up. */
export function formatRange(min: number, max: number, locale: FormatLocale, fractionDigits: number): string {
  const f = (v: number): string =>
    formatNumber(v, locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
  return `${f(min)} – ${f(max)}`;
}

export function MapLegend({ title, choropleth, noData, locale, fractionDigits }: MapLegendProps): ReactNode {
  const { t } = useTranslation();
  // Bounds are rounded to the classification's step; print no more decimals than that, nor than the tile asks.
  const digits = Math.min(fractionDigits, choropleth.digits);
  return (
    <div className="map-legend" data-testid="map-legend">
      <p className="map-legend__title">{title}</p>
      <ol className="map-legend__classes">
        {[...choropleth.classes].reverse().map((c) => (
          <li
            key={c.index}
            className="map-legend__class"
            data-color={hexColor(c.color)}
            data-min={c.min}
            data-max={c.max}
          >
            <span className="map-legend__swatch" style={{ backgroundColor: hexColor(c.color) }} />
            <span className="map-legend__range">{formatRange(c.min, c.max, locale, digits)}</span>
            <span className="map-legend__count">({formatNumber(c.count, locale)})</span>
          </li>
        ))}
        {noData > 0 && (
          <li className="map-legend__class map-legend__class--no-data" data-color={hexColor(NO_DATA_COLOR)}>
            <span className="map-legend__swatch" style={{ backgroundColor: hexColor(NO_DATA_COLOR) }} />
            <span className="map-legend__range">{t('map.noData')}</span>
            <span className="map-legend__count">({formatNumber(noData, locale)})</span>
          </li>
        )}
      </ol>
    </div>
  );
}
