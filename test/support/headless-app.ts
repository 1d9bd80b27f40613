// `ioc-wall start --shell headless` as a child process with no display, and a bridge client holding its console's
// token: how end-to-end tests drive a whole host from outside, then open its pages in Chromium. The bridge client
// is logged in (commands need a person): as the embedded demo hub's person, or as `login` names.
import type { Socket } from 'socket.io-client';
import type { Person } from '../../src/contract/people.js';
import { connectBridge, connected } from './bridge-client.js';
import { type CliRun, runCli } from './cli-process.js';
import { type Credentials, demoCredentials, loginBridge } from './people.js';

export interface HeadlessApp {
  app: CliRun;
  /** The host's http://127.0.0.1:port */
  origin: string;
  /** The console's bridge token (also what the full /api/status needs). */
  token: string;
  /** The wall windows' bridge token (read-only). */
  wallToken: string;
  bridge: Socket;
  /** Who the bridge client is logged in as. */
  login: Credentials;
  person: Person;
}

export interface HeadlessAppOptions {
  /** Who the bridge client logs in as; default: the embedded demo hub's person. */
  login?: Credentials;
}

export async function startHeadlessApp(
  args: readonly string[],
  options: HeadlessAppOptions = {},
): Promise<HeadlessApp> {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  // The embedded hub's demo data is what these tests read; a hub given by URL brings its own.
  const demo = args.includes('--hub') ? [] : ['--demo'];
  const app = runCli(['start', '--shell', 'headless', '--port', '0', ...demo, ...args], env);
  await app.waitFor(/status: http/);
  const m = app.stdout().match(/console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
  if (!m?.[1] || !m[2]) throw new Error(`the host printed no console URL:\n${app.stdout()}`);
  const wall = app.stdout().match(/: http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+)#\/wall\//);
  if (!wall?.[1]) throw new Error(`the host printed no wall URL:\n${app.stdout()}`);
  const login = options.login ?? (await demoCredentials(app));
  const bridge = connectBridge(m[1], m[2]);
  await connected(bridge);
  const person = await loginBridge(bridge, login);
  return { app, origin: m[1], token: m[2], wallToken: wall[1], bridge, login, person };
}
