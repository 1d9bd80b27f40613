import { describe, expect, it } from 'vitest';
import { provinceOfGeocode } from './geocode-province.js';

describe('province of a CAP geocode', () => {
  it.each([
    ['48', '48'],
    ['1', '01'],
    ['Đà Nẵng', '48'],
    ['da nang', '48'],
    ['Thành phố Đà Nẵng', '48'],
    ['TP. Hồ Chí Minh', '79'],
    ['Ho Chi Minh City', '79'],
    ['Thành phố Huế', '46'],
    ['Bình Dương', '79'],
    ['74', '79'],
    ['Hà Giang', '08'],
  ])('%s → %s', (value, code) => {
    expect(provinceOfGeocode(value)).toBe(code);
  });

  it('names no province for what is none', () => {
    expect(provinceOfGeocode('Atlantis')).toBeUndefined();
    expect(provinceOfGeocode('99')).toBeUndefined();
  });
});
