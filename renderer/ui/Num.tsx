// A number in the page's locale ("1.234" in Vietnamese, "1,234" in English).
import type { ReactNode } from 'react';
import { formatNumber } from '../../src/i18n/format.js';
import { useLocale } from '../app/i18n';

export function Num({ value, digits = 0 }: { value: number; digits?: number }): ReactNode {
  const locale = useLocale();
  return <>{formatNumber(value, locale, { maximumFractionDigits: digits })}</>;
}
