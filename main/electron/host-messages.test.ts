import { describe, expect, it } from 'vitest';
import { parseHostMessage, shellMessage } from './host-messages.js';

const surface = {
  id: 'wall-1',
  monitorId: 'display-1',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  layout: { columns: 12, rows: 8, tiles: [] },
};

describe('parseHostMessage', () => {
  it('accepts a ready message', () => {
    const ready = {
      type: 'ready',
      bridgeUrl: 'http://127.0.0.1:41234',
      token: 'abcdefghijklmnop',
      wallToken: 'qrstuvwxyzabcdef',
      surfaces: [surface],
      consoleEnabled: true,
    };
    expect(parseHostMessage(ready, () => undefined)).toMatchObject({ type: 'ready', surfaces: [{ id: 'wall-1' }] });
  });

  it('accepts a fatal message', () => {
    expect(parseHostMessage({ type: 'fatal', message: 'port in use' }, () => undefined)).toEqual({
      type: 'fatal',
      message: 'port in use',
    });
  });

  it('logs and ignores anything else', () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    expect(parseHostMessage({ type: 'ready', bridgeUrl: 'nope' }, log)).toBeNull();
    expect(parseHostMessage('hello', log)).toBeNull();
    expect(parseHostMessage({ type: 'shutdown' }, log)).toBeNull();
    expect(parseHostMessage({ type: 'x', blob: 'y'.repeat(10_000) }, log)).toBeNull();
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/bridgeUrl/);
    expect(lines.every((line) => line.length < 1000)).toBe(true);
  });
});

describe('shellMessage', () => {
  it('passes valid messages and throws on invalid ones', () => {
    const window = { type: 'window', surfaceId: 'wall-1', state: 'open', pid: 42 } as const;
    expect(shellMessage(window)).toEqual(window);
    expect(() => shellMessage({ type: 'displays', monitors: [] })).toThrow();
  });
});
