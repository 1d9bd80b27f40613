// The figures of the catch-up line: a percentage, and counts in millions once the replay is that long
// ("1,6/3,6 triệu sự kiện"), so the line stays short and readable from across the room.
import type { FeedStatus } from '../../../src/contract/host-status.js';
import { type FormatLocale, formatNumber } from '../../../src/i18n/format.js';

type CatchUp = NonNullable<FeedStatus['catchUp']>;

export interface CatchUpFigures {
  key: 'replay.catchingUp' | 'replay.catchingUpMillions';
  percent: string;
  replayed: string;
  total: string;
}

export function catchUpFigures({ replayed, total }: CatchUp, locale: FormatLocale): CatchUpFigures {
  // Never 100 % before the end: the line goes away when it is caught up.
  const percent = total > 0 ? Math.min(99, Math.floor((replayed / total) * 100)) : 0;
  const millions = total >= 1_000_000;
  const count = (n: number) =>
    millions
      ? formatNumber(n / 1_000_000, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : formatNumber(n, locale);
  return {
    key: millions ? 'replay.catchingUpMillions' : 'replay.catchingUp',
    percent: formatNumber(percent, locale),
    replayed: count(replayed),
    total: count(total),
  };
}
