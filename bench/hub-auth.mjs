// The hub's authentication and audit (issue 10): the handshake with its device-credential check (p50/p99), logins/s
// (argon2id at the hub's parameters: the cost is deliberate), and commands/s through the hub with every check and
// its audit row, against the same run with those bypassed. A real hub on loopback with its SQLite file and real
// socket.io clients. Prints figures; never passes or fails on time.
//
// How the checks are bypassed: in this process, for the second run only, Sessions.prototype.verify answers the
// logged-in person at once (no signature check, no session row read) and AuditLog.prototype.append writes nothing;
// both are restored after. Everything else — the handshake, the guard, the parse, the journal, the events — runs
// as it does in production. Runs alternate (with, without, with, without) and the better of each is compared.
//
//   npm run build && node bench/hub-auth.mjs [--quick]
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { AuditLog } from '../dist/hub/audit/audit-log.js';
import { DemoSource } from '../dist/hub/demo-source.js';
import { startHub } from '../dist/hub/hub-server.js';
import { Sessions } from '../dist/hub/identity/sessions.js';
import { createLogger } from '../dist/platform/logger.js';
import { fmt, section, table, targetLines } from './report.mjs';
import { summarize } from './stats.mjs';
import { atCleanup, round, runAlone, tempDir } from './support.mjs';

const TARGET_OVERHEAD = 0.15;
const PASSWORD = 'mật khẩu của bàn trực ban';
const INSTALLER = { person: 'cli:bench', device: 'bench', peer: null };
/** Commands one connection sends at once: its burst under the hub's rate limit (100), so none is refused. */
const PER_CONNECTION = 100;

function connect(url, credential) {
  const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: credential });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function login(url, credential, user) {
  const s = await connect(url, credential);
  try {
    const answer = await s.timeout(30_000).emitWithAck('login', { user, password: PASSWORD });
    if (!answer.ok) throw new Error(`login refused: ${answer.reason}`);
    return answer.grant;
  } finally {
    s.close();
  }
}

/** Sends `connections` × PER_CONNECTION alert notes, each connection's all at once; returns commands/s. */
async function commandRun(url, credential, session, alertId, connections, tag) {
  let key = 0;
  const t0 = performance.now();
  for (let c = 0; c < connections; c++) {
    const s = await connect(url, credential);
    const answers = await Promise.all(
      Array.from({ length: PER_CONNECTION }, () =>
        s.timeout(30_000).emitWithAck('command', {
          key: `bench-${tag}-${String(++key).padStart(8, '0')}`,
          name: 'alarm.note',
          args: { alarmId: alertId, text: 'Đã liên hệ' },
          issuedAt: Date.now(),
          session,
        }),
      ),
    );
    s.close();
    const bad = answers.find((a) => !a.ok || a.result.status !== 'applied');
    if (bad) throw new Error(`a command was not applied: ${JSON.stringify(bad)}`);
  }
  return (connections * PER_CONNECTION) / ((performance.now() - t0) / 1000);
}

/** Runs `fn` with the session check and the audit row bypassed (see the top of this file). */
async function bypassed(principal, fn) {
  const verify = Sessions.prototype.verify;
  const append = AuditLog.prototype.append;
  Sessions.prototype.verify = async () => ({ ok: true, principal });
  AuditLog.prototype.append = () => undefined;
  try {
    return await fn();
  } finally {
    Sessions.prototype.verify = verify;
    AuditLog.prototype.append = append;
  }
}

