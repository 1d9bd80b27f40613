import { describe, expect, it } from 'vitest';
import { ClusterInitOptions } from './cluster-options';
import { clientUrls, nodeConfig, planCluster } from './cluster-plan';

const DEFAULTS = {
  out: '/srv/ioc/nats',
  site: 'hanoi',
  nodes: '3',
  hosts: ['127.0.0.1'],
  clientPort: '4222',
  clusterPort: '6222',
  leafPort: '7422',
  leafnodes: false,
  selfSigned: true,
};
const parse = (extra: Record<string, unknown>) => ClusterInitOptions.safeParse({ ...DEFAULTS, ...extra });
const plan = (extra: Record<string, unknown> = {}) => planCluster(parse(extra).data!);
const issues = (extra: Record<string, unknown>): string => JSON.stringify(parse(extra).error?.issues ?? []);

describe('cluster init options', () => {
  it('refuses 2 nodes, a host count that fits no node count, and ports that overlap on one host', () => {
    expect(issues({ nodes: '2' })).toMatch(/2 nodes survive no loss/);
    expect(issues({ nodes: '10' })).not.toBe('[]');
    expect(issues({ hosts: ['a', 'b'] })).toMatch(/2 hosts for 3 nodes/);
    expect(issues({ clusterPort: '4224' })).toMatch(/overlap/);
    expect(issues({ clientPort: '65534' })).toMatch(/65535/);
    expect(parse({ hosts: ['10.0.0.1', '10.0.0.2', '10.0.0.3'], clusterPort: '4223' }).success).toBe(true);
    expect(issues({ hosts: ['10.0.0.1', '10.0.0.1', '10.0.0.2'], clusterPort: '4223' })).toMatch(/overlap for 2 nodes/);
  });

  it('refuses names and hosts that would break a configuration file or a subject', () => {
    for (const site of ['a b', 'x"y', 'a.b', '']) expect([site, parse({ site }).success]).toEqual([site, false]);
    for (const host of ['a b', 'h"}', 'x:y']) expect([host, parse({ hosts: [host] }).success]).toEqual([host, false]);
    expect(parse({ hosts: ['::1'] }).success).toBe(true);
    expect(issues({ domain: 'pro.vince', leafnodes: true })).toMatch(/JetStream domain/);
  });

  it('asks for TLS files, or --self-signed; a province and a centre need a domain; the leaf remote is TLS', () => {
    expect(issues({ selfSigned: false })).toMatch(/--ca FILE, --cert PATTERN and --key PATTERN/);
    expect(issues({ selfSigned: false, ca: '/a', cert: 'rel/{node}.pem', key: '/k' })).toMatch(/absolute path/);
    expect(parse({ selfSigned: false, ca: '/a', cert: '/c/{node}.pem', key: '/k/{node}.key' }).success).toBe(true);
    expect(issues({ ca: '/a' })).toMatch(/--ca and --ca-key go together/);
    expect(issues({ leafRemote: 'tls://centre:7422' })).toMatch(/--leaf-remote needs --domain/);
    expect(issues({ leafnodes: true })).toMatch(/--leafnodes needs --domain/);
    expect(issues({ domain: 'p', leafRemote: 'nats://centre:7422' })).toMatch(/over TLS/);
    expect(issues({ domain: 'p', leafRemote: 'tls://centre' })).toMatch(/port/);
    expect(issues({ leafAdvertise: 'x:1' })).toMatch(/--leaf-advertise is the address of --leafnodes/);
  });
});

describe('the cluster plan', () => {
  it('gives nodes on one host consecutive ports, and nodes on their own hosts the same ports', () => {
    expect(plan().nodes.map((n) => [n.name, n.clientPort, n.clusterPort])).toEqual([
      ['hanoi-n1', 4222, 6222],
      ['hanoi-n2', 4223, 6223],
      ['hanoi-n3', 4224, 6224],
    ]);
    expect(clientUrls(plan())).toBe('tls://127.0.0.1:4222,tls://127.0.0.1:4223,tls://127.0.0.1:4224');
    expect(clientUrls(plan({ hosts: ['a', 'b', 'c'] }))).toBe('tls://a:4222,tls://b:4222,tls://c:4222');
  });

  it("fills {node} in the site's certificate paths", () => {
    const p = plan({ selfSigned: false, ca: '/pki/ca.pem', cert: '/pki/{node}.pem', key: '/pki/{node}.key' });
    expect(p.nodes[1]!.tls).toEqual({ ca: '/pki/ca.pem', cert: '/pki/hanoi-n2.pem', key: '/pki/hanoi-n2.key' });
    expect(p.hubTls).toBeUndefined();
  });

  it('routes each node to the others only, with TLS verified on clients, routes and leaf nodes', () => {
    const p = plan({ domain: 'centre', leafnodes: true });
    const text = nodeConfig(p, p.nodes[0]!);
    expect(text).toContain('"nats-route://127.0.0.1:6223"');
    expect(text).toContain('"nats-route://127.0.0.1:6224"');
    expect(text).not.toContain(':6222"\n  ]');
    expect(text.match(/verify: true/g)).toHaveLength(3);
    expect(text).toContain('domain: "centre"');
    expect(text).toContain('listen: "127.0.0.1:7422"');
  });

  it("keeps a province's topic subjects off the leaf link both ways; one node has no cluster block", () => {
    const p = plan({ nodes: '1', domain: 'hue', leafRemote: 'tls://centre.example:7422' });
    const text = nodeConfig(p, p.nodes[0]!);
    expect(text).not.toContain('cluster {');
    expect(text).toContain('url: "tls://centre.example:7422"');
    expect(text).toContain('deny_imports: ["ioc.>", "$KV.>"]');
    expect(text).toContain('deny_exports: ["ioc.>", "$KV.>"]');
  });
});
