// The `ioc-wall` command. `start` runs the command centre, `hub` a standalone feed hub.
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { KNOWN_TOPICS } from '../../src/contract/hub-protocol.js';
import { ConnectorsFileError, readConnectorsFile } from '../../hub/connectors/connectors-file.js';
import { hubDatabaseFile } from '../../hub/hub-database.js';
import { startHub } from '../../hub/hub-server.js';
import { JetStreamLogOptions, parseLogServers } from '../../hub/jetstream/jetstream-options.js';
import { parseFederatedSite } from '../../hub/jetstream/federation-relay.js';
import { createLogger } from '../../platform/logger.js';
import { APP_VERSION, defaultDataDir } from './app-paths.js';
import { addHubAdminCommands } from './hub-admin-cli.js';
import { addClusterCommand } from './cluster/cluster-cli.js';
import { ClusterInitError } from './cluster/cluster-init.js';
import { addHubPublishCommand } from './hub-publish-cli.js';
import { WallFileError } from './displays/wall-file.js';
import { CameraFileError } from './cameras/camera-file.js';
import { runStart, StartError } from './run-start.js';
import { electronParentPort } from './shells/electron-child.js';
import { StartOptions } from './start-options.js';

interface HubCliOptions {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  seed: string;
  rate?: string;
  retainDays: string;
  retainEvents: string;
  tlsCert?: string;
  tlsKey?: string;
  allowOrigin: string[];
  connectors?: string;
  log?: string;
  logTlsCa?: string;
  logTlsCert?: string;
  logTlsKey?: string;
  logReplicas: string;
  hubName?: string;
  federate: string[];
}

function portArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number 0–65535');
  return n;
}

