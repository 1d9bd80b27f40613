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
    expect(MESSAGES.vi.kpi.newBusinessesToday).toBe('Doanh nghiệp đăng ký thành lập mới hôm nay');
    expect(MESSAGES.vi.kpi.disbursement).toBe('Giải ngân vốn đầu tư công');
    expect(MESSAGES.vi.kpi.documentsToday).toBe('Văn bản đã xử lý hôm nay');
    expect(MESSAGES.vi.kpi.fdi).toBe('Vốn FDI đăng ký');
    expect(MESSAGES.vi.kpi.cpi).toBe('CPI bình quân tăng so với cùng kỳ');
    expect(MESSAGES.vi.feedState.offline).toBe('Mất kết nối');
    expect(MESSAGES.vi.feedState.reconnecting).toBe('Đang kết nối lại');
    expect(MESSAGES.vi.age.updatedAt).toBe('Cập nhật lúc {{time}}');
  });

  it('uses the terms of Vietnamese public administration, one term per thing', () => {
    const vi = MESSAGES.vi;
    // A plain mean of provincial rates says what it is, never a national figure.
    expect(vi.kpi.meanOf).toBe('Trung bình {{count}}/{{total}} tỉnh, thành phố (không gia quyền)');
    expect(JSON.stringify(vi)).not.toMatch(/cả nước|bình quân'/i);
    expect(vi.unit.percentagePoints).toBe('điểm phần trăm');
    expect(vi.taskStatus).toEqual({
      in_progress: 'Đang thực hiện trong hạn',
      overdue: 'Đang thực hiện quá hạn',
      done_on_time: 'Hoàn thành đúng hạn',
      done_late: 'Hoàn thành quá hạn',
    });
    expect(vi.tasks.daysOverdue).toBe('quá hạn {{days}} ngày');
    expect(vi.priority).toEqual({ emergency: 'Khẩn cấp', high: 'Nghiêm trọng', medium: 'Cảnh báo', low: 'Thông tin' });
    expect(vi.kpi.publicServicesToday).toBe('Hồ sơ thủ tục hành chính tiếp nhận hôm nay');
    expect(vi.kpi.newBusinesses).toBe('Doanh nghiệp đăng ký thành lập mới');
    expect(vi.map.creditBasemap).toBe(
      'Quần đảo Hoàng Sa, quần đảo Trường Sa (Việt Nam) và các nước láng giềng: Natural Earth',
    );
    expect(vi.clock.weekdays.split(',')).toHaveLength(7);
    expect(MESSAGES.en.schedule.days).toBe('Days of the week');
    // The hub is "máy chủ trung tâm" (a "trung tâm dữ liệu" is a data centre); the console "Bàn điều khiển".
    expect(JSON.stringify(vi)).not.toMatch(/trung tâm dữ liệu|Bảng điều khiển/i);
    expect(vi.connection.hub).toBe('Máy chủ trung tâm');
    expect(vi.console.title).toBe('Bàn điều khiển');
  });

  it('knows leaves from namespaces', () => {
    expect(hasMessage('kpi.cpi')).toBe(true);
    expect(hasMessage('kpi')).toBe(false);
    expect(hasMessage('kpi.nothing')).toBe(false);
  });
});
