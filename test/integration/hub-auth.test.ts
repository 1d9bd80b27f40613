// Who may talk to a hub and who may act, as a site's hub decides it: a real hub on loopback with its SQLite file,
// real socket.io clients holding real credentials and sessions. Devices are refused at the handshake with the
// reason; every command is checked against the person's roles (the command table, the one source of truth) and
// is an audit row whatever its outcome; the issuer is the session's person, never what the client says; and the
// audit chain of a run of mixed actions verifies with `ioc-wall hub audit verify`, and fails naming an edited row.
import Database from 'better-sqlite3';
import { decodeJwt, SignJWT } from 'jose';
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoSource } from '../../hub/demo-source.js';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { type CommandArgs, type CommandName, COMMANDS } from '../../src/contract/commands.js';
import { CommandResponse, HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import {
  AuditQueryResponse,
  type AuditRow,
  type DeviceCredential,
  LoginResponse,
  LogoutResponse,
  RefreshResponse,
} from '../../src/contract/people.js';
import type { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { mayAct, ROLES } from '../../src/domain/identity/roles.js';
import { runCli } from '../support/cli-process.js';
import {
  enrolDevice,
  enrolPerson,
  headlessHostArgs,
  hubClient,
  logIn,
  TEST_PASSWORD,
  writeCredentialFile,
} from '../support/hub-identity.js';
import { startTestHost, until } from '../support/start-test-host.js';

const DEMO = new DemoSource({ seed: 3, clock: () => Date.now() - 60_000 }).initial();
const ACTIVE_ALERTS = DEMO.filter((e) => e.topic === 'ops.alerts' && (e.payload as Alarm).state === 'unack');
/** Worked by the table of commands; the second is left for the issuer's test to acknowledge. */
const [ALERT_ID, OTHER_ALERT_ID] = ACTIVE_ALERTS.map((e) => e.key) as [string, string];
const PRESET_ID = DEMO.find((e) => e.topic === 'wall.presets')!.key;

/** Arguments every command of the table accepts; the compiler wants one entry per command. */
const SAMPLE_ARGS: { [K in CommandName]: CommandArgs<K> } = {
  'alarm.acknowledge': { alarmIds: [ALERT_ID] },
  'alarm.shelve': { alarmId: ALERT_ID, minutes: 30, reason: 'Đang xử lý tại chỗ' },
  'alarm.unshelve': { alarmId: ALERT_ID },
  'alarm.note': { alarmId: ALERT_ID, text: 'Đã liên hệ địa phương' },
  'alarm.assign': { alarmId: ALERT_ID, unit: 'Sở Nông nghiệp và Môi trường' },
  'alarm.resolve': { alarmId: ALERT_ID },
  'alarm.removeFromService': { alarmId: ALERT_ID, reason: 'Bảo trì trạm đo' },
  'alarm.returnToService': { alarmId: ALERT_ID },
  'preset.save': { preset: { id: 'p-thu', name: 'Bố cục thử', layouts: {} }, baseVersion: 0 },
  'preset.delete': { presetId: 'khong-co', baseVersion: 1 },
  'preset.undo': { presetId: 'khong-co', baseVersion: 1 },
  'wall.activate': { presetId: PRESET_ID },
  'wall.revertToSchedule': {},
  'wall.setSchedule': { entries: [] },
  'rule.save': {
    rule: {
      id: 'r-thu',
      kind: 'threshold',
      name: 'Quy tắc thử',
      priority: 'low',
      area: { province: null, unit: null },
      watch: { topic: 'econ.live', key: 'new_businesses_today' },
      direction: 'above',
      limit: 1,
    },
    baseVersion: 0,
  },
  'rule.delete': { ruleId: 'khong-co', baseVersion: 1 },
  'rule.undo': { ruleId: 'khong-co', baseVersion: 1 },
};
const NAMES = Object.keys(COMMANDS) as CommandName[];

let dir: string;
let hub: RunningHub;
let hubClosed = false;
let consoleCredential: DeviceCredential;
const sockets: Socket[] = [];
let keyNo = 0;
const nextKey = (): string => `auth-test-${String(++keyNo).padStart(6, '0')}`;

function client(credential: DeviceCredential | undefined, extra: object = {}): Socket {
  const s = hubClient(hub.url, credential, { reconnection: false, ...extra });
  sockets.push(s);
  return s;
}

/** The handshake's answer: 'connected', or the message of the refusal. */
function handshake(credential: unknown, extra: object = {}): Promise<string> {
  const s = io(hub.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: credential as object,
    ...extra,
  });
  sockets.push(s);
  return new Promise((resolve) => {
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (err) => resolve(err.message));
  });
}

