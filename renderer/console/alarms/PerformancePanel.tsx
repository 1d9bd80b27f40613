// The ISA-18.2 figures of the last 24 h and 7 days, each against the standard's target, computed by the host
// from the alarm history its cache holds (bridge call alarm.performance), recomputed every minute.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PerformanceFigures, PerformanceResponse } from '../../../src/contract/alarm-calls.js';
import { ISA_18_2_TARGETS, type Verdict } from '../../../src/domain/alarms/alarm-metrics.js';
import { formatNumber } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { useSession } from '../../state/session-context';

const REFRESH_MS = 60_000;
const T = ISA_18_2_TARGETS;

type Row = {
  label: 'average' | 'peak' | 'flood' | 'standing' | 'topTen' | 'chattering' | 'priorities';
  target: string;
  cell: (f: PerformanceFigures, n: (v: number) => string) => { text: string; verdict: Verdict };
};

const ROWS: readonly Row[] = [
  {
    label: 'average',
    target: `≤ ${T.averagePer10Min.acceptable} (≤ ${T.averagePer10Min.manageable})`,
    cell: (f, n) => ({ text: n(f.averagePer10Min.value), verdict: f.averagePer10Min.verdict }),
  },
  {
    label: 'peak',
    target: `≤ ${T.peakPer10Min}`,
    cell: (f, n) => ({ text: n(f.peakPer10Min.value), verdict: f.peakPer10Min.verdict }),
  },
  {
    label: 'flood',
    target: `< ${T.floodPercent} %`,
    cell: (f, n) => ({ text: `${n(f.floodPercent.value)} %`, verdict: f.floodPercent.verdict }),
  },
  {
    label: 'standing',
    target: `< ${T.standingFewerThan}`,
    cell: (f, n) => ({ text: n(f.standing.value), verdict: f.standing.verdict }),
  },
  {
    label: 'topTen',
    target: `≤ ${T.topTenPercent} %`,
    cell: (f, n) => ({ text: `${n(f.topTen.value)} %`, verdict: f.topTen.verdict }),
  },
  {
    label: 'chattering',
    target: `${T.chattering}`,
    cell: (f, n) => ({ text: n(f.chattering.value), verdict: f.chattering.verdict }),
  },
  {
    label: 'priorities',
    target: `≤ ${T.priorityPercent.emergency} / ${T.priorityPercent.high} / ${T.priorityPercent.medium} / ~${T.priorityPercent.low}`,
    cell: (f, n) => {
      const p = f.priorities.percent;
      return { text: [p.emergency, p.high, p.medium, p.low].map(n).join(' / '), verdict: f.priorities.verdict };
    },
  },
];

export function PerformancePanel(): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const [figures, setFigures] = useState<PerformanceResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    session.client.call('alarm.performance', {}).then(
      (r) => {
        setFigures(r);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [session]);
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const n = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 2 });
  return (
    <details className="desk-performance" data-testid="desk-performance">
      <summary>{t('desk.performance.title')}</summary>
      {error && <p role="alert">{t('desk.performance.failed', { error })}</p>}
      {figures && (
        <table>
          <thead>
            <tr>
              <th>{t('desk.performance.figure')}</th>
              <th>{t('desk.performance.day')}</th>
              <th>{t('desk.performance.week')}</th>
              <th>{t('desk.performance.target')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label}>
                <th scope="row">{t(`desk.performance.${row.label}`)}</th>
                {[figures.day, figures.week].map((f, i) => {
                  const c = row.cell(f, n);
                  return (
                    <td key={i} className={`verdict verdict--${c.verdict}`}>
                      {c.text} <small>({t(`desk.performance.verdict.${c.verdict}`)})</small>
                    </td>
                  );
                })}
                <td>{row.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {figures && (
        <p>
          {t('desk.performance.total', { count: figures.day.total })} ·{' '}
          <button type="button" className="button" onClick={load}>
            {t('desk.performance.refresh')}
          </button>
        </p>
      )}
    </details>
  );
}
