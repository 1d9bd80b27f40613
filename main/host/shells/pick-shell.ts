// Which shell draws the windows. `auto` takes the first that can run here and says why.
import type { ShellKind } from '../../../src/contract/host-status.js';

export interface ShellProbe {
  electron: { path: string } | { missing: string };
  /** X or Wayland display, if any. */
  display: string | undefined;
  chromium: string | undefined;
}

export type ShellChoice = { kind: ShellKind; reason: string } | { error: string };

export function pickShell(requested: ShellKind | 'auto', probe: ShellProbe): ShellChoice {
  const noDisplay = 'no display ($DISPLAY and $WAYLAND_DISPLAY are unset)';
  const noChromium = 'no Chromium found (/usr/bin/chromium; set IOC_CHROMIUM to another path)';
  switch (requested) {
    case 'headless':
      return { kind: 'headless', reason: 'requested with --shell headless' };
    case 'electron':
      if ('missing' in probe.electron) return { error: `--shell electron: ${probe.electron.missing}` };
      if (!probe.display) return { error: `--shell electron: ${noDisplay}` };
      return { kind: 'electron', reason: 'requested with --shell electron' };
    case 'browser':
      if (!probe.display) return { error: `--shell browser: ${noDisplay}` };
      if (!probe.chromium) return { error: `--shell browser: ${noChromium}` };
      return { kind: 'browser', reason: 'requested with --shell browser' };
    case 'auto': {
      if ('path' in probe.electron && probe.display) {
        return {
          kind: 'electron',
          reason: `auto: Electron binary at ${probe.electron.path} and display ${probe.display}`,
        };
      }
      const noElectron = 'missing' in probe.electron ? probe.electron.missing : noDisplay;
      if (probe.display && probe.chromium) {
        return {
          kind: 'browser',
          reason: `auto: Electron unavailable (${noElectron}); Chromium ${probe.chromium} on display ${probe.display}`,
        };
      }
      return {
        kind: 'headless',
        reason: `auto: Electron unavailable (${noElectron}); ${probe.display ? noChromium : noDisplay}; serving the pages only`,
      };
    }
  }
}
