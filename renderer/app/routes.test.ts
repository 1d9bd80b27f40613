import { describe, expect, it } from 'vitest';
import { parseRoute } from './routes';

describe('parseRoute', () => {
  it('reads the three pages', () => {
    expect(parseRoute('#/wall/wall-1')).toEqual({ kind: 'wall', surfaceId: 'wall-1' });
    expect(parseRoute('#/console')).toEqual({ kind: 'console' });
    expect(parseRoute('#/console/')).toEqual({ kind: 'console' });
    expect(parseRoute('#/briefing')).toEqual({ kind: 'briefing' });
    expect(parseRoute('#/presenter')).toEqual({ kind: 'presenter' });
  });
  it('reads a briefing pack’s print page, and refuses one without a well-formed pack id', () => {
    expect(parseRoute('#/print?pack=AbCdEf0123456789_-xy')).toEqual({ kind: 'print', packId: 'AbCdEf0123456789_-xy' });
    expect(parseRoute('#/print')).toEqual({ kind: 'unknown', path: '/print' });
    expect(parseRoute('#/print?pack=../../x')).toEqual({ kind: 'unknown', path: '/print' });
  });
  it('treats no route as home', () => {
    expect(parseRoute('')).toEqual({ kind: 'home' });
    expect(parseRoute('#')).toEqual({ kind: 'home' });
    expect(parseRoute('#/')).toEqual({ kind: 'home' });
  });
  it('ignores a query inside the hash', () => {
    expect(parseRoute('#/wall/wall-2?token=abc')).toEqual({ kind: 'wall', surfaceId: 'wall-2' });
  });
  it('calls anything else unknown, including surface ids the contract refuses', () => {
    expect(parseRoute('#/nowhere')).toEqual({ kind: 'unknown', path: '/nowhere' });
    expect(parseRoute('#/wall')).toMatchObject({ kind: 'unknown' });
    expect(parseRoute('#/wall/Wall_1')).toMatchObject({ kind: 'unknown' });
    expect(parseRoute('#/wall/a/b')).toMatchObject({ kind: 'unknown' });
    expect(parseRoute('#/wall/%E0%A4%A')).toMatchObject({ kind: 'unknown' });
  });
});
