import { describe, expect, it } from 'vitest';
import { DESK_KEYS, deskAction } from './desk-keys';

const press = (key: string, extra: Partial<Parameters<typeof deskAction>[0]> = {}) =>
  deskAction({ key, ctrlKey: false, altKey: false, metaKey: false, inField: false, ...extra });

describe('the desk keyboard map', () => {
  it('maps the documented keys', () => {
    expect(['j', 'k', 'x', 'a', 's', 'n', 'r', '/', '?'].map((k) => press(k))).toEqual([
      'down',
      'up',
      'select',
      'acknowledge',
      'shelve',
      'note',
      'resolve',
      'filter',
      'help',
    ]);
    expect(press('ArrowDown')).toBe('down');
  });

  it('leaves keys with a modifier and text typed in a field alone, except Escape', () => {
    expect(press('a', { ctrlKey: true })).toBeNull();
    expect(press('a', { inField: true })).toBeNull();
    expect(press('Escape', { inField: true })).toBe('close');
    expect(press('q')).toBeNull();
  });

  it('gives every key one action', () => {
    const keys = DESK_KEYS.flatMap((k) => k.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
