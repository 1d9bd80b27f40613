// `ioc-wall start --shell headless` as a child process with no display, and a bridge client holding its console's
// token: how end-to-end tests drive a whole host from outside, then open its pages in Chromium.
import type { Socket } from 'socket.io-client';
import { connectBridge, connected } from './bridge-client.js';
import { type CliRun, runCli } from './cli-process.js';

export interface HeadlessApp {
  app: CliRun;
  /** The host's http://127.0.0.1:port */
  origin: string;
  /** The console's bridge token (also what the full /api/status needs). */
  token: string;
  bridge: Socket;
}

export async function startHeadlessApp(args: readonly string[]): Promise<HeadlessApp> {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const app = runCli(['start', '--shell', 'headless', '--port', '0', ...args], env);
  await app.waitFor(/status: http/);
  const m = app.stdout().match(/console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
  if (!m?.[1] || !m[2]) throw new Error(`the host printed no console URL:\n${app.stdout()}`);
  const bridge = connectBridge(m[1], m[2]);
  await connected(bridge);
  return { app, origin: m[1], token: m[2], bridge };
}
