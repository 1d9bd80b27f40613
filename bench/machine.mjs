// What the figures were measured on: CPU, cores, memory, node, SQLite, date, and the commit of the code.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function git(args) {
  try {
    return execFileSync('git', args, { cwd: new URL('..', import.meta.url), encoding: 'utf8', timeout: 5000 }).trim();
  } catch {
    return null;
  }
}

export function describeMachine() {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get();
  db.close();
  const bsqlite = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
  const cpus = os.cpus();
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
    betterSqlite3: bsqlite,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    commit: commit ? `${commit}${dirty ? ' (with uncommitted changes)' : ''}` : 'unknown',
  };
}

export function machineHeader(m) {
  return [
    `IOC Wall benchmarks — offline-first data path`,
    `  date     ${m.date}`,
    `  cpu      ${m.cpu} × ${m.cores} cores`,
    `  memory   ${m.memoryGiB} GiB   load average at start ${m.loadAverage.join(' ')}`,
    `  os       ${m.os}`,
    `  node     ${m.node}   sqlite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3})`,
    `  code     ${m.commit}`,
  ].join('\n');
}
