import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/i18n/messages.js';
import { changeText } from './change-text';

// A stand-in for i18next over the Vietnamese catalogue: enough to read the texts as the wall shows them.
const t = (key: string, values: Record<string, string> = {}): string => {
  const [group, name] = key.split('.') as [keyof typeof MESSAGES.vi, string];
  const template = (MESSAGES.vi[group] as Record<string, string>)[name] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, v: string) => values[v] ?? '');
};

describe('changeText', () => {
  it('reads an increase with arrow, word, sign, percent and basis', () => {
    const text = changeText(
      { previous: 1000, delta: 234.5, percent: 23.45, basis: { kind: 'period', period: '2026-09' } },
      1,
      'vi',
      t,
    );
    expect(text).toBe('▲ Tăng +234,5 (+23,5%) so với Tháng 09/2026');
  });

  it('reads a decrease with a true minus sign, and a tiny change as unchanged', () => {
    const down = changeText(
      { previous: 10, delta: -2, percent: -20, basis: { kind: 'minutes', minutes: 60 } },
      0,
      'vi',
      t,
    );
    expect(down).toBe('▼ Giảm −2 (−20%) so với 60 phút trước');
    const same = changeText(
      { previous: 10, delta: 0.01, percent: 0.1, basis: { kind: 'minutes', minutes: 60 } },
      1,
      'vi',
      t,
    );
    expect(same).toBe('= Không đổi so với 60 phút trước');
  });

  it('reads the change of a rate in percentage points, without a percent of a percent', () => {
    const text = changeText(
      { previous: 7.2, delta: -0.36, percent: -5, basis: { kind: 'period', period: '2026-Q2' } },
      1,
      'vi',
      t,
      true,
    );
    expect(text).toBe('▼ Giảm −0,4 điểm phần trăm so với Quý II/2026');
  });
});
