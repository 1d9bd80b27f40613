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

  it('takes provinces at a centre only: each once, none named like the centre; credentials at a province only', () => {
    expect(issues({ domain: 'centre', provinces: ['hue'] })).toMatch(/--provinces are the accounts of --leafnodes/);
    expect(issues({ domain: 'centre', leafnodes: true, provinces: ['hue', 'hue'] })).toMatch(/twice/);
    expect(issues({ domain: 'centre', leafnodes: true, provinces: ['hue', 'centre'] })).toMatch(
      /differ from the centre/,
    );
    expect(issues({ domain: 'centre', leafnodes: true, provinces: ['a.b'] })).toMatch(/JetStream domain/);
    expect(issues({ domain: 'hue', leafCredentials: '/c.json' })).toMatch(/--leaf-credentials is the province's login/);
    expect(parse({ domain: 'centre', leafnodes: true, provinces: ['hue', 'quang-ninh'] }).success).toBe(true);
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

  it('gives each province an account and a login at the leaf listener; the hubs stay in the centre account', () => {
    const p = plan({ domain: 'centre', leafnodes: true, provinces: ['hue', 'quang-ninh'] });
    const [hue, qn] = p.provinceAccounts!.provinces;
    expect(hue!.credentials).toMatchObject({ centre: 'centre', province: 'hue', user: 'hue' });
    expect(qn!.credentials.password).toMatch(/^[0-9a-f]{64}$/);
    expect(qn!.credentials.password).not.toBe(hue!.credentials.password);
    const texts = p.nodes.map((n) => nodeConfig(p, n));
    // Every node of the centre takes the same logins.
    for (const text of texts) {
      expect(text).toContain(
        `{ user: "quang-ninh", password: "${qn!.credentials.password}", account: "PROVINCE_quang-ninh" }`,
      );
      expect(text).toContain('no_auth_user: "hub"');
    }
    const text = texts[0]!;
    // A province may create consumers on DIRECTIVES' mirror of the directives only, never in the hubs' account; the
    // centre reaches its domain's consumer API only.
    expect(text).toContain('{ service: { account: "DIRECTIVES", subject: "$JS.API.CONSUMER.CREATE.IOC_gov_tasks" } }');
    expect(text).toContain('{ service: "$JS.API.CONSUMER.CREATE.IOC_gov_tasks", accounts: ["DIRECTIVES"] }');
    // What any account takes from the hubs': the mirror's consumer (remapped, for DIRECTIVES), its copies, flow control.
    const fromCentre = [...text.matchAll(/\{ (service|stream): \{ account: "CENTRE", subject: "([^"]+)" \}(, to)?/g)];
    expect(new Set(fromCentre.map((m) => `${m[1]} ${m[2]}${m[3] ?? ''}`))).toEqual(
      new Set([
        'service $JS.API.CONSUMER.CREATE.IOC_gov_tasks, to',
        'stream $IOC.DIRECTIVES.M.>',
        'service $JS.FC.IOC_gov_tasks.>',
        'stream $JS.FC.>',
      ]),
    );
    expect(text).toContain('{ service: { account: "PROVINCE_hue", subject: "$JS.hue.API.CONSUMER.CREATE.>" } }');
    expect(text).toContain('{ stream: { account: "PROVINCE_quang-ninh", subject: "fed.quang-ninh.>" } }');
    expect(text).not.toMatch(/subject: "\$JS\.(centre\.)?API\.>"/);
    expect(text).not.toContain('ioc.');
    // Without --provinces: one account, no logins (as before).
    const shared = plan({ domain: 'centre', leafnodes: true });
    expect(nodeConfig(shared, shared.nodes[0]!)).not.toMatch(/accounts|authorization|no_auth_user/);
  });

  it("puts a province's credential into its leaf remote's URL", () => {
    const credentials = { centre: 'centre', province: 'hue', user: 'hue', password: 'ab'.repeat(32) };
    const options = parse({ nodes: '1', domain: 'hue', leafRemote: 'tls://centre.example:7422' }).data!;
    const p = planCluster(options, credentials);
    expect(nodeConfig(p, p.nodes[0]!)).toContain(`url: "tls://hue:${'ab'.repeat(32)}@centre.example:7422"`);
  });
});
