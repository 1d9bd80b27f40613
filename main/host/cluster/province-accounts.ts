// `cluster init --leafnodes --provinces a,b`: an account per province at the centre, so a province's leaf node
// reaches only what federation needs (nats-server 2.9 accounts, exports and imports):
// - the centre sources the province's topics: the centre's account calls the consumer create API of the
//   province's domain (`$JS.<p>.API.CONSUMER.CREATE.>`) and takes the copies delivered under `fed.<p>.>`;
// - the province sources the centre's directives: it may create a consumer on `IOC_gov_tasks` only, takes the
//   copies under `fed.<centre>.>` and answers their flow control (`$JS.FC.IOC_gov_tasks.>`); the flow control
//   of the centre's own sourcing (`$JS.FC.>`, empty messages) goes back to it.
// Nothing else of the centre's account (its streams, the audit, `ioc.>`, the KV buckets) nor of another province's
// is reachable from a province's account. The hubs stay in the centre's account (`no_auth_user`: they log in
// with their TLS certificate as before).
import { apiPrefixOf, deliverPrefixOf } from '../../../hub/jetstream/federation-subjects.js';
import { streamOf } from '../../../hub/jetstream/stream-names.js';
import { type LeafCredentials, newPassword } from './leaf-credentials.js';

const CENTRE = 'CENTRE';
const HUB_USER = 'hub';
/** The centre's topic the provinces take (federation.ts at a province: `--federate <centre>:gov.tasks`). */
const DIRECTIVES = streamOf('gov.tasks');

interface ProvinceAccount {
  account: string;
  credentials: LeafCredentials;
}

export interface ProvinceAccounts {
  centreDomain: string;
  /** The hubs' user in the centre's account; nobody logs in with its password (the hubs come in by no_auth_user). */
  hubPassword: string;
  provinces: ProvinceAccount[];
}

export function planProvinceAccounts(centreDomain: string, domains: readonly string[]): ProvinceAccounts {
  return {
    centreDomain,
    hubPassword: newPassword(),
    provinces: domains.map((domain) => ({
      account: `PROVINCE_${domain}`,
      credentials: { centre: centreDomain, province: domain, user: domain, password: newPassword() },
    })),
  };
}

const q = JSON.stringify;

/** The `accounts` block and `no_auth_user` of every node of the centre. */
export function accountsConfig(a: ProvinceAccounts): string[] {
  const all = q(a.provinces.map((p) => p.account));
  const centreDeliver = `${deliverPrefixOf(a.centreDomain)}.>`;
  const lines = [
    '',
    '# An account per province: its leaf node reaches only what federation needs, nothing else of the centre or of',
    '# another province. The hubs are in CENTRE (they log in with their certificate, as "hub").',
    'accounts {',
    `  ${CENTRE}: {`,
    '    jetstream: enabled',
    `    users: [ { user: ${q(HUB_USER)}, password: ${q(a.hubPassword)} } ]`,
    '    exports: [',
    "      # The provinces' sourcing of the directives: a consumer on that stream, its copies and its flow control.",
    `      { service: ${q(`$JS.API.CONSUMER.CREATE.${DIRECTIVES}`)}, accounts: ${all} }`,
    `      { stream: ${q(centreDeliver)}, accounts: ${all} }`,
    `      { service: ${q(`$JS.FC.${DIRECTIVES}.>`)}, accounts: ${all} }`,
    "      # The flow control answers of the centre's sourcing streams, back to the province's consumer.",
    `      { stream: "$JS.FC.>", accounts: ${all} }`,
    '    ]',
    '    imports: [',
    ...a.provinces.flatMap((p) => {
      const domain = p.credentials.province;
      const from = q(p.account);
      return [
        `      { service: { account: ${from}, subject: ${q(`${apiPrefixOf(domain)}.CONSUMER.CREATE.>`)} } }`,
        `      { stream: { account: ${from}, subject: ${q(`${deliverPrefixOf(domain)}.>`)} } }`,
      ];
    }),
    '    ]',
    '  }',
  ];
  for (const p of a.provinces) {
    const domain = p.credentials.province;
    const centre = q(CENTRE);
    lines.push(
      `  ${q(p.account)}: {`,
      '    exports: [',
      `      { service: ${q(`${apiPrefixOf(domain)}.CONSUMER.CREATE.>`)}, accounts: [${centre}] }`,
      `      { stream: ${q(`${deliverPrefixOf(domain)}.>`)}, accounts: [${centre}] }`,
      '    ]',
      '    imports: [',
      `      { service: { account: ${centre}, subject: ${q(`$JS.API.CONSUMER.CREATE.${DIRECTIVES}`)} } }`,
      `      { stream: { account: ${centre}, subject: ${q(centreDeliver)} } }`,
      `      { service: { account: ${centre}, subject: ${q(`$JS.FC.${DIRECTIVES}.>`)} } }`,
      `      { stream: { account: ${centre}, subject: "$JS.FC.>" } }`,
      '    ]',
      '  }',
    );
  }
  lines.push('}', `no_auth_user: ${q(HUB_USER)}`);
  return lines;
}

/** Inside the centre's `leafnodes` block: each province's leaf node logs in to its own account, no other gets in. */
export function leafAuthorization(a: ProvinceAccounts, indent: string): string[] {
  return [
    `${indent}authorization {`,
    `${indent}  users: [`,
    ...a.provinces.map(
      (p) =>
        `${indent}    { user: ${q(p.credentials.user)}, password: ${q(p.credentials.password)}, account: ${q(p.account)} }`,
    ),
    `${indent}  ]`,
    `${indent}}`,
  ];
}

/** `tls://centre:7422` with a province's login: how its leaf node presents the credential. */
export function remoteWithCredentials(url: string, c: LeafCredentials): string {
  const u = new URL(url);
  u.username = c.user;
  u.password = c.password;
  return u.toString();
}
