// A time-series tile: one figure's line over the recent window, with its newest value in words beneath.
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, withUnit } from '../../../src/i18n/format.js';
import { provinceByCode, provinceName } from '../../../src/domain/provinces.js';
import { useLocale } from '../../app/i18n';
import { dateTimeLabel } from '../../charts/axis-format';
import { ChartTile } from '../../charts/ChartTile';
import { PointSeries, withLatest } from '../../charts/value-points';
import { useHistory } from '../../state/use-history';
import { useLatestEvent } from '../../state/session-context';
import { keyText } from '../kpi/kpi-settings';
import type { WidgetProps } from '../widget-definition';
import type { TimeseriesSettings } from './timeseries-settings';
import { timeseriesOption } from './timeseries-option';

export function TimeseriesView({ settings, focus }: WidgetProps<TimeseriesSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const { topic, key } = settings;
  const [rangeFrom, rangeTo] = focus?.kind === 'chart' ? [focus.from, focus.to] : [undefined, undefined];
  // A scene's range further back than the tile's window is read from the host's history too.
  const windowMs = useMemo(
    () => Math.max(settings.windowMinutes * 60_000, rangeFrom !== undefined ? Date.now() - rangeFrom : 0),
    [settings.windowMinutes, rangeFrom],
  );
  const history = useHistory({ topic, key, windowMs, limit: settings.maxPoints });
  const latest = useLatestEvent(topic, key);
  const events = useMemo(() => withLatest(history.events, latest), [history.events, latest]);
  // Thrown here, in render, so the tile's error boundary shows it. Only events new since the last render are read.
  const series = useRef<PointSeries>(null);
  series.current ??= new PointSeries();
  const reader = series.current;
  const points = useMemo(() => reader.of(events), [reader, events]);

  // The words of the tile change with the language or the settings, not with every point.
  const { title, unit, subtitle } = useMemo(() => {
    const text = keyText(key);
    const labelKey = settings.label ?? text?.label;
    const unitKey = settings.unit ?? text?.unit;
    const province = provinceByCode(key.split(':')[0] ?? '');
    return {
      title: labelKey ? t(labelKey) : key,
      unit: unitKey ? t(unitKey) : '',
      subtitle: [
        province && provinceName(province.code, locale),
        t('chart.lastMinutes', { minutes: formatNumber(settings.windowMinutes, locale) }),
      ]
        .filter(Boolean)
        .join(' · '),
    };
  }, [t, key, locale, settings.label, settings.unit, settings.windowMinutes]);

  // Built when the chart draws (at most once a second), not on every point.
  const option = useMemo(
    () =>
      points.length === 0
        ? null
        : () =>
            timeseriesOption(
              points,
              {
                locale,
                timeZone: settings.timeZone,
                fractionDigits: settings.fractionDigits,
                seriesName: title,
                windowMs: settings.windowMinutes * 60_000,
              },
              rangeFrom !== undefined && rangeTo !== undefined ? { from: rangeFrom, to: rangeTo } : undefined,
            ),
    [points, locale, settings.timeZone, settings.fractionDigits, title, settings.windowMinutes, rangeFrom, rangeTo],
  );
  const last = points.at(-1);
  return (
    <ChartTile kind="timeseries" title={title} subtitle={subtitle} option={option} waiting={t('chart.waiting')}>
      <p className="chart__lines">
        {last && (
          <span className="chart__line chart__line--strong" data-testid="chart-last">
            {withUnit(formatNumber(last[1], locale, { maximumFractionDigits: settings.fractionDigits }), unit)}
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
