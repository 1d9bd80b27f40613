// `ioc-wall cluster init`: the command line of main/host/cluster/cluster-init.ts.
import type { Command } from 'commander';
import { z } from 'zod';
import { ClusterInitError, initCluster, startInstructions } from './cluster-init.js';
import { ClusterInitOptions } from './cluster-options.js';

export function addClusterCommand(program: Command): void {
  const cluster = program.command('cluster').description("write the configuration of a site's NATS cluster");
  cluster
    .command('init')
    .description('write a NATS cluster (JetStream, routes, TLS; leaf nodes for a federation) into a new folder')
    .requiredOption('--out <dir>', 'a new folder for the configuration files (and certificates with --self-signed)')
    .option('--site <name>', "the site's name: the cluster's name and the prefix of its servers' names", 'ioc')
    .option('--nodes <n>', 'number of nodes (1, or 3 and more: a majority must stay alive)', '3')
    .option('--hosts <list>', "the nodes' addresses, comma-separated: one for all or one per node", '127.0.0.1')
    .option('--client-port <n>', 'port of the clients (hubs); nodes on one host take the next ones', '4222')
    .option('--cluster-port <n>', 'port of the routes between nodes', '6222')
    .option('--leaf-port <n>', 'port of the leaf node listener (with --leafnodes)', '7422')
    .option('--store-dir <dir>', 'absolute folder of the JetStream stores (one folder per node; default OUT/jetstream)')
    .option('--domain <name>', "this site's JetStream domain (both sides of a federation need one)")
    .option('--leafnodes', "listen for the provinces' clusters as leaf nodes (a centre)", false)
    .option('--leaf-advertise <host:port>', 'with --leafnodes: the address provinces reach it at (NAT, firewall)')
    .option('--leaf-remote <url>', "connect to the centre's leaf node listener, e.g. tls://centre.example:7422")
    .option(
      '--provinces <domains>',
      "with --leafnodes: the provinces' JetStream domains, comma-separated: an account and a credential each, reaching only what federation needs",
    )
    .option(
      '--leaf-credentials <file>',
      "with --leaf-remote: this province's credential file, written by the centre's --provinces",
    )
    .option('--self-signed', 'make a CA (or use --ca/--ca-key) and the certificates with openssl', false)
    .option('--ca <file>', "absolute path of the site's CA certificate (PEM)")
    .option('--ca-key <file>', 'with --self-signed: sign with this CA key instead of a new CA')
    .option('--cert <pattern>', "absolute path of each node's certificate; {node} is the node's name")
    .option('--key <pattern>', "absolute path of each node's private key; {node} is the node's name")
    .action(async (raw: Record<string, unknown>) => {
      const list = (v: unknown): unknown => (typeof v === 'string' ? v.split(',').map((h) => h.trim()) : v);
      const parsed = ClusterInitOptions.safeParse({
        ...raw,
        hosts: list(raw['hosts']),
        provinces: list(raw['provinces']),
      });
      if (!parsed.success) throw new ClusterInitError(`invalid options:\n${z.prettifyError(parsed.error)}`);
      const plan = await initCluster(parsed.data);
      process.stdout.write(startInstructions(plan));
    });
}
