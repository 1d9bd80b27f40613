// A gauge tile: a figure against its target, with the value, the target and the gap written out in words.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceName } from '../../../src/domain/provinces.js';
import { formatNumber, formatPeriod, withUnit } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { ChartTile } from '../../charts/ChartTile';
import { useLatest } from '../../state/session-context';
import { INDICATOR_TEXT, isRateUnit } from '../kpi/kpi-settings';
import type { WidgetProps } from '../widget-definition';
import { gaugeFigure } from './gauge-figure';
import { gaugeOption } from './gauge-option';
import { gaugeReading } from './gauge-reading';
import type { GaugeSettings } from './gauge-settings';

export function GaugeView({ settings }: WidgetProps<GaugeSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(['econ.indicators']);
  const figure = gaugeFigure(settings, values);
  const digits = settings.fractionDigits;
  const reading = figure ? gaugeReading(figure.value, settings.target, digits, settings.max) : null;
  const title = t(settings.label ?? INDICATOR_TEXT[settings.indicator].label);
  const unitKey = settings.unit ?? INDICATOR_TEXT[settings.indicator].unit;
  const unit = t(unitKey);
  // What the figure is: one province's, or a sum or plain mean over the provinces (never "national").
  const scope =
    settings.province !== undefined
      ? provinceName(settings.province, locale)
      : figure?.total != null
        ? t(`kpi.${settings.aggregate}Of`, { count: figure.count, total: figure.total })
        : '';
  const fmt = (v: number): string => formatNumber(v, locale, { maximumFractionDigits: digits });
  // The gap between two rates is in percentage points.
  const gapOf = (v: number): string =>
    isRateUnit(unitKey) ? `${fmt(v)} ${t('unit.percentagePoints')}` : withUnit(fmt(v), unit);

  const key = reading ? `${reading.value}|${reading.target}|${reading.max}` : '';
  const option = useMemo(
    () => (reading ? gaugeOption(reading, { locale, fractionDigits: digits, style: settings.style }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, locale, digits, settings.style],
  );
  return (
    <ChartTile
      kind="gauge"
      variant={settings.style === 'bullet' ? 'bullet' : undefined}
      title={title}
      subtitle={scope}
      option={option}
      waiting={t('chart.waiting')}
    >
      {reading && (
        <div className="chart__lines">
          <span className="chart__line chart__line--strong" data-testid="gauge-value">
            {withUnit(fmt(reading.value), unit)}
          </span>
          <span className={`chart__line chart__line--${reading.state}`} data-testid="gauge-gap">
            {reading.state === 'on'
              ? `● ${t('chart.onTarget')}`
              : reading.state === 'below'
                ? `▼ ${t('chart.below', { gap: gapOf(-reading.gap) })}`
                : `▲ ${t('chart.above', { gap: gapOf(reading.gap) })}`}
          </span>
          <span className="chart__line chart__line--extra">
            {t('chart.target', { value: withUnit(fmt(reading.target), unit) })}
            {reading.attainment !== null &&
              ` · ${t('chart.attainment', {
                percent: `${formatNumber(reading.attainment, locale, { maximumFractionDigits: 1 })}%`,
              })}`}
          </span>
          {figure?.period && (
            <span className="chart__line chart__line--extra">
              {formatPeriod(figure.period, locale)}
              {figure.status && figure.status !== 'mixed' && ` · ${t(`dataStatus.${figure.status}`)}`}
            </span>
          )}
        </div>
      )}
    </ChartTile>
  );
}
