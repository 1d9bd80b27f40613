// `cluster init --self-signed`: a CA, one certificate per node and one for the hubs, made with openssl.
// For a trial or a closed site network; a site with its own PKI gives its files with --ca/--cert/--key instead.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type { ClusterPlan, TlsFiles } from './cluster-plan.js';

const run = promisify(execFile);

const DAYS_CA = '3650';
const DAYS_LEAF = '825';
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export class CertificateError extends Error {}

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args, { timeout: 30_000 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    throw new CertificateError(
      e.code === 'ENOENT'
        ? "openssl is not installed: --self-signed needs it (or give the site's --ca, --cert and --key)"
        : `openssl ${args[0]} failed: ${(e.stderr ?? e.message).trim()}`,
    );
  }
}

/** `127.0.0.1` → `IP:127.0.0.1`, a host name → `DNS:name`: what TLS checks the address the peer dialled against. */
function altName(host: string): string {
  return /^[\d.]+$/.test(host) || host.includes(':') ? `IP:${host}` : `DNS:${host}`;
}

/** A key and certificate signed by the CA; every node is a server (clients, leaf nodes) and a client (routes). */
async function signed(files: TlsFiles, caKey: string, subject: string, hosts: string[]): Promise<void> {
  const names = [...new Set([...hosts.map(altName), 'DNS:localhost', 'IP:127.0.0.1'])].join(',');
  await openssl([
    'req',
    '-x509',
    ...EC_KEY,
    '-CA',
    files.ca,
    '-CAkey',
    caKey,
    '-keyout',
    files.key,
    '-out',
    files.cert,
    '-days',
    DAYS_LEAF,
    '-subj',
    subject,
    '-addext',
    'basicConstraints=critical,CA:FALSE',
    '-addext',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    '-addext',
    'extendedKeyUsage=serverAuth,clientAuth',
    '-addext',
    `subjectAltName=${names}`,
  ]);
  chmodSync(files.key, 0o600);
}

/** Makes the CA (unless `givenCaKey` signs), each node's certificate and the hubs' client certificate. */
export async function makeCertificates(plan: ClusterPlan, givenCaKey: string | undefined): Promise<void> {
  const hub = plan.hubTls!;
  mkdirSync(dirname(hub.cert), { recursive: true, mode: 0o700 });
  const caKey = givenCaKey ?? plan.caKey!;
  if (!givenCaKey) {
    await openssl([
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      caKey,
      '-out',
      hub.ca,
      '-days',
      DAYS_CA,
      '-subj',
      `/O=IOC Wall/CN=${plan.site} NATS CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    chmodSync(caKey, 0o600);
  }
  for (const node of plan.nodes) {
    await signed(node.tls, caKey, `/O=IOC Wall/CN=${node.name}`, [node.host]);
  }
  await signed(hub, caKey, `/O=IOC Wall/CN=${plan.site} hub`, []);
}
