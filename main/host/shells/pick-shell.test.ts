import { describe, expect, it } from 'vitest';
import { pickShell } from './pick-shell.js';

const noElectron = { missing: 'the Electron binary is not installed' };

describe('shell choice', () => {
  it('auto prefers Electron, then a browser, then headless, and says why', () => {
    const e = pickShell('auto', { electron: { path: '/e' }, display: ':0', chromium: '/usr/bin/chromium' });
    expect(e).toMatchObject({ kind: 'electron' });
    const b = pickShell('auto', { electron: noElectron, display: ':0', chromium: '/usr/bin/chromium' });
    expect(b).toMatchObject({ kind: 'browser' });
    expect('reason' in b && b.reason).toContain('not installed');
    const h = pickShell('auto', { electron: { path: '/e' }, display: undefined, chromium: '/usr/bin/chromium' });
    expect(h).toMatchObject({ kind: 'headless' });
    expect('reason' in h && h.reason).toContain('no display');
  });

  it('refuses an explicit shell that cannot run, with the reason', () => {
    expect(pickShell('browser', { electron: noElectron, display: ':0', chromium: undefined })).toEqual({
      error: expect.stringContaining('no Chromium'),
    });
    expect(pickShell('electron', { electron: noElectron, display: ':0', chromium: undefined })).toEqual({
      error: expect.stringContaining('not installed'),
    });
    expect(pickShell('headless', { electron: noElectron, display: undefined, chromium: undefined })).toMatchObject({
      kind: 'headless',
    });
  });
});
