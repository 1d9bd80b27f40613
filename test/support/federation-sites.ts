// A federation test's sites: one nats-server node written by `ioc-wall cluster init`, and a client of it with the
// hub's certificate, as a site's hub would connect.
import { type JetStreamClient, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { expect } from 'vitest';
import { runCli } from './cli-process.js';
import { untilJetStreamReady } from './jetstream-client.js';

export interface InitNode {
  config: string;
  url: string;
  tls: Record<string, string>;
}

export interface Site {
  nc: NatsConnection;
  jsm: JetStreamManager;
  js: JetStreamClient;
}

/** `cluster init` of one node with `args`; returns its config file, the hub's URL and TLS files it printed. */
export async function initNode(args: string[]): Promise<InitNode> {
  const run = runCli(['cluster', 'init', '--nodes', '1', '--self-signed', ...args]);
  expect(await run.exited(), run.stderr()).toBe(0);
  const out = run.stdout();
  return {
    config: out.match(/nats-server -c (\S+)/)![1]!,
    url: out.match(/ioc-wall hub --log (\S+)/)![1]!,
    tls: {
      caFile: out.match(/--log-tls-ca (\S+)/)![1]!,
      certFile: out.match(/--log-tls-cert (\S+)/)![1]!,
      keyFile: out.match(/--log-tls-key (\S+)/)![1]!,
    },
  };
}

/** A client of `node` once its JetStream answers; added to `connections` for the test to close. */
export async function openSite(node: InitNode, connections: NatsConnection[]): Promise<Site> {
  const nc = await connect({ servers: node.url, tls: node.tls, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  connections.push(nc);
  const jsm = await jetstreamManager(nc, { checkAPI: false });
  await untilJetStreamReady(jsm);
  return { nc, jsm, js: jetstream(nc) };
}

export const messages = async (site: Site, stream: string): Promise<number> =>
  (await site.jsm.streams.info(stream)).state.messages;
