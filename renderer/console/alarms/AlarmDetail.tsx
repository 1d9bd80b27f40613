// The detail pane of the alarm under the cursor: what it is, its timeline (states, notes, who and when), the
// watched value's chart around the alarm time from the host's cache, and its province on a small map.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KnownTopic } from '../../../src/contract/topics.js';
import type { Actor, Alarm } from '../../../src/domain/alarms/alarm-schema.js';
import { DEFAULT_TIME_ZONE, formatDate, formatNumber, formatTime } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { ChartTile } from '../../charts/ChartTile';
import { valuePoints } from '../../charts/value-points';
import { eventsOf } from '../../state/payloads';
import { useLatest } from '../../state/session-context';
import { useHistory } from '../../state/use-history';
import { timeseriesOption } from '../../widgets/timeseries/timeseries-option';
import { ProvinceSketch } from './ProvinceSketch';

const CHART_WINDOW_MS = 2 * 3_600_000;

function Who({ by, at }: { by: Actor; at: number }): ReactNode {
  const { t } = useTranslation();
  const who = by.kind === 'person' ? `${by.person} (${by.device})` : t('desk.detail.system', { source: by.source });
  return <small>{t('desk.detail.by', { who, time: `${formatTime(at)} ${formatDate(at)}` })}</small>;
}

/** The topic and key the alarm's rule watches, when the rule names one key (or the alarm's dedup key names it). */
function useWatchedSeries(alarm: Alarm): { topic: KnownTopic; key: string } | null {
  const values = useLatest(['alarm.rules']);
  const rule = eventsOf(values, 'alarm.rules').find((e) => e.payload.rule.id === alarm.ruleId)?.payload.rule;
  if (!rule) return null;
  const topic = KnownTopic.safeParse(rule.watch.topic);
  if (!topic.success) return null;
  const prefix = `${rule.id}:`;
  const key = !rule.watch.key.includes('*')
    ? rule.watch.key
    : alarm.dedupKey.startsWith(prefix)
      ? alarm.dedupKey.slice(prefix.length)
      : null;
  return key === null ? null : { topic: topic.data, key };
}

function ValueChart({ topic, key, title }: { topic: KnownTopic; key: string; title: string }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useHistory({ topic, key, windowMs: CHART_WINDOW_MS, limit: 2000 });
  let points: ReturnType<typeof valuePoints> = [];
  try {
    points = valuePoints(history.events);
  } catch {
    // A series without figures draws nothing; the waiting text says so.
  }
  const option =
    points.length === 0
      ? null
      : timeseriesOption(points, {
          locale,
          timeZone: DEFAULT_TIME_ZONE,
          fractionDigits: 1,
          seriesName: key,
          windowMs: CHART_WINDOW_MS,
        });
  return (
    <ChartTile kind="alarm-value" title={title} subtitle={key} option={option} waiting={t('desk.detail.noChart')} />
  );
}

export function AlarmDetail({ alarm }: { alarm: Alarm | null }): ReactNode {
  const { t } = useTranslation();
  if (!alarm) return <p className="desk-detail desk-detail--none">{t('desk.detail.none')}</p>;
  return <DetailOf alarm={alarm} />;
}

function DetailOf({ alarm }: { alarm: Alarm }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const series = useWatchedSeries(alarm);
  const figure = (v: number | null) => (v === null ? '–' : formatNumber(v, locale, { maximumFractionDigits: 2 }));
  return (
    <section className="desk-detail" aria-label={t('desk.detail.title')} data-testid="desk-detail">
      <h3>{alarm.title}</h3>
      <p>
        {t(`priority.${alarm.priority}`)} · {t(`alarmState.${alarm.state}`)} · <code>{alarm.id}</code>
      </p>
      {alarm.value !== null && (
        <p>{t('desk.detail.value', { value: figure(alarm.value), threshold: figure(alarm.threshold) })}</p>
      )}
      {alarm.assignedUnit && <p>{t('desk.detail.assigned', { unit: alarm.assignedUnit })}</p>}
      {alarm.hold?.kind === 'shelved' && (
        <p>{t('desk.detail.hold', { time: formatTime(alarm.hold.until), reason: alarm.hold.reason })}</p>
      )}
      <div className="desk-detail__figures">
        {series ? (
          <ValueChart topic={series.topic} key={series.key} title={t('desk.detail.chart')} />
        ) : (
          <p>{t('desk.detail.noChart')}</p>
        )}
        {alarm.area.province && <ProvinceSketch code={alarm.area.province} />}
      </div>
      <h4>{t('desk.detail.timeline')}</h4>
      <ol className="desk-timeline" data-testid="desk-timeline">
        {[...alarm.timeline].reverse().map((tr, i) => (
          <li key={`${tr.at}-${i}`} data-event={tr.event}>
            <strong>{t(`desk.event.${tr.event}`)}</strong> {t(`alarmState.${tr.from}`)} → {t(`alarmState.${tr.to}`)}
            {tr.detail && ` · ${tr.detail}`}
            {tr.value !== undefined && ` · ${figure(tr.value)}`} <Who by={tr.by} at={tr.at} />
          </li>
        ))}
      </ol>
      {alarm.notes.length > 0 && (
        <>
          <h4>{t('desk.detail.notes')}</h4>
          <ul className="desk-notes">
            {alarm.notes.map((n, i) => (
              <li key={`${n.at}-${i}`}>
                {n.text} <Who by={n.by} at={n.at} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
