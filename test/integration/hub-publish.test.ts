// `ioc-wall hub publish` and `ioc-wall hub --connectors` as a user runs them: the built CLI (node bin/ioc-wall.js)
// against a real hub on loopback with its SQLite file. A valid event is published in the person's name and audited;
// an invalid one is refused before anything is sent (exit 2); a role that may not publish is rejected by the hub
// and audited; a bad connectors file names its bad field and starts no hub.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { REPO, runCli } from '../support/cli-process.js';
import { enrolDevice, enrolPerson, TEST_PASSWORD, writeCredentialFile } from '../support/hub-identity.js';

let dir: string;
let hub: RunningHub;
let credentialFile: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI with the password piped in, as a script runs it. */
function publish(user: string, topic: string, key: string, payload: string): Promise<Run> {
  const args = ['hub', 'publish', '--hub', hub.url, '--credential', credentialFile, '--user', user];
  const child = spawn(
    process.execPath,
    [resolve(REPO, 'bin/ioc-wall.js'), ...args, '--topic', topic, '--key', key, '--payload', payload],
    { cwd: REPO, env: { ...process.env, IOC_LOG_LEVEL: 'warn' }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(`${TEST_PASSWORD}\n`);
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

function rows<T>(sql: string): T[] {
  const db = new Database(join(dir, 'hub-events.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const LIVE = { metric: 'new_businesses_today', value: 412, sourceSystem: 'Cổng thông tin quốc gia' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ioc-publish-'));
  hub = await startHub({
    port: 0,
    logFile: join(dir, 'hub-events.sqlite'),
    demo: false,
    version: 'test',
    logger: createLogger('hub', 'warn'),
  });
  credentialFile = writeCredentialFile(dir, enrolDevice(hub, 'may-kich-ban', 'console'));
  await enrolPerson(hub, 'truc.ban', ['operator']);
  await enrolPerson(hub, 'lanh.dao', ['leader']);
});

afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ioc-wall hub publish', () => {
  it("publishes a valid event in the person's name, audited", async () => {
    const run = await publish('truc.ban', 'econ.live', 'new_businesses_today', JSON.stringify(LIVE));
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('published econ.live new_businesses_today');
    const events = rows<{ source: string; payload: string }>(
      `SELECT source, payload FROM events WHERE topic = 'econ.live'`,
    );
    expect(events).toEqual([{ source: 'operator:truc.ban@may-kich-ban', payload: JSON.stringify(LIVE) }]);
    expect(rows(`SELECT person, target, outcome FROM audit_log WHERE action = 'data.publish'`)).toEqual([
      { person: 'truc.ban', target: 'econ.live:new_businesses_today', outcome: 'ok' },
    ]);
  });

  it('reads the payload from a file with @file', async () => {
    const file = join(dir, 'fdi.json');
    const fdi = {
      province: '79',
      indicator: 'fdi',
      value: 1520,
      period: '2025-H1',
      status: 'official',
      sourceSystem: 'Sở Tài chính',
    };
    writeFileSync(file, JSON.stringify(fdi));
    const run = await publish('truc.ban', 'econ.indicators', '79:fdi', `@${file}`);
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(rows(`SELECT key FROM events WHERE topic = 'econ.indicators'`)).toEqual([{ key: '79:fdi' }]);
  });

  it("refuses what does not match the topic's schema before sending it (exit 2), naming the field", async () => {
    const before = rows(`SELECT seq FROM audit_log`).length;
    const run = await publish('truc.ban', 'econ.live', 'x', JSON.stringify({ ...LIVE, value: -3 }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('payload.value');
    const notJson = await publish('truc.ban', 'econ.live', 'x', '{nope');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('not JSON');
    const wallTopic = await publish('truc.ban', 'wall.state', 'wall', '{}');
    expect(wallTopic.code).toBe(2);
    expect(wallTopic.stderr).toContain('topic');
    // Nothing reached the hub: not even a login.
    expect(rows(`SELECT seq FROM audit_log`).length).toBe(before);
  });

  it('is rejected by the hub for a role that may not publish, and audited', async () => {
    const run = await publish('lanh.dao', 'econ.live', 'new_businesses_today', JSON.stringify(LIVE));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('forbidden');
    expect(rows(`SELECT person, outcome FROM audit_log WHERE action = 'data.publish' AND person = 'lanh.dao'`)).toEqual(
      [{ person: 'lanh.dao', outcome: 'rejected' }],
    );
  });
});

describe('ioc-wall hub --connectors', () => {
  it('exits 2 naming the bad field of a connectors file, and starts no hub', async () => {
    const file = join(dir, 'connectors.json');
    writeFileSync(
      file,
      JSON.stringify({
        connectors: [
          {
            id: 'bao-cao',
            kind: 'xlsx-folder',
            folder: dir,
            sourceSystem: 'Sở',
            provinceColumn: 'Tỉnh',
            period: 'Tháng 10/2025',
            columns: [{ column: 'C', indicator: 'fdi', unit: 'con voi' }],
          },
        ],
      }),
    );
    const run = runCli(['hub', '--port', '0', '--data-dir', join(dir, 'hub2'), '--connectors', file]);
    expect(await run.exited()).toBe(2);
    expect(run.stderr()).toContain('connectors[0].columns[0].unit');
    expect(run.stdout()).not.toContain('listening');
  });
});
