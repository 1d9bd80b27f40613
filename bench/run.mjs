// Benchmarks of the offline-first data path (npm run bench). They print figures and never pass or fail on time:
// the exit code is 0 unless something crashed. Loopback only, temp dirs under os.tmpdir(), every loop bounded.
//
//   node bench/run.mjs                     all benchmarks
//   node bench/run.mjs ingest latency      a subset
//   node bench/run.mjs --quick             every size ~10× smaller (a smoke run)
//
// Results, one JSON object a line: bench/results/latest.jsonl for a full run of everything (small, committed, quoted
// by the README), bench/results/latest-partial.jsonl for a quick or partial run (not committed).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const BENCHES = {
  ingest: './ingest.mjs',
  latency: './latency.mjs',
  replay: './replay.mjs',
  'cold-start': './cold-start.mjs',
  'preset-switch': './preset-switch.mjs',
  frames: './surface-frames.mjs',
  openmct: './openmct-compare.mjs',
  surface: './map-surface.mjs',
  'alarm-rules': './alarm-rules.mjs',
  'alarm-latency': './alarm-latency.mjs',
  'hub-auth': './hub-auth.mjs',
  'cap-parse': './cap-parse.mjs',
  'camera-relay': './camera-relay.mjs',
  federation: './federation.mjs',
  backends: './backends.mjs',
  fleet: './fleet.mjs',
};
const USAGE = `usage: node bench/run.mjs [--quick] [${Object.keys(BENCHES).join(' | ')} ...]`;
/** A run that takes longer than this is stopped (the full run takes about 25 minutes on 2 cores, `surface` 15). */
const WATCHDOG_MS = 40 * 60_000;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const quick = args.includes('--quick');
const names = args.filter((a) => !a.startsWith('-'));
const unknown = [...names.filter((n) => !(n in BENCHES)), ...args.filter((a) => a.startsWith('-') && a !== '--quick')];
if (unknown.length > 0) {
  process.stderr.write(`unknown argument(s): ${unknown.join(', ')}\n${USAGE}\n`);
  process.exit(2);
}
const selected = names.length > 0 ? Object.keys(BENCHES).filter((n) => names.includes(n)) : Object.keys(BENCHES);

for (const built of ['../dist/main/host/host.js', '../dist/hub/hub-server.js', '../dist/renderer/index.html']) {
  if (!existsSync(fileURLToPath(new URL(built, import.meta.url)))) {
    process.stderr.write(`bench: ${built.slice(3)} is missing — run \`npm run build\` first (npm run bench does)\n`);
    process.exit(2);
  }
}

const { describeMachine, machineHeader } = await import('./machine.mjs');
const { cleanupAll } = await import('./support.mjs');
const { fmt, table } = await import('./report.mjs');

const print = (text) => process.stdout.write(`${text}\n`);
const stop = (code) => {
  void cleanupAll().finally(() => process.exit(code));
};
process.once('SIGINT', () => stop(130));
process.once('SIGTERM', () => stop(143));
const watchdog = setTimeout(() => {
  process.stderr.write(`bench: still running after ${WATCHDOG_MS / 60_000} min; stopping\n`);
  stop(1);
}, WATCHDOG_MS);
watchdog.unref();

const machine = describeMachine();
print(machineHeader(machine));
if (machine.loadAverage[0] > machine.cores * 0.75) {
  print(
    `  WARNING  the machine is busy before the run (load ${machine.loadAverage[0]} on ${machine.cores} cores): figures will be low`,
  );
}
print(
  `  mode     ${quick ? '--quick (sizes ÷10: a smoke run, not figures to quote)' : 'full'}; ${selected.join(', ')}`,
);

const started = performance.now();
const results = [{ bench: 'machine', quick, selected, ...machine }];
let crashed = false;
for (const name of selected) {
  const t0 = performance.now();
  const load0 = os.loadavg()[0];
  try {
    const mod = await import(BENCHES[name]);
    const result = await mod.run({ quick, print });
    results.push({ ...result, quick, wallSeconds: Math.round((performance.now() - t0) / 100) / 10 });
  } catch (err) {
    crashed = true;
    process.stderr.write(`\nbench ${name} crashed: ${err?.stack ?? err}\n`);
    results.push({ bench: name, quick, error: String(err?.message ?? err) });
  } finally {
    await cleanupAll();
  }
  print(
    `  (${name}: ${fmt((performance.now() - t0) / 1000, 1)} s; load average (1 min) ${fmt(load0, 2)} → ${fmt(os.loadavg()[0], 2)})`,
  );
}

const targets = results.flatMap((r) =>
  (r.targets ?? []).map((t) => [
    r.bench,
    t.what,
    t.measured,
    t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met',
  ]),
);
print('\n== summary (targets are information, not pass/fail)');
if (targets.length > 0) print(table(['bench', 'target', 'measured', ''], targets));
for (const r of results.filter((x) => x.error)) print(`  ${r.bench}: CRASHED — ${r.error}`);

const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
// Only a full run of every benchmark replaces the figures to quote; a quick or partial run goes beside them.
const partial = quick || selected.length < Object.keys(BENCHES).length;
const file = new URL(partial ? 'latest-partial.jsonl' : 'latest.jsonl', dir);
writeFileSync(file, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
print(`\n  total ${fmt((performance.now() - started) / 1000, 1)} s; results: ${fileURLToPath(file)}`);
clearTimeout(watchdog);
process.exitCode = crashed ? 1 : 0;
