// Devices and people on a hub started in the test's process, enrolled the way an installer does it (the hub's
// identity core, as `ioc-wall hub device|user add` uses it), and clients that connect and log in as a host would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { RunningHub } from '../../hub/hub-server.js';
import type { DeviceKind } from '../../hub/identity/device-store.js';
import { HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import { type DeviceCredential, LoginResponse, type SessionGrant } from '../../src/contract/people.js';
import type { Role } from '../../src/domain/identity/roles.js';
import { runCli } from './cli-process.js';

const INSTALLER = { person: 'cli:test', device: 'test-machine', peer: null };
/** Every test person's password: long enough for the hub's rule, never used outside tests. */
export const TEST_PASSWORD = 'mật khẩu thử nghiệm';

/** For a stand-in hub that checks nothing (tests of the host's side of the protocol). */
export const UNCHECKED_CREDENTIAL: DeviceCredential = { device: 'stand-in-client', secret: 'not-checked' };

export function enrolDevice(hub: RunningHub, name: string, kind: DeviceKind = 'console'): DeviceCredential {
  let credential: DeviceCredential | undefined;
  hub.admin.addDevice(INSTALLER, name, kind, (secret) => (credential = { device: name, secret }));
  return credential as DeviceCredential;
}

export async function enrolPerson(hub: RunningHub, name: string, roles: readonly Role[]): Promise<void> {
  await hub.admin.addUser(INSTALLER, { name, roles, password: TEST_PASSWORD, displayName: `Người thử ${name}` });
}

/** The credential as a file a host is started with (`--hub-credential`), mode 0600. */
export function writeCredentialFile(dir: string, credential: DeviceCredential): string {
  const file = join(dir, `${credential.device}.json`);
  writeFileSync(file, JSON.stringify(credential), { mode: 0o600 });
  return file;
}

/** A client of the hub, as a host connects: with its device credential. */
export function hubClient(url: string, credential: DeviceCredential | undefined, extra: object = {}): Socket {
  return io(url, { transports: ['websocket'], forceNew: true, auth: credential, ...extra });
}

export async function logIn(socket: Socket, user: string, password = TEST_PASSWORD): Promise<SessionGrant> {
  const answer = LoginResponse.parse(await socket.timeout(10_000).emitWithAck(HUB_EVENTS.login, { user, password }));
  if (!answer.ok) throw new Error(`login of ${user} refused: ${answer.reason}`);
  return answer.grant;
}

export interface Operator {
  credential: DeviceCredential;
  socket: Socket;
  grant: SessionGrant;
}

/** A console device with a person logged in on it: what most tests that send commands need. */
export async function consoleOperator(
  hub: RunningHub,
  name = 'test-console',
  roles: readonly Role[] = ['operator', 'admin'],
): Promise<Operator> {
  const credential = enrolDevice(hub, name, 'console');
  const person = `${name}.op`;
  await enrolPerson(hub, person, roles);
  const socket = hubClient(hub.url, credential);
  return { credential, socket, grant: await logIn(socket, person) };
}

export interface HostSession {
  /** For the host: `startTestHost({ credential })` or a file for `--hub-credential`. */
  credential: DeviceCredential;
  /** A person's access token on that device, for the commands the test sends through the host's bridge. */
  session: string;
}

/** A console device for a host, and a person logged in on that device (as the host's console page would). */
export async function hostSession(
  hub: RunningHub,
  device: string,
  person: string,
  roles: readonly Role[],
): Promise<HostSession> {
  const credential = enrolDevice(hub, device, 'console');
  await enrolPerson(hub, person, roles);
  const socket = hubClient(hub.url, credential);
  try {
    return { credential, session: (await logIn(socket, person)).accessToken };
  } finally {
    socket.close();
  }
}

/** `ioc-wall start` arguments of a headless host of the hub at `hubUrl`, with its credential file. */
export function headlessHostArgs(hubUrl: string, credentialFile: string, dataDir: string): string[] {
  return [
    'start',
    '--shell',
    'headless',
    '--hub',
    hubUrl,
    '--hub-credential',
    credentialFile,
    '--port',
    '0',
    '--data-dir',
    dataDir,
  ];
}

/**
 * A device enrolled on the hub of `hubDir` as an installer does it (`ioc-wall hub device add`, its own process):
 * the credential file written in `dir`.
 */
export async function enrolDeviceWithCli(dir: string, hubDir: string, name: string, kind: DeviceKind): Promise<string> {
  const file = join(dir, `${name}.json`);
  const add = runCli(['hub', 'device', 'add', name, '--kind', kind, '--out', file, '--data-dir', hubDir]);
  const code = await add.exited();
  if (code !== 0) throw new Error(`hub device add ${name} exited with ${code}: ${add.stderr()}`);
  return file;
}
