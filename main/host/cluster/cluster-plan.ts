// Who is who in a site's NATS cluster: each node's name, address, ports, store and TLS files, and what links it.
import { join, resolve } from 'node:path';
import type { ClusterInitOptions } from './cluster-options.js';
import type { LeafCredentials } from './leaf-credentials.js';
import {
  accountsConfig,
  leafAuthorization,
  planProvinceAccounts,
  type ProvinceAccounts,
  remoteWithCredentials,
} from './province-accounts.js';

export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

export interface NodePlan {
  /** Unique across a federation (leaf-connected servers must not share a name): `<site>-n<i>`. */
  name: string;
  host: string;
  clientPort: number;
  clusterPort: number;
  leafPort: number;
  storeDir: string;
  tls: TlsFiles;
  configFile: string;
}

export interface ClusterPlan {
  site: string;
  out: string;
  domain?: string;
  leafnodes: boolean;
  leafAdvertise?: string;
  leafRemote?: string;
  /** A centre's account per province (--provinces); without it every leaf node shares the hubs' account. */
  provinceAccounts?: ProvinceAccounts;
  /** A province's login at the centre's leaf node listener (--leaf-credentials). */
  leafCredentials?: LeafCredentials;
  nodes: NodePlan[];
  /** The certificate a hub presents to the cluster (made with --self-signed; a site's own otherwise). */
  hubTls?: TlsFiles;
  /** Where --self-signed keeps the CA's key (or undefined when it signs with a given CA or makes nothing). */
  caKey?: string;
}

/** An IPv6 address in brackets, in URLs and in `host:port` listen addresses alike. */
const hostInUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

export function planCluster(o: ClusterInitOptions, leafCredentials?: LeafCredentials): ClusterPlan {
  const out = resolve(o.out);
  const tlsDir = join(out, 'tls');
  const ca = o.selfSigned ? (o.ca ?? join(tlsDir, 'ca.pem')) : o.ca!;
  const seen = new Map<string, number>();
  const nodes = Array.from({ length: o.nodes }, (_, i): NodePlan => {
    const name = `${o.site}-n${i + 1}`;
    const host = o.hosts.length === 1 ? o.hosts[0]! : o.hosts[i]!;
    // Nodes sharing a host take the next port from each base.
    const offset = seen.get(host) ?? 0;
    seen.set(host, offset + 1);
    const fill = (pattern: string): string => pattern.replaceAll('{node}', name);
    return {
      name,
      host,
      clientPort: o.clientPort + offset,
      clusterPort: o.clusterPort + offset,
      leafPort: o.leafPort + offset,
      storeDir: join(o.storeDir ?? join(out, 'jetstream'), name),
      tls: o.selfSigned
        ? { ca, cert: join(tlsDir, `${name}.pem`), key: join(tlsDir, `${name}-key.pem`) }
        : { ca, cert: fill(o.cert!), key: fill(o.key!) },
      configFile: join(out, `${name}.conf`),
    };
  });
  return {
    site: o.site,
    out,
    domain: o.domain,
    leafnodes: o.leafnodes,
    leafAdvertise: o.leafAdvertise,
    leafRemote: o.leafRemote,
    provinceAccounts: o.provinces && o.domain ? planProvinceAccounts(o.domain, o.provinces) : undefined,
    leafCredentials,
    nodes,
    hubTls: o.selfSigned ? { ca, cert: join(tlsDir, 'hub.pem'), key: join(tlsDir, 'hub-key.pem') } : undefined,
    caKey: o.selfSigned && !o.caKey ? join(tlsDir, 'ca-key.pem') : undefined,
  };
}

/** The URLs a hub (or any client) is given to reach the cluster: every node, so it survives the loss of any one. */
export function clientUrls(plan: ClusterPlan): string {
  return plan.nodes.map((n) => `tls://${hostInUrl(n.host)}:${n.clientPort}`).join(',');
}