async function send(s: Socket, cmd: Record<string, unknown>): Promise<CommandResponse> {
  return CommandResponse.parse(await s.timeout(10_000).emitWithAck(HUB_EVENTS.command, cmd));
}

/** The audit rows as the file holds them (a second, read-only connection, as an auditor would read it). */
function auditRows(where = '1 = 1', ...values: unknown[]): AuditRow[] {
  const db = new Database(join(dir, 'hub-events.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT * FROM audit_log WHERE ${where} ORDER BY seq`).all(...values) as AuditRow[];
  } finally {
    db.close();
  }
}
const auditOfKey = (key: string): AuditRow[] => auditRows(`json_extract(detail, '$.key') = ?`, key);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ioc-hub-auth-'));
  hub = await startHub({
    port: 0,
    logFile: join(dir, 'hub-events.sqlite'),
    demo: false,
    version: 't',
    logger: createLogger('hub', 'error'),
    allowedOrigins: ['https://console.ioc.local'],
  });
  hub.publish(DEMO);
  consoleCredential = enrolDevice(hub, 'bantruc-1', 'console');
  // One person per role (argon2 hashing each: a few seconds in all).
  for (const role of ROLES) await enrolPerson(hub, `nguoi.${role}`, [role]);
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  if (!hubClosed) await hub?.close();
});

describe('the handshake', () => {
  it('refuses a connection without a valid credential, or from a browser origin not allowed, saying why', async () => {
    const revoked = enrolDevice(hub, 'tuong-cu', 'wall');
    hub.admin.revokeDevice({ person: 'cli:test', device: null, peer: null }, 'tuong-cu');
    expect(await handshake(undefined)).toMatch(/^no device credential/);
    expect(await handshake({ device: 'bantruc-1' })).toMatch(/^no device credential/);
    expect(await handshake(revoked)).toBe('device revoked');
    expect(await handshake({ ...consoleCredential, secret: 'forged-secret-000000000000000000' })).toBe(
      'unknown device or wrong secret',
    );
    expect(await handshake({ device: 'khong-ai', secret: 'x' })).toBe('unknown device or wrong secret');
    const evil = { extraHeaders: { origin: 'https://evil.example' } };
    expect(await handshake(consoleCredential, evil)).toMatch(/^origin https:\/\/evil\.example is not allowed/);
    // A Node client sends no Origin; a page of an allowed origin may connect.
    expect(await handshake(consoleCredential)).toBe('connected');
    expect(await handshake(consoleCredential, { extraHeaders: { origin: 'https://console.ioc.local' } })).toBe(
      'connected',
    );
    // Refused handshakes are audited, and a flood of them from one address is one row a minute.
    const refusedRows = auditRows("action = 'connect'");
    expect(refusedRows).toHaveLength(1);
    expect(refusedRows[0]).toMatchObject({ outcome: 'rejected', device: null, peer: '127.0.0.1' });
    expect(JSON.parse(refusedRows[0]!.detail)).toMatchObject({ reason: expect.stringMatching(/no device credential/) });
    expect(hub.status().refused.handshake).toBe(6);
  });

  it('cuts off a connected device once it is revoked (by the CLI, in another process)', async () => {
    const credential = enrolDevice(hub, 'tuong-bi-mat', 'wall');
    const s = client(credential);
    await until('connected', () => (s.connected ? true : undefined));
    const said: string[] = [];
    s.on(HUB_EVENTS.protocolError, (e: { error: string }) => said.push(e.error));
    const revoke = runCli(['hub', 'device', 'revoke', 'tuong-bi-mat', '--data-dir', dir]);
    expect(await revoke.exited()).toBe(0);
    await until('the connection ended', () => (s.connected ? undefined : true), 15_000);
    expect(said).toEqual(['device tuong-bi-mat was revoked']);
  });
});

