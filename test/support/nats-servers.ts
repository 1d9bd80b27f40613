// Real nats-server processes for tests (the Debian package, /usr/sbin/nats-server): started from a configuration
// file, awaited until they listen, SIGKILLed, and their temporary folder removed. One NatsServers per test,
// `await servers.cleanup()` in afterEach.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NATS_SERVER = process.env['NATS_SERVER'] ?? '/usr/sbin/nats-server';

export interface NatsServer {
  configFile: string;
  child: ChildProcess;
  /** What the server logged so far (stderr), for a failure's message. */
  log(): string;
  /** SIGKILL, as a machine dying would: no goodbye to the cluster. Resolves once the process is gone. */
  kill(): Promise<void>;
}

/** Starts `nats-server -c configFile` and resolves once it says it is ready (listeners open). */
function startNatsServer(configFile: string, timeoutMs = 30_000): Promise<NatsServer> {
  const child = spawn(NATS_SERVER, ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const collect = (d: Buffer): void => {
    log += d.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  const server: NatsServer = {
    configFile,
    child,
    log: () => log,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await gone;
    },
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearInterval(poll);
      clearTimeout(deadline);
      void server.kill().then(() => reject(new Error(`nats-server -c ${configFile} ${why}\n${log}`)));
    };
    const deadline = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    const poll = setInterval(() => {
      if (log.includes('Server is ready')) {
        clearInterval(poll);
        clearTimeout(deadline);
        resolve(server);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        fail(`exited (${child.exitCode ?? child.signalCode})`);
      }
    }, 50);
    child.once('error', (err) => fail(`could not start: ${err.message}`));
  });
}

function listen(port: number, host: string): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, host, () => resolve(server));
  });
}

/**
 * A port free a moment ago on every one of `hosts` (loopback addresses: 127.0.0.2 … let nodes of a cluster share
 * a port, as on separate machines). The OS may hand it out again; fine for a test's own servers.
 */
export async function freePort(hosts: readonly string[] = ['127.0.0.1']): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await listen(0, hosts[0]!);
    if (!first) break;
    const port = (first.address() as AddressInfo).port;
    const others = await Promise.all(hosts.slice(1).map((h) => listen(port, h)));
    const all = [first, ...others];
    await Promise.all(all.map((s) => s && new Promise((r) => s.close(r))));
    if (others.every(Boolean)) return port;
  }
  throw new Error(`no port free on all of ${hosts.join(', ')}`);
}

/** The servers of one test and the folder holding their configurations and stores. */
export class NatsServers {
  readonly dir = mkdtempSync(join(tmpdir(), 'ioc-nats-'));
  private readonly running = new Set<NatsServer>();

  /** Writes `text` as `name` in this test's folder; returns its path. */
  writeConfig(name: string, text: string): string {
    const file = join(this.dir, name);
    writeFileSync(file, text);
    return file;
  }

  /** Starts `nats-server -c configFile`: a new server, or a killed one again from its store (a machine back). */
  async start(configFile: string): Promise<NatsServer> {
    const server = await startNatsServer(configFile);
    this.running.add(server);
    server.child.once('exit', () => this.running.delete(server));
    return server;
  }

  /** One server with JetStream on a free loopback port, its store in this test's folder: a site's smallest log. */
  async single(name = 'nats'): Promise<NatsServer & { url: string }> {
    const port = await freePort();
    const config = this.writeConfig(
      `${name}.conf`,
      `listen: 127.0.0.1:${port}\njetstream { store_dir: "${join(this.dir, name)}" }\n`,
    );
    return { ...(await this.start(config)), url: `nats://127.0.0.1:${port}` };
  }

  /** Kills every server still running and removes the folder. */
  async cleanup(): Promise<void> {
    await Promise.all([...this.running].map((s) => s.kill()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
