// Options of `ioc-wall cluster init`, validated before anything is written.
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { JetStreamDomain } from '../../../hub/jetstream/jetstream-domain.js';

/** A site's name ends up in the cluster's and servers' names and in file names: letters, digits, - and _ only. */
const Name = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,32}$/,
    'letters, digits, - and _ only (at most 32): it becomes part of subjects and file names',
  );

const Port = z.coerce.number().int().min(1).max(65535);

/** A host name or an IP address of a node, as the other nodes and the hubs reach it. */
const Host = z
  .string()
  .regex(/^[A-Za-z0-9.:-]{1,253}$/, 'a host name or an IP address')
  .refine((h) => !h.includes(':') || z.ipv6().safeParse(h).success, 'a host name or an IP address');

/** A file the configuration refers to on the nodes' machines: it may not exist here, so it must be absolute. */
const AbsolutePath = z.string().refine(isAbsolute, 'an absolute path (the node reads it wherever it is started)');

/** The centre's leaf node listener, as a province's nodes reach it. */
const LeafRemote = z
  .string()
  .refine(URL.canParse, 'a URL such as tls://centre.ioc.gov.vn:7422')
  .refine((u) => URL.canParse(u) && ['tls:', 'nats-leaf:'].includes(new URL(u).protocol), {
    message: 'the centre is reached over TLS: tls://host:port or nats-leaf://host:port',
  })
  .refine(
    (u) => URL.canParse(u) && new URL(u).port !== '',
    "give the port of the centre's leaf node listener (7422 by default)",
  );

export const ClusterInitOptions = z
  .object({
    /** A new folder: the nodes' configuration files, certificates (with --self-signed) and the default stores. */
    out: z.string().min(1),
    /** The site's name: the cluster's name and the prefix of every server's name (unique across a federation). */
    site: Name,
    nodes: z.coerce
      .number()
      .int()
      .min(1)
      .max(9)
      .refine((n) => n !== 2, {
        message:
          'a JetStream cluster needs a majority of its nodes alive, and 2 nodes survive no loss: use 1, or 3 and more',
      }),
    /** One host for every node (a trial on one machine) or one per node, in order. */
    hosts: z.array(Host).min(1),
    clientPort: Port,
    clusterPort: Port,
    leafPort: Port,
    storeDir: AbsolutePath.optional(),
    /** The JetStream domain of this site: needed on both sides of a federation. */
    domain: JetStreamDomain.optional(),
    /** Open a leaf node listener, for the provinces' clusters (a centre). */
    leafnodes: z.boolean(),
    /** `host:port` provinces reach the leaf node listener at, when a NAT or firewall stands in front of the nodes. */
    leafAdvertise: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,253}:\d{1,5}$/, 'host:port, e.g. ioc-centre.gov.vn:7422')
      .optional(),
    /** Connect to the centre's leaf node listener (a province). */
    leafRemote: LeafRemote.optional(),
    /** A centre's provinces (their JetStream domains): each province's leaf node gets an account of its own. */
    provinces: z.array(JetStreamDomain).min(1).max(64).optional(),
    /** A province's credential for the centre's leaf node listener: the file the centre's --provinces wrote. */
    leafCredentials: z.string().min(1).optional(),
    /** Make the certificates here with openssl; with --ca/--ca-key, signed by that CA instead of a new one. */
    selfSigned: z.boolean(),
    ca: AbsolutePath.optional(),
    caKey: AbsolutePath.optional(),
    /** Each node's certificate and key; `{node}` is replaced by the node's name (e.g. /etc/ioc/nats/{node}.pem). */
    cert: AbsolutePath.optional(),
    key: AbsolutePath.optional(),
  })
  .superRefine((o, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    if (o.hosts.length !== 1 && o.hosts.length !== o.nodes) {
      issue('hosts', `--hosts gives ${o.hosts.length} hosts for ${o.nodes} nodes: give one host, or one per node`);
    }
    const ports = [o.clientPort, o.clusterPort, ...(o.leafnodes ? [o.leafPort] : [])];
    // Nodes sharing a host take consecutive ports from each base: the ranges must not overlap.
    const span = Math.max(
      ...o.hosts.map((h) => o.hosts.filter((x) => x === h).length),
      o.hosts.length === 1 ? o.nodes : 1,
    );
    for (const [i, a] of ports.entries()) {
      for (const b of ports.slice(i + 1)) {
        if (Math.abs(a - b) < span) issue('clientPort', `ports ${a} and ${b} overlap for ${span} nodes on one host`);
      }
    }
    if (ports.some((p) => p + span - 1 > 65535)) issue('clientPort', 'the ports of the last nodes would pass 65535');
    if (o.leafRemote && !o.domain) {
      issue(
        'domain',
        "--leaf-remote needs --domain NAME: the province's JetStream domain, which the centre sources from",
      );
    }
    if (o.leafnodes && !o.domain) {
      issue('domain', "--leafnodes needs --domain NAME: the centre's JetStream domain, apart from the provinces'");
    }
    if (o.leafAdvertise && !o.leafnodes)
      issue('leafAdvertise', '--leaf-advertise is the address of --leafnodes: give both');
    if (o.leafnodes && o.leafRemote)
      issue('leafRemote', 'a site is either a centre (--leafnodes) or a province (--leaf-remote), not both');
    if (o.provinces) {
      if (!o.leafnodes) issue('provinces', '--provinces are the accounts of --leafnodes: give both');
      if (new Set(o.provinces).size !== o.provinces.length) issue('provinces', '--provinces names a province twice');
      if (o.domain && o.provinces.includes(o.domain)) {
        issue('provinces', `a province's domain must differ from the centre's ("${o.domain}")`);
      }
    }
    if (o.leafCredentials && !o.leafRemote) {
      issue('leafCredentials', "--leaf-credentials is the province's login at --leaf-remote: give both");
    }
    if (o.selfSigned) {
      if (o.cert || o.key) issue('cert', "--self-signed makes the nodes' certificates: leave out --cert and --key");
      if (Boolean(o.ca) !== Boolean(o.caKey))
        issue('caKey', 'with --self-signed, --ca and --ca-key go together (sign with an existing CA)');
    } else if (!o.ca || !o.cert || !o.key) {
      issue(
        'cert',
        "every link is TLS: give the site's --ca FILE, --cert PATTERN and --key PATTERN ({node} is the node's name), or --self-signed to make them",
      );
    } else if (o.caKey) {
      issue('caKey', '--ca-key is only read with --self-signed (to sign new certificates)');
    }
  });
export type ClusterInitOptions = z.infer<typeof ClusterInitOptions>;
