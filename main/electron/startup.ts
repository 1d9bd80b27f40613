// Everything Electron requires before app `ready`, done as side effects of importing this module. The ESM
// entry is loaded asynchronously and Electron only guarantees that the entry's static imports run before
// `ready` (docs/tutorial/esm.md), so main.ts imports this first.
import os from 'node:os';
import path from 'node:path';
import { app, protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.js';
import { hardenAllWebContents } from './security.js';
import { defaultDataDir, parseShellArgv } from './shell-args.js';
import type { ShellLaunch } from './shell-args.js';

export const launch: ShellLaunch = parseShellArgv(process.argv, {
  defaultApp: process.defaultApp === true,
  defaultDataDir: defaultDataDir(process.env, os.homedir(), process.platform),
});

// Every renderer sandboxed, whatever a window's options say (checklist item 4).
app.enableSandbox();
// app:// must be privileged before ready, or it is not a standard, secure scheme.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
hardenAllWebContents();

// Chromium's profile beside the host's data, so a temporary --data-dir (tests) leaves nothing behind and
// the single-instance lock, which Chromium keys on this directory, means "one wall per data dir".
if (launch.dataDir !== null) app.setPath('userData', path.join(launch.dataDir, 'electron'));

/** False when another shell already runs on this data dir; `hub` and the like do not take the lock. */
export const primaryInstance: boolean = launch.mode === 'passthrough' || app.requestSingleInstanceLock();
