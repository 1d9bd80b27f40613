// A KPI tile: label, the big figure with its unit, its change against the previous period (arrow, word and
// sign, not colour alone), the target and how much of it is attained, a sparkline of its recent course, and
// where the figure comes from (source system, reporting period, preliminary or official).
import type { TFunction } from 'i18next';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPeriod, withUnit } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { valuePoints, withLatest, type Point } from '../../charts/value-points';
import { useLatest } from '../../state/session-context';
import { useHistory } from '../../state/use-history';
import type { WidgetProps } from '../widget-definition';
import { changeDirection, changeText } from './change-text';
import { aggregateChange, aggregateCourse, keyChange, type KpiChange } from './kpi-change';
import { kpiFigure, type KpiFigure } from './kpi-figure';
import { isRateUnit, type KpiSettings } from './kpi-settings';
import { Sparkline } from './Sparkline';
import './kpi.css';

const HISTORY_LIMIT = 5000;

export function KpiView({ settings }: WidgetProps<KpiSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest([settings.topic]);
  const figure = kpiFigure(settings, values);
  const key = settings.mode === 'key' ? settings.key : undefined;
  const history = useHistory({
    topic: settings.topic,
    key,
    windowMs: settings.historyDays * 86_400_000,
    limit: HISTORY_LIMIT,
  });
  const latest = key === undefined ? undefined : values.get(settings.topic, key);
  const events = useMemo(() => withLatest(history.events, latest), [history.events, latest]);
  // The figure is rebuilt on every render; the trend only when what it depends on changed.
  const { change, course } = useMemo(
    () => trend(settings, events, figure),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [settings, events, figure?.value, figure?.time, figure?.count, figure?.period],
  );
  const label = settings.label ? t(settings.label) : settings.mode === 'key' ? settings.key : settings.indicator;
  const unit = settings.unit ? t(settings.unit) : '';
  const digits = settings.fractionDigits;
  const fmt = (v: number): string => formatNumber(v, locale, { maximumFractionDigits: digits });
  return (
    <div className="kpi kpi--rich">
      <h2 className="tile-title kpi__label">{label}</h2>
      {figure ? (
        // "12,5%": a percent sign sits against its figure (administrative style).
        <p className={unit.startsWith('%') ? 'kpi__figure kpi__figure--attached' : 'kpi__figure'}>
          <span className="kpi__value" data-testid="kpi-value">
            {fmt(figure.value)}
          </span>
          {unit && <span className="kpi__unit">{unit}</span>}
        </p>
      ) : (
        <p className="kpi__figure kpi__figure--waiting">{t('age.waiting')}</p>
      )}
      {figure && (
        <p className={`kpi__change kpi__change--${changeTone(change, settings, digits)}`} data-testid="kpi-change">
          {change
            ? changeText(change, digits, locale, t, isRateUnit(settings.unit))
            : history.status === 'loading'
              ? ''
              : t('change.none')}
        </p>
      )}
      {figure && settings.target !== undefined && (
        <p className="kpi__target" data-testid="kpi-target">
          {t('chart.target', { value: withUnit(fmt(settings.target), unit) })}
          {settings.target !== 0 &&
            ` · ${t('chart.attainment', { percent: `${formatNumber((figure.value / settings.target) * 100, locale, { maximumFractionDigits: 1 })}%` })}`}
        </p>
      )}
      <Sparkline points={course} />
      {figure && (
        <p className="kpi__provenance" data-testid="kpi-provenance">
          {provenance(figure, settings, t, locale).join(' · ')}
        </p>
      )}
    </div>
  );
}

function trend(
  settings: KpiSettings,
  events: readonly Envelope[],
  figure: KpiFigure | null,
): { change: KpiChange | null; course: readonly Point[] } {
  if (!figure) return { change: null, course: [] };
  if (settings.mode === 'key') {
    return { change: keyChange(events, figure, settings.compareMinutes), course: valuePoints(events) };
  }
  const course = aggregateCourse(events, settings.indicator, settings.aggregate, figure.count);
  // The history may lag the latest values by a batch: end the line on the figure the tile shows.
  if ((course.at(-1)?.[0] ?? -1) < figure.time) course.push([figure.time, figure.value]);
  return {
    change: aggregateChange(events, settings.indicator, settings.aggregate, figure, settings.compareMinutes),
    course,
  };
}

function changeTone(change: KpiChange | null, settings: KpiSettings, digits: number): string {
  if (!change) return 'none';
  const direction = changeDirection(change.delta, digits);
  if (direction === 'same') return 'same';
  return (direction === 'up') === (settings.better === 'higher') ? 'good' : 'bad';
}

function provenance(figure: KpiFigure, settings: KpiSettings, t: TFunction, locale: 'vi' | 'en'): string[] {
  const parts = [t('kpi.source', { source: figure.sources.join(', ') })];
  if (figure.demo) parts.unshift(t('demo.provenance'));
  if (figure.period) parts.push(formatPeriod(figure.period, locale));
  if (figure.status === 'mixed') parts.push(t('dataStatus.mixed', { count: figure.preliminary, total: figure.count }));
  else if (figure.status) parts.push(t(`dataStatus.${figure.status}`));
  if (figure.total !== null && settings.mode === 'aggregate') {
    parts.push(t(`kpi.${settings.aggregate}Of`, { count: figure.count, total: figure.total }));
  }
  return parts;
}