function tlsBlock(tls: TlsFiles, indent: string): string[] {
  // verify: the other side must present a certificate of the site's CA too (hubs, routes, provinces).
  return [
    `${indent}tls {`,
    `${indent}  cert_file: ${JSON.stringify(tls.cert)}`,
    `${indent}  key_file: ${JSON.stringify(tls.key)}`,
    `${indent}  ca_file: ${JSON.stringify(tls.ca)}`,
    `${indent}  verify: true`,
    `${indent}  timeout: 5`,
    `${indent}}`,
  ];
}

/** One node's nats-server configuration (nats-server 2.9 syntax: no feature of later versions). */
export function nodeConfig(plan: ClusterPlan, node: NodePlan): string {
  const q = JSON.stringify;
  const lines = [
    `# ${node.name}: node of the "${plan.site}" NATS cluster of IOC Wall, written by "ioc-wall cluster init".`,
    `# Start it with: nats-server -c ${node.configFile}`,
    `server_name: ${q(node.name)}`,
    `listen: ${q(`${hostInUrl(node.host)}:${node.clientPort}`)}`,
    '',
    '# Clients (the hubs): TLS with a certificate of the site CA, nothing else gets in.',
    ...tlsBlock(node.tls, ''),
    '',
    'jetstream {',
    `  store_dir: ${q(node.storeDir)}`,
    ...(plan.domain ? [`  domain: ${q(plan.domain)}`] : []),
    '}',
    ...(plan.provinceAccounts ? accountsConfig(plan.provinceAccounts) : []),
  ];
  if (plan.nodes.length > 1) {
    const routes = plan.nodes
      .filter((n) => n !== node)
      .map((n) => `    ${q(`nats-route://${hostInUrl(n.host)}:${n.clusterPort}`)}`);
    lines.push(
      '',
      '# The other nodes of this site: streams are replicated over these routes.',
      'cluster {',
      `  name: ${q(plan.site)}`,
      `  listen: ${q(`${hostInUrl(node.host)}:${node.clusterPort}`)}`,
      ...tlsBlock(node.tls, '  '),
      '  routes: [',
      ...routes,
      '  ]',
      '}',
    );
  }
  if (plan.leafnodes) {
    lines.push(
      '',
      "# The provinces' clusters connect here as leaf nodes (their certificates signed by the same CA).",
      ...(plan.provinceAccounts
        ? ['# Each logs in with its own credential, to its own account (the accounts block above).']
        : []),
      'leafnodes {',
      `  listen: ${q(`${hostInUrl(node.host)}:${node.leafPort}`)}`,
      // Provinces otherwise learn (and later reconnect to) the nodes' own addresses, unreachable behind a NAT.
      ...(plan.leafAdvertise
        ? [
            '  # The address provinces reach the centre at (NAT or firewall in front of the nodes).',
            `  advertise: ${q(plan.leafAdvertise)}`,
          ]
        : []),
      ...tlsBlock(node.tls, '  '),
      ...(plan.provinceAccounts ? leafAuthorization(plan.provinceAccounts, '  ') : []),
      '}',
    );
  }
  if (plan.leafRemote) {
    const url = plan.leafCredentials ? remoteWithCredentials(plan.leafRemote, plan.leafCredentials) : plan.leafRemote;
    lines.push(
      '',
      "# The centre, as a leaf node. Only the JetStream API and stream sourcing cross: the hubs' own subjects (ioc.>:",
      '# the topics, the audit copy, the identity) and the KV buckets ($KV.>: command claims, the producer lease) are',
      "# kept on each side, so a publish here is never stored in the centre's streams, nor theirs here.",
      'leafnodes {',
      '  reconnect: 2',
      '  remotes: [',
      '    {',
      `      url: ${q(url)}`,
      ...tlsBlock(node.tls, '      '),
      '      deny_imports: ["ioc.>", "$KV.>"]',
      '      deny_exports: ["ioc.>", "$KV.>"]',
      '    }',
      '  ]',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}
