// A time-series tile: one figure's line over the recent window, with its newest value in words beneath.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../src/i18n/format.js';
import { provinceByCode } from '../../../src/domain/provinces.js';
import { useLocale } from '../../app/i18n';
import { dateTimeLabel } from '../../charts/axis-format';
import { ChartTile } from '../../charts/ChartTile';
import { valuePoints, withLatest } from '../../charts/value-points';
import { useHistory } from '../../state/use-history';
import { useLatest } from '../../state/session-context';
import { keyText } from '../kpi/kpi-settings';
import type { WidgetProps } from '../widget-definition';
import type { TimeseriesSettings } from './timeseries-settings';
import { timeseriesOption } from './timeseries-option';

export function TimeseriesView({ settings }: WidgetProps<TimeseriesSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const { topic, key } = settings;
  const history = useHistory({ topic, key, windowMs: settings.windowMinutes * 60_000, limit: settings.maxPoints });
  const latest = useLatest([topic]).get(topic, key);
  const events = useMemo(() => withLatest(history.events, latest), [history.events, latest]);
  // Thrown here, in render, so the tile's error boundary shows it.
  const points = useMemo(() => valuePoints(events), [events]);

  const text = keyText(key);
  const labelKey = settings.label ?? text?.label;
  const unitKey = settings.unit ?? text?.unit;
  const title = labelKey ? t(labelKey) : key;
  const unit = unitKey ? t(unitKey) : '';
  const province = provinceByCode(key.split(':')[0] ?? '');
  const subtitle = [
    province && (locale === 'vi' ? province.name : province.nameEn),
    t('chart.lastMinutes', { minutes: formatNumber(settings.windowMinutes, locale) }),
  ]
    .filter(Boolean)
    .join(' · ');

  const option = useMemo(
    () =>
      points.length === 0
        ? null
        : timeseriesOption(points, {
            locale,
            timeZone: settings.timeZone,
            fractionDigits: settings.fractionDigits,
            seriesName: title,
            windowMs: settings.windowMinutes * 60_000,
          }),
    [points, locale, settings.timeZone, settings.fractionDigits, title, settings.windowMinutes],
  );
  const last = points.at(-1);
  return (
    <ChartTile kind="timeseries" title={title} subtitle={subtitle} option={option} waiting={t('chart.waiting')}>
      <p className="chart__lines">
        {last && (
          <span className="chart__line chart__line--strong" data-testid="chart-last">
            {formatNumber(last[1], locale, { maximumFractionDigits: settings.fractionDigits })} {unit}
          </span>
        )}
        {last && <span className="chart__line">{dateTimeLabel(last[0], settings.timeZone)}</span>}
        {history.status === 'error' && (
          <span className="chart__problem" role="alert">
            {t('chart.historyFailed', { error: history.error })}
          </span>
        )}
      </p>
    </ChartTile>
  );
}
