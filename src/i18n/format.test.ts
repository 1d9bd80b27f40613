import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatDate,
  formatDuration,
  formatMoneyVnd,
  formatNumber,
  formatPeriod,
  formatTime,
  formatUtcOffset,
  isoDateInZone,
  isValidTimeZone,
} from './format.js';

// 2026-03-05 01:02:03 UTC = 08:02:03 in Hà Nội.
const T = Date.UTC(2026, 2, 5, 1, 2, 3);

describe('formatNumber', () => {
  it('uses "." for thousands and "," for decimals in Vietnamese', () => {
    expect(formatNumber(1234.5, 'vi', { maximumFractionDigits: 1 })).toBe('1.234,5');
    expect(formatNumber(1234567.891, 'vi', { maximumFractionDigits: 2 })).toBe('1.234.567,89');
    expect(formatNumber(-7.25, 'vi', { maximumFractionDigits: 1 })).toBe('-7,3');
  });
  it('uses "," for thousands and "." for decimals in English', () => {
    expect(formatNumber(1234.5, 'en', { maximumFractionDigits: 1 })).toBe('1,234.5');
  });
  it('defaults to Vietnamese and whole numbers', () => {
    expect(formatNumber(1234.5)).toBe('1.235');
    expect(formatNumber(42)).toBe('42');
  });
  it('pads to the minimum fraction digits', () => {
    expect(formatNumber(7, 'vi', { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe('7,0');
  });
  it('prints a dash for a value that is not a number', () => {
    expect(formatNumber(Number.NaN, 'vi')).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY, 'en')).toBe('–');
  });
});

describe('formatDate and formatTime', () => {
  it('prints dd/MM/yyyy in the zone asked', () => {
    expect(formatDate(T, 'Asia/Ho_Chi_Minh')).toBe('05/03/2026');
    expect(formatDate(Date.UTC(2026, 11, 31, 18, 0, 0), 'Asia/Ho_Chi_Minh')).toBe('01/01/2027');
    expect(formatDate(Date.UTC(2026, 11, 31, 18, 0, 0), 'UTC')).toBe('31/12/2026');
  });
  it('prints HH:mm:ss on a 24-hour clock', () => {
    expect(formatTime(T, 'Asia/Ho_Chi_Minh')).toBe('08:02:03');
    expect(formatTime(T, 'UTC')).toBe('01:02:03');
    expect(formatTime(Date.UTC(2026, 2, 5, 10, 30, 0), 'Asia/Ho_Chi_Minh')).toBe('17:30:00');
    expect(formatTime(Date.UTC(2026, 2, 5, 17, 0, 9), 'Asia/Ho_Chi_Minh')).toBe('00:00:09');
  });
  it('defaults to the time zone of Vietnam', () => {
    expect(formatTime(T)).toBe('08:02:03');
    expect(formatDate(new Date(T))).toBe('05/03/2026');
  });
  it('gives the ISO day and the offset of a zone', () => {
    expect(isoDateInZone(Date.UTC(2026, 11, 31, 18, 0, 0), 'Asia/Ho_Chi_Minh')).toBe('2027-01-01');
    expect(formatUtcOffset(T, 'Asia/Ho_Chi_Minh')).toBe('UTC+7');
  });
  it('tells known zones from unknown ones', () => {
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('formatAge', () => {
  it('speaks Vietnamese', () => {
    expect(formatAge(12_400, 'vi')).toBe('12 giây trước');
    expect(formatAge(3 * 60_000 + 59_000, 'vi')).toBe('3 phút trước');
    expect(formatAge(2 * 3_600_000, 'vi')).toBe('2 giờ trước');
    expect(formatAge(3 * 86_400_000, 'vi')).toBe('3 ngày trước');
    expect(formatAge(400, 'vi')).toBe('vừa xong');
  });
  it('speaks English', () => {
    expect(formatAge(12_000, 'en')).toBe('12 s ago');
    expect(formatAge(180_000, 'en')).toBe('3 min ago');
    expect(formatAge(7_200_000, 'en')).toBe('2 h ago');
    expect(formatAge(0, 'en')).toBe('just now');
  });
  it('treats a negative age (clock skew) as none', () => {
    expect(formatAge(-5_000, 'vi')).toBe('vừa xong');
  });
  it('groups thousands in long ages', () => {
    expect(formatAge(1234 * 86_400_000, 'vi')).toBe('1.234 ngày trước');
  });
});

describe('formatDuration', () => {
  it('names a span in its largest whole unit, at least one second', () => {
    expect(formatDuration(12_900, 'vi')).toBe('12 giây');
    expect(formatDuration(125_000, 'vi')).toBe('2 phút');
    expect(formatDuration(125_000, 'en')).toBe('2 min');
    expect(formatDuration(0, 'en')).toBe('1 s');
  });
});

describe('formatMoneyVnd', () => {
  it('prints billions of đồng', () => {
    expect(formatMoneyVnd(1_234_500_000_000)).toBe('1.234,5 tỷ đồng');
    expect(formatMoneyVnd(2_000_000_000, 'vi')).toBe('2 tỷ đồng');
    expect(formatMoneyVnd(1_234_500_000_000, 'en')).toBe('VND 1,234.5 billion');
  });
});

describe('formatPeriod', () => {
  it('names months and quarters', () => {
    expect(formatPeriod('2026-10', 'vi')).toBe('Tháng 10/2026');
    expect(formatPeriod('2026-Q3', 'vi')).toBe('Quý III/2026');
    expect(formatPeriod('2026-10', 'en')).toBe('10/2026');
    expect(formatPeriod('2026-Q4', 'en')).toBe('Q4 2026');
    expect(formatPeriod('sometime', 'vi')).toBe('sometime');
  });

  it('names half years and years', () => {
    expect(formatPeriod('2025-H1', 'vi')).toBe('6 tháng đầu năm 2025');
    expect(formatPeriod('2025-H2', 'en')).toBe('H2 2025');
    expect(formatPeriod('2025-Y', 'vi')).toBe('Năm 2025');
    expect(formatPeriod('2025-Y', 'en')).toBe('2025');
  });
});