export function buildProgram(): Command {
  const program = new Command('ioc-wall')
    .description('IOC Wall — video wall and console of an Integrated Operations Center')
    .version(APP_VERSION)
    // So `hub user add … --data-dir D` reaches `add`, not the hub server's own --data-dir.
    .enablePositionalOptions();

  program
    .command('start')
    .description('run the command centre: the host, its windows on every monitor, and (by default) an embedded hub')
    .option('--shell <kind>', 'auto | electron | browser | headless', 'auto')
    .option(
      '--hub <where>',
      '"embedded" (a hub in this process), the URL of a hub, or URL1,URL2,… of hubs serving the same log (failover)',
      'embedded',
    )
    .option('--hub-stall-s <n>', 'seconds without a word from the hub before moving to the next one', '10')
    .option('--data-dir <dir>', 'where the cache and logs live', defaultDataDir())
    .option('--wall <file>', 'a JSON file describing the monitors of the wall')
    .option('--port <n>', 'loopback port of the UI and the bridge (0: any free port)', portArg, 4180)
    .option('--locale <vi|en>', 'language of the UI', 'vi')
    .option('--console', 'also open the operator console window', false)
    .option('--seed <n>', 'seed of the embedded demo data', '2025')
    .option(
      '--media-origin <url>',
      'an origin the wall may play video from, e.g. http://vms.ioc.local:8888 (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--hub-ca <file>', "PEM of the CA that signed an https hub's certificate: only it is trusted")
    .option('--insecure-hub', 'allow a plain http:// hub on another machine (unencrypted: not for a site)', false)
    .option('--idle-lock-minutes <n>', 'minutes without input after which a console logs its person out', '15')
    .option('--hub-down-alarm-s <n>', 'seconds without the hub before this PC raises its own alarm', '30')
    .option(
      '--hub-credential <file>',
      "this PC's device credential for --hub URL (JSON, mode 0600, from hub device add)",
    )
    .option('--connectors <file>', 'a connectors file (JSON) the embedded hub runs: reports, APIs, warnings')
    .option('--demo', 'fill the embedded hub with demo data (every screen then says so)', false)
    .option('--cameras <file>', 'the camera list (CSV or JSON: id, name, lat/lon or province, url, sensitive)')
    .option('--room-address <ip>', "also serve the pages on this address of the room's network (https only)")
    .option('--room-port <n>', 'port of --room-address', '4443')
    .option('--room-tls-cert <file>', 'PEM certificate of --room-address')
    .option('--room-tls-key <file>', 'PEM private key of --room-tls-cert')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = StartOptions.safeParse({ ...raw, mediaOrigins: raw['mediaOrigin'] });
      if (!parsed.success) fail(`invalid options:\n${z.prettifyError(parsed.error)}`);
      process.exitCode = await runStart(parsed.data, process.argv.slice(2));
    });

  const hub = program
    .command('hub')
    .description('run a standalone feed hub (the default), or manage its users, devices and audit log')
    .enablePositionalOptions()
    .option('--port <n>', 'port to listen on', portArg, 4181)
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'where the event log lives', defaultDataDir())
    .option('--demo', 'produce demo data of a Vietnamese IOC', false)
    .option('--seed <n>', 'seed of the demo data', '2025')
    .option('--rate <n>', 'demo events per second (default: the pace of a working day, about 6/s)')
    .option('--retain-days <n>', 'days of history kept per topic (the latest value of every key is always kept)', '7')
    .option('--retain-events <n>', 'events of history kept per topic at most', '2000000')
    .option('--tls-cert <file>', 'PEM certificate: serve https/wss only (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key of --tls-cert')
    .option(
      '--allow-origin <url>',
      'a browser origin allowed to connect, e.g. https://console.ioc.local (repeatable; default: no browser)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--connectors <file>', 'a connectors file (JSON) this hub runs: reports, APIs, warnings')
    .option('--log <urls>', 'keep the log in NATS JetStream: nats://host:4222[,nats://host2:4222,…] (default: SQLite)')
    .option('--log-tls-ca <file>', 'PEM CA of the NATS servers (with --log): TLS is then required')
    .option('--log-tls-cert <file>', 'PEM client certificate the NATS servers verify (with --log-tls-key)')
    .option('--log-tls-key <file>', 'PEM private key of --log-tls-cert')
    .option('--log-replicas <n>', 'copies of each stream in the NATS cluster (with --log)', '1')
    .option(
      '--federate <site>',
      "take another site's topics over a leaf node (with --log), e.g. quang-ninh:econ.indicators,ops.alerts (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--hub-name <name>', 'this hub in the NATS cluster, unique per hub (with --log; default: hub-PORT)')
    .action(async (raw: HubCliOptions) => {
      if (Boolean(raw.tlsCert) !== Boolean(raw.tlsKey)) fail('--tls-cert and --tls-key go together');
      const seed = Number(raw.seed);
      if (!Number.isInteger(seed)) fail('--seed must be a whole number');
      const rate = raw.rate === undefined ? undefined : Number(raw.rate);
      if (rate !== undefined && !(rate > 0 && rate <= 100_000)) fail('--rate must be between 1 and 100000 events/s');
      const days = Number(raw.retainDays);
      const maxEvents = Number(raw.retainEvents);
      if (!(days > 0)) fail('--retain-days must be a positive number');
      if (!(Number.isInteger(maxEvents) && maxEvents > 0)) fail('--retain-events must be a positive whole number');
      const policy = { maxAgeMs: days * 86_400_000, maxEvents };
      for (const origin of raw.allowOrigin) {
        if (!URL.canParse(origin) || !/^https?:$/.test(new URL(origin).protocol)) {
          fail(
            `--allow-origin ${origin}: an origin is http:// or https:// with a host, e.g. https://console.ioc.local`,
          );
        }
      }
      const connectors = raw.connectors ? readConnectorsFile(raw.connectors) : [];
      const jetstream = raw.log ? jetStreamOptions(raw) : undefined;
      const hub = await startHub({
        jetstream,
        connectors,
        port: raw.port,
        host: raw.host,
        logFile: hubDatabaseFile(raw.dataDir),
        demo: raw.demo,
        seed,
        rate,
        retention: Object.fromEntries(KNOWN_TOPICS.map((t) => [t, policy])),
        version: APP_VERSION,
        logger: createLogger('hub'),
        tls: raw.tlsCert && raw.tlsKey ? readTlsPair(raw.tlsCert, raw.tlsKey) : undefined,
        allowedOrigins: raw.allowOrigin,
      });
      const where = jetstream ? ` (log: NATS JetStream ${jetstream.servers.join(',')} as ${jetstream.hubName})` : '';
      process.stdout.write(`IOC Wall hub listening on ${hub.url}${raw.demo ? ' (demo data)' : ''}${where}\n`);
      if (raw.demo) process.stdout.write(enrolHelp(raw.dataDir));
      const stop = (): void => void hub.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  addHubAdminCommands(hub);
  addHubPublishCommand(hub);
  addClusterCommand(program);
  return program;
}

/** A hub lets in only enrolled devices and people: how to enrol them, for someone trying the demo. */
function enrolHelp(dataDir: string): string {
  const d = `--data-dir ${dataDir}`;
  return [
    'Only enrolled devices connect, and only people with an account act. To let a host in and log in on it:',
    `  ioc-wall hub device add bantruc-1 --kind console --out bantruc-1.json ${d}`,
    `  ioc-wall hub user add quan.tri --role admin --display-name 'Quản trị' ${d}   (password from stdin)`,
    '  ioc-wall start --hub <this hub URL> --hub-credential bantruc-1.json',
    '',
  ].join('\n');
}

function readTlsPair(certFile: string, keyFile: string): { cert: string; key: string } {
  try {
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  } catch (err) {
    fail(`cannot read the TLS certificate or key: ${(err as Error).message}`);
  }
}

function fail(message: string): never {
  process.stderr.write(`ioc-wall: ${message}\n`);
  process.exit(2);
}

export async function main(argv: readonly string[]): Promise<void> {
  // Everything IOC Wall writes (caches, logs, credentials, window profiles) is readable by this user only.
  process.umask(0o077);
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (err) {
    if (
      err instanceof StartError ||
      err instanceof WallFileError ||
      err instanceof ConnectorsFileError ||
      err instanceof CameraFileError ||
      err instanceof ClusterInitError
    ) {
      fail(err.message);
    }
    if (err instanceof Error) {
      createLogger('cli').debug('stack', { stack: err.stack });
      fail(err.message);
    }
    throw err;
  }
}

// Electron forks this file directly as the host's utilityProcess; `bin/ioc-wall.js` imports it instead.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv).then(() => {
    // Under Electron the parentPort listener keeps the process alive: leave once the host has closed.
    if (electronParentPort()) process.exit(process.exitCode ?? 0);
  });
}

function jetStreamOptions(raw: HubCliOptions): JetStreamLogOptions {
  const parsed = JetStreamLogOptions.safeParse({
    servers: parseLogServers(raw.log ?? ''),
    tlsCa: raw.logTlsCa,
    tlsCert: raw.logTlsCert,
    tlsKey: raw.logTlsKey,
    replicas: Number(raw.logReplicas),
    hubName: raw.hubName ?? `hub-${raw.port}`,
    federate: raw.federate.map((value) => {
      const site = parseFederatedSite(value);
      if (!site.success) fail(`--federate ${value}: ${z.prettifyError(site.error)} (DOMAIN:topic,topic)`);
      return site.data;
    }),
  });
  if (!parsed.success) fail(`--log: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
