// People for the end-to-end tests, set up the way a site does it: users added with `ioc-wall hub user add` (the
// password on stdin), the embedded demo hub's person read from what the host prints once, and logins through the
// bridge (as a page does) or through the console's login form in Chromium.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { Person } from '../../src/contract/people.js';
import type { Role } from '../../src/domain/identity/roles.js';
import { call } from './bridge-client.js';
import { type CliRun, REPO } from './cli-process.js';

export interface Credentials {
  user: string;
  password: string;
}

/** `ioc-wall hub user add NAME --role ROLE --data-dir DIR`, the password on stdin; throws with its stderr. */
export function addHubUser(dataDir: string, user: string, role: Role, password: string): Credentials {
  const run = spawnSync(
    process.execPath,
    [resolve(REPO, 'bin/ioc-wall.js'), 'hub', 'user', 'add', user, '--role', role, '--data-dir', dataDir],
    { cwd: REPO, input: `${password}\n`, encoding: 'utf8', env: { ...process.env, IOC_LOG_LEVEL: 'warn' } },
  );
  if (run.status !== 0) throw new Error(`user add ${user} exited ${run.status}: ${run.stderr}`);
  return { user, password };
}

/** The embedded demo hub's person, as the host printed it once on stdout. */
export async function demoCredentials(app: CliRun): Promise<Credentials> {
  const m = await app.waitFor(/login: (\S+) password: (\S+)/);
  return { user: m[1]!, password: m[2]! };
}

/** Logs a bridge client in as a console page would; resolves with the person. */
export async function loginBridge(socket: Socket, who: Credentials): Promise<Person> {
  const r = await call(socket, 'login', who);
  if (!r.ok) throw new Error(`login of ${who.user} failed: ${r.error.message}`);
  const result = r.result as { ok: boolean; person?: unknown; reason?: string };
  if (!result.ok) throw new Error(`login of ${who.user} refused: ${result.reason}`);
  return Person.parse(result.person);
}

/** Logs in on the console page through its form (keyboard: the name field has the focus, Enter submits). */
export async function loginOnPage(page: Page, who: Credentials): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.waitFor({ timeout: 30_000 });
  await page.keyboard.type(who.user);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.keyboard.press('Enter');
  await page.getByTestId('person-bar').waitFor({ timeout: 30_000 });
}
