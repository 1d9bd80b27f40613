// Audit log and password figures (issue 10): appends 1,000,000 audit rows through the hub's own AuditLog, times
// `verify` over them (target < 10 s), and times argon2id at the hub's parameters (logins/s). Prints figures,
// never passes or fails. Run after `npm run build`: node bench/audit-verify.mjs [--rows N]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../dist/hub/audit/audit-log.js';
import { hubDatabaseFile, openHubDatabase } from '../dist/hub/hub-database.js';
import { hashPassword, verifyPassword } from '../dist/hub/identity/password-hashing.js';
import { describeMachine, machineHeader } from './machine.mjs';

const flag = process.argv.indexOf('--rows');
const ROWS = flag > 0 ? Number(process.argv[flag + 1]) : 1_000_000;
const SINGLE = Math.min(20_000, ROWS);
const BATCH = 10_000;

const entry = (i) => ({
  person: `operator-${i % 40}`,
  device: `console-${i % 6}`,
  peer: `10.20.0.${i % 250}`,
  action: i % 3 === 0 ? 'preset.save' : 'alert.ack',
  target: `alert:${i % 5000}`,
  outcome: i % 17 === 0 ? 'rejected' : 'ok',
  detail: { version: i, reason: 'Giao ban sáng' },
});

const seconds = (t0) => (performance.now() - t0) / 1000;
// CPU seconds of this process (all its threads): on a shared, loaded machine, closer to what a quiet one takes.
const cpuSeconds = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

process.stdout.write(machineHeader(describeMachine()) + '\n');
const dir = mkdtempSync(join(os.tmpdir(), 'ioc-bench-audit-'));
try {
  const db = openHubDatabase(dir);
  const log = new AuditLog(db, Date.now);

  // As the hub appends today: one transaction per row.
  let t0 = performance.now();
  for (let i = 0; i < SINGLE; i++) log.append(entry(i));
  const singleS = seconds(t0);
  // The rest in batches inside one outer transaction each (each append a savepoint), to build the log quickly.
  t0 = performance.now();
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) log.append(entry(i));
  });
  for (let i = SINGLE; i < ROWS; i += BATCH) batch(i, Math.min(i + BATCH, ROWS));
  const batchS = seconds(t0);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(hubDatabaseFile(dir)).size;

  t0 = performance.now();
  const c0 = process.cpuUsage();
  const verified = log.verify();
  const verifyS = seconds(t0);
  const verifyCpuS = cpuSeconds(c0);
  db.close();

  process.stdout.write(
    `audit append, one transaction per row: ${fmt(SINGLE / singleS)} rows/s (${fmt(SINGLE)} rows)\n`,
  );
  process.stdout.write(`audit append, ${fmt(BATCH)} rows per transaction: ${fmt((ROWS - SINGLE) / batchS)} rows/s\n`);
  process.stdout.write(`database file with ${fmt(ROWS)} audit rows: ${fmt(size / 2 ** 20, 1)} MiB\n`);
  process.stdout.write(
    `audit verify of ${fmt(ROWS)} rows: ${fmt(verifyS, 2)} s wall, ${fmt(verifyCpuS, 2)} s CPU (${fmt(ROWS / verifyS)} rows/s; target < 10 s); result ${verified.ok ? 'intact' : `broken at ${verified.firstBadSeq}`}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Password hashing at the hub's parameters: one at a time, then as many at once as libuv has threads (4).
const hash = await hashPassword('mật khẩu của trực ban 2026');
const N = 10;
let t0 = performance.now();
const c1 = process.cpuUsage();
for (let i = 0; i < N; i++) await verifyPassword(hash, 'mật khẩu của trực ban 2026');
const oneS = seconds(t0) / N;
const oneCpuS = cpuSeconds(c1) / N;
t0 = performance.now();
await Promise.all(Array.from({ length: 2 * N }, () => verifyPassword(hash, 'sai mật khẩu')));
const parallelS = seconds(t0);
process.stdout.write(
  `argon2id (64 MiB, t=3, p=4) login check: ${fmt(oneS * 1000)} ms wall, ${fmt(oneCpuS * 1000)} ms CPU each, ${fmt(1 / oneS, 1)} logins/s one at a time, ${fmt((2 * N) / parallelS, 1)} logins/s with ${2 * N} at once\n`,
);
