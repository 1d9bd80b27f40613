// Comparison bars: the provinces ranked by one indicator's latest value.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPeriod } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { ChartTile } from '../../charts/ChartTile';
import { WarningIcon } from '../../ui/icons';
import { eventsOf } from '../../state/payloads';
import { useLatest } from '../../state/session-context';
import { INDICATOR_TEXT } from '../kpi/kpi-settings';
import type { WidgetProps } from '../widget-definition';
import { barsOption } from './bars-option';
import type { BarsSettings } from './bars-settings';
import { rankProvinces } from './province-ranking';

export function BarsView({ settings }: WidgetProps<BarsSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(['econ.indicators']);
  const ranking = rankProvinces(
    eventsOf(values, 'econ.indicators'),
    settings.indicator,
    settings.order,
    settings.top,
    locale,
  );
  const title = t(settings.label ?? INDICATOR_TEXT[settings.indicator].label);
  const unit = t(settings.unit ?? INDICATOR_TEXT[settings.indicator].unit);
  const scope = t(settings.order === 'desc' ? 'chart.top' : 'chart.bottom', {
    count: ranking.rows.length,
    total: ranking.reporting,
  });
  const preliminaryMark = t('dataStatus.preliminaryMark');
  // The ranking is rebuilt on every render; the option only when what it shows changed.
  const shown = JSON.stringify(ranking.rows);
  const option = useMemo(
    () =>
      ranking.rows.length === 0
        ? null
        : barsOption(ranking.rows, {
            locale,
            fractionDigits: settings.fractionDigits,
            seriesName: title,
            preliminaryMark,
          }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, locale, settings.fractionDigits, title, preliminaryMark],
  );
  return (
    <ChartTile kind="bars" title={`${title} (${unit})`} subtitle={scope} option={option} waiting={t('chart.waiting')}>
      <p className="chart__lines">
        {ranking.period && <span className="chart__line">{formatPeriod(ranking.period, locale)}</span>}
        {ranking.sources.length > 0 && (
          <span className="chart__line">{t('kpi.source', { source: ranking.sources.join(', ') })}</span>
        )}
        {ranking.problems.length > 0 && (
          <span className="chart__problem" role="alert">
            <WarningIcon />
            {t('chart.badRecords', {
              count: formatNumber(ranking.problems.length, locale),
              detail: ranking.problems.slice(0, 3).join('; '),
            })}
          </span>
        )}
      </p>
    </ChartTile>
  );
}