describe('people at a console', () => {
  it('logs in only on a console device, says nothing about why a login failed, and audits the cause', async () => {
    const wall = client(enrolDevice(hub, 'tuong-chinh', 'wall'));
    const onWall = LoginResponse.parse(
      await wall.emitWithAck(HUB_EVENTS.login, { user: 'nguoi.operator', password: TEST_PASSWORD }),
    );
    expect(onWall).toEqual({ ok: false, reason: 'not-a-console' });
    const s = client(consoleCredential);
    const wrong = LoginResponse.parse(
      await s.emitWithAck(HUB_EVENTS.login, { user: 'nguoi.operator', password: 'sai mật khẩu rồi' }),
    );
    const unknown = LoginResponse.parse(
      await s.emitWithAck(HUB_EVENTS.login, { user: 'khong.ai', password: 'sai mật khẩu rồi' }),
    );
    expect(wrong).toEqual({ ok: false, reason: 'invalid-credentials' });
    expect(unknown).toEqual(wrong);
    const grant = await logIn(s, 'nguoi.operator');
    expect(grant.person).toEqual({
      user: 'nguoi.operator',
      displayName: 'Người thử nguoi.operator',
      roles: ['operator'],
      device: 'bantruc-1',
    });
    const logins = auditRows("action = 'login' AND person IN ('nguoi.operator', 'khong.ai')");
    expect(logins.map((r) => [r.person, r.device, r.outcome, JSON.parse(r.detail).cause ?? 'ok'])).toEqual([
      ['nguoi.operator', 'tuong-chinh', 'rejected', 'not-a-console'],
      ['nguoi.operator', 'bantruc-1', 'rejected', 'wrong-password'],
      ['khong.ai', 'bantruc-1', 'rejected', 'unknown-user'],
      ['nguoi.operator', 'bantruc-1', 'ok', 'ok'],
    ]);
    expect(logins.every((r) => r.peer === '127.0.0.1')).toBe(true);
  });

  it('renews a session on its own device only, and logs it out', async () => {
    const s = client(consoleCredential);
    const grant = await logIn(s, 'nguoi.leader');
    const other = client(enrolDevice(hub, 'bantruc-2', 'console'));
    // A refresh token presented from another device was copied: refused, and the session ends.
    const copied = RefreshResponse.parse(
      await other.emitWithAck(HUB_EVENTS.refresh, { refreshToken: grant.refreshToken }),
    );
    expect(copied).toEqual({ ok: false, reason: 'revoked' });
    const again = await logIn(s, 'nguoi.leader');
    const renewed = RefreshResponse.parse(
      await s.emitWithAck(HUB_EVENTS.refresh, { refreshToken: again.refreshToken }),
    );
    expect(renewed).toMatchObject({ ok: true, grant: { person: { user: 'nguoi.leader', device: 'bantruc-1' } } });
    const token = renewed.ok ? renewed.grant.accessToken : '';
    expect(LogoutResponse.parse(await other.emitWithAck(HUB_EVENTS.logout, { accessToken: token }))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(LogoutResponse.parse(await s.emitWithAck(HUB_EVENTS.logout, { accessToken: token }))).toEqual({ ok: true });
    const after = await send(s, {
      key: nextKey(),
      name: 'alarm.note',
      args: SAMPLE_ARGS['alarm.note'],
      issuedAt: Date.now(),
      session: token,
    });
    expect(after).toMatchObject({ ok: false, error: expect.stringMatching(/session revoked/) });
    expect(
      auditRows("action IN ('refresh', 'logout') AND person = 'nguoi.leader'").map((r) => [r.action, r.outcome]),
    ).toEqual([
      ['refresh', 'rejected'],
      ['logout', 'ok'],
    ]);
  });

  it('shows the trail of one thing to anyone logged in, and the whole log only to an admin', async () => {
    const s = client(consoleCredential);
    const viewer = await logIn(s, 'nguoi.viewer');
    const admin = await logIn(s, 'nguoi.admin');
    const ask = async (q: object) => AuditQueryResponse.parse(await s.emitWithAck(HUB_EVENTS.audit, q));
    expect(await ask({ accessToken: viewer.accessToken, target: 'user:nguoi.operator' })).toMatchObject({ ok: true });
    expect(await ask({ accessToken: viewer.accessToken })).toMatchObject({ ok: false, error: /only an admin/ });
    expect(await ask({ accessToken: viewer.accessToken, target: 'x', person: 'nguoi.operator' })).toMatchObject({
      ok: false,
    });
    const all = await ask({ accessToken: admin.accessToken, action: 'login', limit: 3 });
    expect(all.ok && all.rows.map((r) => r.action)).toEqual(['login', 'login', 'login']);
    expect(await ask({ accessToken: 'not-a-token', target: 'x' })).toMatchObject({
      ok: false,
      error: 'session invalid',
    });
  });
});

describe('commands', () => {
  it.each(ROLES)(
    'are allowed or rejected for the role %s as the command table says, each one audited',
    async (role) => {
      const s = client(consoleCredential);
      const grant = await logIn(s, `nguoi.${role}`);
      for (const name of NAMES) {
        const key = nextKey();
        const answer = await send(s, {
          key,
          name,
          args: SAMPLE_ARGS[name],
          issuedAt: Date.now(),
          session: grant.accessToken,
        });
        const allowed = mayAct([role], COMMANDS[name].roles);
        expect(answer.ok, `${role} ${name}`).toBe(true);
        const result = answer.ok ? answer.result : undefined;
        if (allowed) expect(result?.status === 'rejected' && result.reason, `${role} ${name}`).not.toBe('forbidden');
        else expect(result, `${role} ${name}`).toMatchObject({ status: 'rejected', reason: 'forbidden' });
        const rows = auditOfKey(key);
        expect(rows, `${role} ${name}`).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          person: `nguoi.${role}`,
          device: 'bantruc-1',
          peer: '127.0.0.1',
          action: name,
          outcome: result?.status === 'applied' ? 'ok' : 'rejected',
        });
        const detail = JSON.parse(rows[0]!.detail) as { result: string; reason: string | null };
        expect(detail.result).toBe(result?.status);
        expect(detail.reason === 'forbidden', `${role} ${name}`).toBe(!allowed);
      }
    },
  );

  it("are refused from a wall device even with an operator's token, and without a session, and audited", async () => {
    const s = client(consoleCredential);
    const grant = await logIn(s, 'nguoi.operator');
    const wall = client(enrolDevice(hub, 'tuong-phu', 'wall'));
    const base = { name: 'wall.activate', args: SAMPLE_ARGS['wall.activate'], issuedAt: Date.now() };
    const fromWall = { ...base, key: nextKey(), session: grant.accessToken };
    expect(await send(wall, fromWall)).toMatchObject({
      ok: false,
      error: 'refused: tuong-phu is a wall: it never acts',
    });
    const noSession = { ...base, key: nextKey() };
    expect(await send(s, noSession)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no person is logged in/),
    });
    expect(auditOfKey(fromWall.key)).toMatchObject([
      {
        person: null,
        device: 'tuong-phu',
        action: 'wall.activate',
        target: `preset:${PRESET_ID}`,
        outcome: 'rejected',
      },
    ]);
    expect(JSON.parse(auditOfKey(fromWall.key)[0]!.detail)).toMatchObject({ result: 'refused', reason: 'wall-device' });
    expect(JSON.parse(auditOfKey(noSession.key)[0]!.detail)).toMatchObject({ reason: 'no-session' });
  });

  it('take the issuer from the session: an issuer the client sends is ignored', async () => {
    const s = client(consoleCredential);
    const grant = await logIn(s, 'nguoi.operator');
    const seen: { source: string; payload: Alarm }[] = [];
    const watcher = client(enrolDevice(hub, 'tuong-xem', 'wall'));
    watcher.on('events', (batch: { key: string; source: string; payload: Alarm }[], ack: () => void) => {
      seen.push(...batch.filter((e) => e.key === OTHER_ALERT_ID));
      ack();
    });
    await watcher.emitWithAck('subscribe', { topics: { 'ops.alerts': 0 } });
    const key = nextKey();
    const cmd = {
      key,
      name: 'alarm.acknowledge',
      args: { alarmIds: [OTHER_ALERT_ID] },
      issuedAt: Date.now(),
      session: grant.accessToken,
      issuer: 'giam.doc',
    };
    expect(await send(s, cmd)).toMatchObject({ ok: true, result: { status: 'applied' } });
    expect(auditOfKey(key)[0]).toMatchObject({ person: 'nguoi.operator', device: 'bantruc-1' });
    const db = new Database(join(dir, 'hub-events.sqlite'), { readonly: true });
    const journal = db.prepare('SELECT issuer FROM commands WHERE key = ?').get(key);
    db.close();
    expect(journal).toEqual({ issuer: 'nguoi.operator@bantruc-1' });
    await expect
      .poll(() => seen.at(-1)?.payload.timeline.at(-1)?.by)
      .toEqual({
        kind: 'person',
        person: 'nguoi.operator',
        device: 'bantruc-1',
      });
    expect(seen.at(-1)?.source).toBe('operator:nguoi.operator@bantruc-1');
    expect(JSON.stringify(auditRows())).not.toContain('giam.doc');
  });

  it('refuse a forged token, an expired one, and one of another device; accept an expired one for a command queued while it was valid', async () => {
    const s = client(consoleCredential);
    const grant = await logIn(s, 'nguoi.operator');
    const claims = decodeJwt(grant.accessToken);
    const db = new Database(join(dir, 'hub-events.sqlite'), { readonly: true });
    const key = new Uint8Array((db.prepare('SELECT key FROM signing_key').get() as { key: Buffer }).key);
    db.close();
    const now = Math.floor(Date.now() / 1000);
    /** A token as the hub signs them, for the same session, issued 10 minutes ago and expired 5 minutes ago. */
    const expired = await new SignJWT({
      name: claims['name'],
      roles: claims['roles'],
      dev: claims['dev'],
      sid: claims['sid'],
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('nguoi.operator')
      .setIssuer(claims.iss!)
      .setAudience(claims.aud!)
      .setIssuedAt(now - 600)
      .setExpirationTime(now - 300)
      .sign(key);
    const forged = await new SignJWT({ ...claims, roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('not the hub key, 32 bytes long!!'));
    const note = (session: string, issuedAt = Date.now()) => ({
      key: nextKey(),
      name: 'alarm.note',
      args: SAMPLE_ARGS['alarm.note'],
      issuedAt,
      session,
    });
    const cases = [
      [note(forged), /session invalid/, 'invalid'],
      [note(grant.accessToken.slice(0, -2) + 'xx'), /session invalid/, 'invalid'],
      [note(expired), /session expired/, 'expired'],
      [note(expired, (now - 100) * 1000), /session expired/, 'expired'],
    ] as const;
    for (const [cmd, error, reason] of cases) {
      expect(await send(s, cmd)).toMatchObject({ ok: false, error: expect.stringMatching(error) });
      expect(JSON.parse(auditOfKey(cmd.key)[0]!.detail)).toMatchObject({ result: 'refused', reason });
    }
    const other = client(enrolDevice(hub, 'bantruc-3', 'console'));
    const elsewhere = note(grant.accessToken);
    expect(await send(other, elsewhere)).toMatchObject({ ok: false, error: /opened on bantruc-1, not on bantruc-3/ });
    expect(auditOfKey(elsewhere.key)[0]).toMatchObject({ person: 'nguoi.operator', device: 'bantruc-3' });
    // Made offline 8 minutes ago, while the token was valid, delivered now: the session still holds.
    const queued = note(expired, (now - 480) * 1000);
    expect(await send(s, queued)).toMatchObject({ ok: true, result: { status: 'applied' } });
    expect(auditOfKey(queued.key)[0]).toMatchObject({ person: 'nguoi.operator', outcome: 'ok' });
  });
});

describe('hosts', () => {
  it("show the hub's reason for a refused handshake in /api/status, and refuse a credential file others can read", async () => {
    const credential = enrolDevice(hub, 'tuong-se-thu-hoi', 'wall');
    hub.admin.revokeDevice({ person: 'cli:test', device: null, peer: null }, 'tuong-se-thu-hoi');
    const host = await startTestHost({ hub: hub.url, credential });
    try {
      await until('the refusal shown', () => host.status().feed.lastError ?? undefined);
      expect(host.status().feed.lastError).toBe('refused by the hub: device revoked');
      expect(host.status().feed.state).not.toBe('connected');
    } finally {
      await host.close();
    }
    const file = writeCredentialFile(dir, enrolDevice(hub, 'tuong-mo', 'wall'));
    chmodSync(file, 0o644);
    const run = runCli(headlessHostArgs(hub.url, file, join(dir, 'open')));
    expect(await run.exited()).toBe(2);
    expect(run.stderr()).toContain(`the hub credential ${file} is readable by other users (mode 0644)`);
    expect(run.stderr()).toContain(`chmod 600 ${file}`);
  });

  it(
    'with the embedded demo hub: enrolled as a console, the demo password printed once and stored hashed',
    { timeout: 60_000 },
    async () => {
      const data = join(dir, 'demo');
      const first = runCli(['start', '--shell', 'headless', '--port', '0', '--data-dir', data]);
      const [, user, password] = await first.waitFor(/login: (\S+) password: (\S+)/);
      expect(first.stdout()).toMatch(/Tài khoản trình diễn.*\n {2}login: demo password: \S{16}\n/);
      await first.stop();
      expect(user).toBe('demo');
      expect(statSync(join(data, 'hub-credential.json')).mode & 0o777).toBe(0o600);
      const db = new Database(join(data, 'hub-events.sqlite'), { readonly: true });
      const stored = db.prepare("SELECT roles, password_hash FROM users WHERE name = 'demo'").get() as {
        roles: string;
        password_hash: string;
      };
      const device = db.prepare('SELECT kind FROM devices').all();
      db.close();
      expect(JSON.parse(stored.roles)).toEqual(['operator', 'leader', 'admin']);
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
      expect(stored.password_hash).not.toContain(password!);
      expect(device).toEqual([{ kind: 'console' }]);
      const second = runCli(['start', '--shell', 'headless', '--port', '0', '--data-dir', data]);
      await second.waitFor(/ioc-wall hub user passwd demo --data-dir \S+/);
      await second.stop();
      expect(second.stdout()).not.toMatch(/password: /);
    },
  );
});

describe('the audit chain after a run of mixed actions', () => {
  it('verifies with `ioc-wall hub audit verify`, and an edited row is named', { timeout: 60_000 }, async () => {
    await hub.close();
    hubClosed = true;
    const intact = runCli(['hub', 'audit', 'verify', '--data-dir', dir]);
    expect(await intact.exited()).toBe(0);
    const rows = auditRows().length;
    expect(rows).toBeGreaterThan(40);
    expect(intact.stdout()).toContain(`audit log intact: ${rows} rows`);
    // An attacker with write access to the file changes who acknowledged something.
    const target = auditRows("action = 'alarm.acknowledge'")[0]!.seq;
    const db = new Database(join(dir, 'hub-events.sqlite'));
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET person = 'nguoi.khac' WHERE seq = ${target}`);
    db.close();
    const broken = runCli(['hub', 'audit', 'verify', '--data-dir', dir]);
    expect(await broken.exited()).toBe(1);
    expect(broken.stdout()).toContain(`audit log broken at row ${target}`);
  });
});
