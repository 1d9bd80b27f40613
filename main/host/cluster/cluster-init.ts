// `ioc-wall cluster init`: writes a site's NATS cluster (JetStream, routes, TLS, leaf nodes) into a new folder
// and says how to start it. Nothing is left behind when it fails.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CertificateError, makeCertificates } from './cluster-certificates.js';
import type { ClusterInitOptions } from './cluster-options.js';
import { type ClusterPlan, clientUrls, nodeConfig, planCluster } from './cluster-plan.js';
import { type LeafCredentials, LeafCredentialsError, readLeafCredentials } from './leaf-credentials.js';

export class ClusterInitError extends Error {}

/** Where a centre writes a province's credential (0600), to hand to that province's installer. */
const credentialsFile = (plan: ClusterPlan, province: string): string =>
  join(plan.out, 'provinces', `${province}.json`);

function provinceCredentials(o: ClusterInitOptions): LeafCredentials | undefined {
  if (!o.leafCredentials) return undefined;
  try {
    const c = readLeafCredentials(o.leafCredentials);
    if (c.province !== o.domain) {
      throw new ClusterInitError(
        `--leaf-credentials is province "${c.province}"'s, and this site's --domain is "${o.domain}": give this province's file`,
      );
    }
    return c;
  } catch (err) {
    if (err instanceof LeafCredentialsError) throw new ClusterInitError(err.message);
    throw err;
  }
}

export async function initCluster(o: ClusterInitOptions): Promise<ClusterPlan> {
  const plan = planCluster(o, provinceCredentials(o));
  if (existsSync(plan.out) && readdirSync(plan.out).length > 0) {
    throw new ClusterInitError(`${plan.out} is not empty: cluster init writes a new folder and overwrites nothing`);
  }
  const madeOut = !existsSync(plan.out);
  try {
    mkdirSync(plan.out, { recursive: true, mode: 0o700 });
    if (o.selfSigned) await makeCertificates(plan, o.caKey);
    for (const node of plan.nodes) {
      writeFileSync(node.configFile, nodeConfig(plan, node), { mode: 0o600 });
    }
    if (plan.provinceAccounts) mkdirSync(join(plan.out, 'provinces'), { mode: 0o700 });
    for (const { credentials } of plan.provinceAccounts?.provinces ?? []) {
      writeFileSync(credentialsFile(plan, credentials.province), `${JSON.stringify(credentials, null, 2)}\n`, {
        mode: 0o600,
      });
    }
  } catch (err) {
    if (madeOut) rmSync(plan.out, { recursive: true, force: true });
    else for (const entry of readdirSync(plan.out)) rmSync(`${plan.out}/${entry}`, { recursive: true, force: true });
    if (err instanceof CertificateError) throw new ClusterInitError(err.message);
    throw err;
  }
  return plan;
}

/** What the installer does next: start each node on its host, then point the hubs at every node. */
export function startInstructions(plan: ClusterPlan): string {
  const lines = [`Wrote the NATS cluster "${plan.site}" (${plan.nodes.length} node(s)) to ${plan.out}`, ''];
  lines.push('Start each node on its host (the store folder is made on first start):');
  for (const n of plan.nodes) lines.push(`  [${n.host}]  nats-server -c ${n.configFile}`);
  lines.push('', 'Then run each hub on this log (every node listed, so a hub survives the loss of any one):');
  const replicas = plan.nodes.length >= 3 ? ' --log-replicas 3' : '';
  if (plan.hubTls) {
    lines.push(
      `  ioc-wall hub --log ${clientUrls(plan)}${replicas} --hub-name hub-1 \\`,
      `    --log-tls-ca ${plan.hubTls.ca} --log-tls-cert ${plan.hubTls.cert} --log-tls-key ${plan.hubTls.key}`,
    );
  } else {
    lines.push(
      `  ioc-wall hub --log ${clientUrls(plan)}${replicas} --hub-name hub-1 \\`,
      "    --log-tls-ca <the site's CA> --log-tls-cert <a client certificate it signed> --log-tls-key <its key>",
    );
  }
  lines.push('  (each hub with its own --hub-name)');
  if (plan.caKey) lines.push('', `Keep ${plan.caKey} off the nodes: it signs every certificate of the site.`);
  if (plan.leafnodes) {
    const n = plan.nodes[0]!;
    lines.push(
      '',
      `Provinces connect as leaf nodes to tls://${n.host}:${n.leafPort} (JetStream domain "${plan.domain}").`,
    );
    for (const { credentials } of plan.provinceAccounts?.provinces ?? []) {
      lines.push(
        `  ${credentials.province}: its own account; give its installer ${credentialsFile(plan, credentials.province)}`,
        `    (cluster init --domain ${credentials.province} --leaf-remote … --leaf-credentials <that file>)`,
      );
    }
    if (plan.provinceAccounts) {
      lines.push("  They take the directives from a copy the centre's hubs make when they start (account DIRECTIVES).");
    } else {
      lines.push("  Every province shares the hubs' account: give --provinces to confine each to its own.");
    }
  }
  if (plan.leafRemote) {
    lines.push('', `Leaf node to the centre: ${plan.leafRemote} (this site's JetStream domain: "${plan.domain}").`);
  }
  return `${lines.join('\n')}\n`;
}
