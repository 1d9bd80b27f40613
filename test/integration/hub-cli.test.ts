// `ioc-wall hub user|device|audit` run as an installer would (node bin/ioc-wall.js, after the build), against a
// real data folder: passwords only on stdin, exit codes, file modes, the audit chain and its exports.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/cli-process.js';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ioc-wall …` to its end with `input` piped to its stdin (closed at once when there is none). */
function ioc(args: string[], input?: string): Promise<Ran> {
  const child = spawn(process.execPath, [resolve(REPO, 'bin/ioc-wall.js'), ...args], {
    cwd: REPO,
    env: { ...process.env, IOC_LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input ?? '');
  return new Promise((r) => child.once('close', (code) => r({ code, stdout, stderr })));
}

const PASSWORD = 'Mật khẩu của trực ban 2026';
const ME = `cli:${userInfo().username}`;

// Each run starts a Node process and some hash a password: tens of seconds on a busy 2-core machine.
describe('ioc-wall hub user|device|audit', { timeout: 180_000 }, () => {
  let dir: string;
  let dataDir: string;
  const dd = (): string[] => ['--data-dir', dataDir];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ioc-hub-cli-'));
    dataDir = join(dir, 'data');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the hub server as the default action: its --help lists the server options and the new commands', async () => {
    const help = await ioc(['hub', '--help']);
    expect(help.code).toBe(0);
    for (const option of [
      '--port',
      '--host',
      '--data-dir',
      '--demo',
      '--seed',
      '--rate',
      '--retain-days',
      '--retain-events',
    ]) {
      expect(help.stdout).toContain(option);
    }
    expect(help.stdout).toMatch(/user\s+people who may log in/);
    expect(help.stdout).toMatch(/device\s+wall and console PCs/);
    expect(help.stdout).toMatch(/audit\s+check and export/);
    const serverDir = join(dir, 'server');
    const server = runCli(['hub', '--port', '0', '--demo', '--data-dir', serverDir]);
    try {
      await server.waitFor(/IOC Wall hub listening on http:\/\/127\.0\.0\.1:\d+ \(demo data\)/);
    } finally {
      await server.stop();
    }
  });

  it('adds people with the password read from stdin, and refuses bad input with exit code 2', async () => {
    const added = await ioc(
      [
        'hub',
        'user',
        'add',
        'huong.nt',
        '--role',
        'operator',
        '--role',
        'admin',
        '--display-name',
        'Nguyễn Thị Hương',
        ...dd(),
      ],
      `${PASSWORD}\n`,
    );
    expect(added).toMatchObject({ code: 0, stdout: 'added huong.nt (Nguyễn Thị Hương): operator, admin\n' });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'hub-events.sqlite')).mode & 0o777).toBe(0o600);

    const refused: [string[], string | undefined, RegExp][] = [
      [
        ['hub', 'user', 'add', 'huong.nt', '--role', 'viewer', ...dd()],
        `${PASSWORD}\n`,
        /user huong.nt already exists/,
      ],
      [['hub', 'user', 'add', 'anh', '--role', 'viewer', ...dd()], 'ngắn\n', /at least 12 characters/],
      [['hub', 'user', 'add', 'anh', '--role', 'viewer', ...dd()], undefined, /no password on standard input/],
      [['hub', 'user', 'add', 'anh', '--role', 'boss', ...dd()], `${PASSWORD}\n`, /a role is one of viewer, operator/],
      [['hub', 'user', 'add', 'anh', ...dd()], `${PASSWORD}\n`, /required option '--role <role>'/],
      [
        ['hub', 'user', 'add', 'Anh Nguyen', '--role', 'viewer', ...dd()],
        `${PASSWORD}\n`,
        /user name: 2–64 characters/,
      ],
      [['hub', 'user', 'disable', 'nobody', ...dd()], undefined, /no user named nobody/],
      [['hub', 'user', 'frobnicate', ...dd()], undefined, /unknown command 'frobnicate'/],
      [['hub', 'user', 'list', '--bogus', ...dd()], undefined, /unknown option '--bogus'/],
      [['hub', 'user', 'list', '--data-dir', join(dir, 'nowhere')], undefined, /no hub database in/],
    ];
    for (const [args, input, message] of refused) {
      const r = await ioc(args, input);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
    }

    await ioc(['hub', 'user', 'add', 'anh', '--role', 'viewer', ...dd()], `${PASSWORD}\n`);
    expect((await ioc(['hub', 'user', 'disable', 'anh', ...dd()])).code).toBe(0);
    const list = await ioc(['hub', 'user', 'list', ...dd()]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^name\s+display name\s+roles\s+state\s+changed\n/);
    expect(list.stdout).toMatch(/\nanh\s+anh\s+viewer\s+disabled\s+\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d\n/);
    expect(list.stdout).toMatch(/\nhuong\.nt\s+Nguyễn Thị Hương\s+operator,admin\s+active\s/);
    expect(list.stdout).not.toContain('argon2');
  });

  it('writes a device credential file of mode 0600, never over an existing file', async () => {
    const out = join(dir, 'wall-1.json');
    const added = await ioc(['hub', 'device', 'add', 'wall-1', '--kind', 'wall', '--out', out, ...dd()]);
    expect(added.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const credential = JSON.parse(readFileSync(out, 'utf8')) as { device: string; secret: string };
    expect(Object.keys(credential)).toEqual(['device', 'secret']);
    expect(credential.device).toBe('wall-1');
    expect(Buffer.from(credential.secret, 'base64url')).toHaveLength(32);

    const again = await ioc(['hub', 'device', 'add', 'wall-2', '--kind', 'wall', '--out', out, ...dd()]);
    expect(again).toMatchObject({ code: 2 });
    expect(again.stderr).toContain('exists; a credential file is never overwritten');
    expect(readFileSync(out, 'utf8')).toContain(credential.secret);
    const badKind = await ioc([
      'hub',
      'device',
      'add',
      'x1',
      '--kind',
      'toaster',
      '--out',
      join(dir, 'x1.json'),
      ...dd(),
    ]);
    expect(badKind.code).toBe(2);
    expect((await ioc(['hub', 'device', 'revoke', 'wall-1', ...dd()])).code).toBe(0);
    const list = await ioc(['hub', 'device', 'list', ...dd()]);
    expect(list.stdout).toMatch(/\nwall-1\s+wall\s+revoked\s/);
    expect(list.stdout).not.toMatch(/wall-2|x1/);
  });

  it('exports every change as JSON lines and CSV, signed by the OS user on this host', async () => {
    const jsonl = await ioc(['hub', 'audit', 'export', '--format', 'jsonl', ...dd()]);
    expect(jsonl.code).toBe(0);
    const rows = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r['seq'], r['action'], r['target']])).toEqual([
      [1, 'user.add', 'user:huong.nt'],
      [2, 'user.add', 'user:anh'],
      [3, 'user.disable', 'user:anh'],
      [4, 'device.add', 'device:wall-1'],
      [5, 'device.revoke', 'device:wall-1'],
    ]);
    for (const r of rows) expect(r).toMatchObject({ person: ME, device: hostname(), outcome: 'ok' });
    expect(rows[0]!['detail']).toEqual({ displayName: 'Nguyễn Thị Hương', roles: 'operator,admin' });

    const csv = await ioc(['hub', 'audit', 'export', '--format', 'csv', '--from', '2000-01-01T00:00:00Z', ...dd()]);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('seq,time,person,device,peer,action,target,outcome,detail,prevHash,hash');
    expect(lines).toHaveLength(7);
    expect(lines[4]).toMatch(
      /^4,\d{4}-\d\d-\d\dT[\d:.]+Z,[^,]+,[^,]+,,device\.add,device:wall-1,ok,"{""kind"":""wall""}",[0-9a-f]{64},[0-9a-f]{64}$/,
    );

    const future = await ioc(['hub', 'audit', 'export', '--format', 'csv', '--from', '2999-01-01', ...dd()]);
    expect(future.stdout.split('\r\n')).toHaveLength(2);
    expect((await ioc(['hub', 'audit', 'export', '--format', 'xml', ...dd()])).code).toBe(2);
    expect((await ioc(['hub', 'audit', 'export', '--format', 'csv', '--from', 'yesterday', ...dd()])).code).toBe(2);
    expect((await ioc(['hub', 'audit', 'export', ...dd()])).code).toBe(2);
  });

  it('audit verify exits 0 on an intact log and 1 naming the row edited in the file', async () => {
    const intact = await ioc(['hub', 'audit', 'verify', ...dd()]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toMatch(/^audit log intact: 5 rows; last row 5, hash [0-9a-f]{64}\n$/);

    const db = new Database(join(dataDir, 'hub-events.sqlite'));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET person = 'someone else' WHERE seq = 3");
    db.close();
    const broken = await ioc(['hub', 'audit', 'verify', ...dd()]);
    expect(broken).toMatchObject({
      code: 1,
      stdout: 'audit log broken at row 3: its contents do not match its hash (edited)\n',
    });
  });
});