export async function run({ quick, print }) {
  const handshakes = quick ? 60 : 400;
  const logins = quick ? 4 : 12;
  const connections = quick ? 4 : 20;
  const dir = tempDir('hub-auth');
  const hub = await startHub({
    port: 0,
    logFile: join(dir, 'hub-events.sqlite'),
    demo: false,
    version: 'bench',
    logger: createLogger('bench-hub', 'error'),
  });
  atCleanup(() => hub.close());
  const demo = new DemoSource({ seed: 5, clock: () => Date.now() }).initial();
  hub.publish(demo);
  const alertId = demo.find((e) => e.topic === 'ops.alerts').key;
  let credential;
  hub.admin.addDevice(
    INSTALLER,
    'bantruc-bench',
    'console',
    (secret) => (credential = { device: 'bantruc-bench', secret }),
  );
  await hub.admin.addUser(INSTALLER, { name: 'truc.ban', roles: ['operator'], password: PASSWORD });

  // Handshakes: connect with the credential, one after another.
  for (let i = 0; i < 20; i++) (await connect(hub.url, credential)).close(); // warm-up
  const handshakeMs = [];
  for (let i = 0; i < handshakes; i++) {
    const t0 = performance.now();
    const s = await connect(hub.url, credential);
    handshakeMs.push(performance.now() - t0);
    s.close();
  }
  const hs = summarize(handshakeMs);

  // Logins, one after another, each on its own connection (the hub allows one a second per connection).
  const loginMs = [];
  let grant;
  for (let i = 0; i < logins; i++) {
    const t0 = performance.now();
    grant = await login(hub.url, credential, 'truc.ban');
    loginMs.push(performance.now() - t0);
  }
  const ls = summarize(loginMs);

  // Commands: with every check and audit row, then bypassed, twice each, alternating.
  const principal = {
    kind: 'person',
    user: grant.person.user,
    displayName: grant.person.displayName,
    roles: grant.person.roles,
    device: grant.person.device,
    sessionId: 'bench',
  };
  const commands = (tag) => commandRun(hub.url, credential, grant.accessToken, alertId, connections, tag);
  await commands('warm'); // JIT and SQLite caches
  const withAuth = [];
  const without = [];
  for (let i = 0; i < 2; i++) {
    withAuth.push(await commands(`auth-${i}`));
    without.push(await bypassed(principal, () => commands(`bypass-${i}`)));
  }
  const authRate = Math.max(...withAuth);
  const bareRate = Math.max(...without);
  const overhead = bareRate / authRate - 1;

  print(
    section('Hub authentication and audit', [
      `a hub on loopback with its SQLite file; ${handshakes} handshakes one after another, ${logins} logins ` +
        `(argon2id 64 MiB, 3 passes, 4 lanes), ${connections} × ${PER_CONNECTION} commands (alarm.note, each ` +
        `connection's burst at once) with every check and audit row, and with the session check and audit row ` +
        `bypassed in this process (Sessions.prototype.verify and AuditLog.prototype.append replaced)`,
    ]),
  );
  print(
    table(
      ['measure', 'n', 'p50', 'p99', 'mean', 'per second'],
      [
        [
          'handshake with credential check, ms',
          hs.n,
          fmt(hs.p50, 2),
          fmt(hs.p99, 2),
          fmt(hs.mean, 2),
          fmt(1000 / hs.mean),
        ],
        ['login (argon2id verify + session), ms', ls.n, fmt(ls.p50), fmt(ls.p99), fmt(ls.mean), fmt(1000 / ls.mean, 1)],
      ],
    ),
  );
  print(
    table(
      ['commands', 'runs (commands/s)', 'best commands/s'],
      [
        ['with auth + audit', withAuth.map((r) => fmt(r)).join(', '), fmt(authRate)],
        ['checks bypassed', without.map((r) => fmt(r)).join(', '), fmt(bareRate)],
      ],
    ),
  );
  const targets = [
    {
      what: `auth + audit overhead on commands/s ≤ ${TARGET_OVERHEAD * 100} %`,
      measured: `${fmt(overhead * 100, 1)} %`,
      met: overhead <= TARGET_OVERHEAD,
    },
  ];
  print(targetLines(targets));
  return {
    bench: 'hub-auth',
    handshakeMs: { p50: round(hs.p50, 2), p99: round(hs.p99, 2), mean: round(hs.mean, 2) },
    loginMs: { p50: round(ls.p50), p99: round(ls.p99), mean: round(ls.mean) },
    loginsPerSecond: round(1000 / ls.mean, 2),
    commandsPerSecond: { withAuth: round(authRate), bypassed: round(bareRate) },
    overheadPercent: round(overhead * 100, 1),
    targets,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
