import { describe, expect, it } from 'vitest';
import { MESSAGES, hasMessage, messageKeys } from './messages.js';
import { defaultSurfaces } from '../domain/default-wall.js';

describe('MESSAGES', () => {
  it('has Vietnamese first', () => {
    expect(Object.keys(MESSAGES)[0]).toBe('vi');
  });

  it('holds the same keys in every locale', () => {
    const vi = messageKeys(MESSAGES.vi).sort();
    expect(vi.length).toBeGreaterThan(100);
    expect(messageKeys(MESSAGES.en).sort()).toEqual(vi);
  });

  it('has no empty message and the same placeholders in both locales', () => {
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
    const lookup = (tree: object, key: string): string =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
    for (const key of messageKeys(MESSAGES.vi)) {
      const vi = lookup(MESSAGES.vi, key);
      const en = lookup(MESSAGES.en, key);
      expect(vi.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(vi));
    }
  });

  it('names every label and unit the demo wall uses', () => {
    const monitors = [1, 2].map((i) => ({
      id: `m${i}`,
      name: `M${i}`,
      x: i * 100,
      y: 0,
      width: 100,
      height: 100,
      primary: false,
    }));
    const used = defaultSurfaces(monitors)
      .flatMap((s) => s.layout.tiles)
      .flatMap((t) => [t.settings.label, t.settings.unit])
      .filter((k): k is string => typeof k === 'string');
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) expect(hasMessage(key), key).toBe(true);
  });

  it('writes Vietnamese with its diacritics', () => {
    expect(MESSAGES.vi.kpi.newBusinessesToday).toBe('Đăng ký doanh nghiệp mới hôm nay');
    expect(MESSAGES.vi.kpi.gdpGrowth).toBe('Tăng trưởng GRDP bình quân');
    expect(MESSAGES.vi.kpi.disbursement).toBe('Giải ngân vốn đầu tư công');
    expect(MESSAGES.vi.kpi.documentsToday).toBe('Văn bản đã xử lý hôm nay');
    expect(MESSAGES.vi.kpi.fdi).toBe('Vốn FDI đăng ký');
    expect(MESSAGES.vi.kpi.cpi).toBe('Chỉ số giá tiêu dùng (CPI)');
    expect(MESSAGES.vi.feedState.offline).toBe('Mất kết nối');
    expect(MESSAGES.vi.feedState.reconnecting).toBe('Đang kết nối lại');
    expect(MESSAGES.vi.age.updatedAt).toBe('Cập nhật lúc {{time}}');
  });

  it('knows leaves from namespaces', () => {
    expect(hasMessage('kpi.cpi')).toBe(true);
    expect(hasMessage('kpi')).toBe(false);
    expect(hasMessage('kpi.nothing')).toBe(false);
  });
});
