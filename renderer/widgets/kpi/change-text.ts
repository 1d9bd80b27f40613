// How a KPI's change reads: an arrow, a word, the signed amount and percent, and what it is compared with — so
// the direction is clear without colour. A change of a rate (%, % of plan) is in percentage points, with no
// percent of a percent. Pure apart from the translator passed in.
import { formatNumber, formatPeriod, type FormatLocale } from '../../../src/i18n/format.js';
import type { KpiChange } from './kpi-change';

type Translate = (key: string, values?: Record<string, string>) => string;

export type ChangeDirection = 'up' | 'down' | 'same';

/** Direction at the digits shown: a change that rounds to nothing is "unchanged". */
export function changeDirection(delta: number, fractionDigits: number): ChangeDirection {
  if (Math.abs(delta) < 10 ** -fractionDigits / 2) return 'same';
  return delta > 0 ? 'up' : 'down';
}

function signed(value: number, locale: FormatLocale, fractionDigits: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(value), locale, { maximumFractionDigits: fractionDigits })}`;
}

const ARROW: Record<ChangeDirection, string> = { up: '▲', down: '▼', same: '=' };

export function changeText(
  c: KpiChange,
  fractionDigits: number,
  locale: FormatLocale,
  t: Translate,
  rate = false,
): string {
  const direction = changeDirection(c.delta, fractionDigits);
  const basis =
    c.basis.kind === 'period'
      ? t('change.vsPeriod', { period: formatPeriod(c.basis.period, locale) })
      : t('change.vsMinutes', { minutes: formatNumber(c.basis.minutes, locale) });
  if (direction === 'same') return `${ARROW.same} ${t('change.same')} ${basis}`;
  const amount = signed(c.delta, locale, fractionDigits);
  const relative = rate
    ? ` ${t('unit.percentagePoints')}`
    : c.percent === null
      ? ''
      : ` (${signed(c.percent, locale, 1)}%)`;
  return `${ARROW[direction]} ${t(`change.${direction}`)} ${amount}${relative} ${basis}`;
}
