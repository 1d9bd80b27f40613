// `cluster init --leafnodes --provinces a,b`: an account per province at the centre, so a province's leaf node
// reaches only what federation needs (nats-server 2.9 accounts, exports and imports):
// - the centre sources the province's topics: the centre's account calls the consumer create API of the
//   province's domain (`$JS.<p>.API.CONSUMER.CREATE.>`) and takes the copies delivered under `fed.<p>.>`;
// - the province sources the centre's directives, from DIRECTIVES: an account holding only a mirror of
//   `IOC_gov_tasks` (made by the centre's hub, hub/jetstream/directives-mirror.ts). The province may create a
//   consumer on that mirror only, takes the copies under `fed.<centre>.>` and answers their flow control
//   (`$JS.FC.IOC_gov_tasks.>`); the flow control of the centre's own sourcing (`$JS.FC.>`, empty messages) goes
//   back to it. Its consumer delivers where it says, so it lives in DIRECTIVES, where nothing listens: never in
//   the hubs' account, whose KV buckets and topics a delivery there would overwrite.
// Nothing else of the centre's account (its streams, the audit, `ioc.>`, the KV buckets) nor of another province's
// is reachable from a province's account. The hubs stay in the centre's account (`no_auth_user`: they log in
// with their TLS certificate as before); they reach DIRECTIVES' API to make and read the mirror, nothing more.
import { DIRECTIVES_STREAM as TASKS } from '../../../hub/jetstream/directives-mirror.js';
import {
  apiPrefixOf,
  CENTRE_API_FOR_DIRECTIVES,
  DIRECTIVES_API,
  DIRECTIVES_DELIVER,
  deliverPrefixOf,
} from '../../../hub/jetstream/federation-subjects.js';
import { type LeafCredentials, newPassword } from './leaf-credentials.js';

const CENTRE = 'CENTRE';
const DIRECTIVES = 'DIRECTIVES';
const HUB_USER = 'hub';

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
  const [centre, directives] = [q(CENTRE), q(DIRECTIVES)];
  const consumerCreate = `$JS.API.CONSUMER.CREATE.${TASKS}`;
  const flowControl = `$JS.FC.${TASKS}.>`;
  /** What the hubs may call of DIRECTIVES' API: make the mirror, read it. */
  const mirrorCalls = [`STREAM.CREATE.${TASKS}`, `STREAM.INFO.${TASKS}`];
  const lines = [
    '',
    '# An account per province: its leaf node reaches only what federation needs, nothing else of the centre or of',
    '# another province. The hubs are in CENTRE (they log in with their certificate, as "hub").',
    'accounts {',
    `  ${CENTRE}: {`,
    '    jetstream: enabled',
    `    users: [ { user: ${q(HUB_USER)}, password: ${q(a.hubPassword)} } ]`,
    '    exports: [',
    "      # DIRECTIVES' mirror of the directives: a consumer on that stream, its copies and its flow control.",
    `      { service: ${q(consumerCreate)}, accounts: [${directives}] }`,
    `      { stream: ${q(`${DIRECTIVES_DELIVER}.>`)}, accounts: [${directives}] }`,
    `      { service: ${q(flowControl)}, accounts: [${directives}] }`,
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
    "      # The hubs make DIRECTIVES' mirror (hub/jetstream/directives-mirror.ts).",
    ...mirrorCalls.map(
      (call) =>
        `      { service: { account: ${directives}, subject: ${q(`$JS.API.${call}`)} }, to: ${q(`${DIRECTIVES_API}.${call}`)} }`,
    ),
    '    ]',
    '  }',
    "  # The directives the provinces source: a mirror of CENTRE's, and nothing else. A province's consumer delivers",
    "  # where the province says; here that reaches no stream and none of the hubs' subjects.",
    `  ${DIRECTIVES}: {`,
    '    jetstream: enabled',
    '    exports: [',
    ...mirrorCalls.map((call) => `      { service: ${q(`$JS.API.${call}`)}, accounts: [${centre}] }`),
    `      { service: ${q(consumerCreate)}, accounts: ${all} }`,
    `      { stream: ${q(centreDeliver)}, accounts: ${all} }`,
    `      { service: ${q(flowControl)}, accounts: ${all} }`,
    '    ]',
    '    imports: [',
    `      { service: { account: ${centre}, subject: ${q(consumerCreate)} }, to: ${q(`${CENTRE_API_FOR_DIRECTIVES}.CONSUMER.CREATE.${TASKS}`)} }`,
    `      { stream: { account: ${centre}, subject: ${q(`${DIRECTIVES_DELIVER}.>`)} } }`,
    `      { service: { account: ${centre}, subject: ${q(flowControl)} } }`,
    '    ]',
    '  }',
  ];
  for (const p of a.provinces) {
    const domain = p.credentials.province;
    lines.push(
      `  ${q(p.account)}: {`,
      '    exports: [',
      `      { service: ${q(`${apiPrefixOf(domain)}.CONSUMER.CREATE.>`)}, accounts: [${centre}] }`,
      `      { stream: ${q(`${deliverPrefixOf(domain)}.>`)}, accounts: [${centre}] }`,
      '    ]',
      '    imports: [',
      `      { service: { account: ${directives}, subject: ${q(consumerCreate)} } }`,
      `      { stream: { account: ${directives}, subject: ${q(centreDeliver)} } }`,
      `      { service: { account: ${directives}, subject: ${q(flowControl)} } }`,
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
