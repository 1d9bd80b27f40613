// The hub inside the host (`--hub embedded`, what `npm start` runs, with `--demo`). It is a hub like any other — the same
// handshake, logins, role checks and audit — so the host enrols itself as a console device on it (the credential
// kept in the data dir, 0600) and, on the first start, a demo person whose password is printed once and stored
// only hashed. Nothing here relaxes a check: it does what an installer would do with `ioc-wall hub user|device`.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { DeviceCredential } from '../../src/contract/people.js';
import { hubDatabaseFile } from '../../hub/hub-database.js';
import type { ConnectorEntry } from '../../hub/connectors/connectors-file.js';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import type { Actor } from '../../hub/identity/identity-admin.js';
import type { Logger } from '../../platform/logger.js';
import { APP_VERSION } from './app-paths.js';
import { CredentialFileError, readDeviceCredential } from './device-credential-file.js';

const DEMO_USER = 'demo';
const DEMO_DISPLAY_NAME = 'Người trình diễn';
const DEVICE_NAME = 'embedded-console';

/** The demo person's password when it was just made (shown once), or only the name when it existed already. */
export type DemoLogin = { user: string; password: string | null };

export interface EmbeddedHub {
  hub: RunningHub;
  credential: DeviceCredential;
  demoLogin: DemoLogin;
}

function embeddedCredentialFile(dataDir: string): string {
  return join(dataDir, 'hub-credential.json');
}

/** `demo`: the hub makes demo data; without it it holds only what is published to it (and its connectors). */
export async function startEmbeddedHub(
  dataDir: string,
  options: { demo: boolean; seed: number; connectors?: readonly ConnectorEntry[] },
  logger: Logger,
): Promise<EmbeddedHub> {
  const hub = await startHub({
    port: 0,
    logFile: hubDatabaseFile(dataDir),
    demo: options.demo,
    seed: options.seed,
    version: APP_VERSION,
    logger,
    connectors: options.connectors ?? [],
  });
  try {
    const actor: Actor = { person: 'system:embedded-hub', device: hostname().slice(0, 64) || null, peer: null };
    return { hub, credential: ownCredential(hub, dataDir, actor), demoLogin: await demoPerson(hub, actor) };
  } catch (err) {
    await hub.close();
    throw err;
  }
}

/** This host's credential: the one kept in the data dir while the hub still knows it, else a new device. */
function ownCredential(hub: RunningHub, dataDir: string, actor: Actor): DeviceCredential {
  const file = embeddedCredentialFile(dataDir);
  if (existsSync(file)) {
    try {
      const kept = readDeviceCredential(file);
      if (hub.admin.devices.authenticate(kept).ok) return kept;
    } catch (err) {
      if (!(err instanceof CredentialFileError)) throw err;
    }
    // The hub's database was replaced, or the file damaged: enrol again under a new name.
    rmSync(file);
  }
  const name = hub.admin.devices.get(DEVICE_NAME) ? `${DEVICE_NAME}-${Date.now().toString(36)}` : DEVICE_NAME;
  let credential: DeviceCredential | undefined;
  hub.admin.addDevice(actor, name, 'console', (secret) => {
    credential = { device: name, secret };
    writeFileSync(file, `${JSON.stringify(credential)}\n`, { flag: 'wx', mode: 0o600 });
  });
  return credential as DeviceCredential;
}

async function demoPerson(hub: RunningHub, actor: Actor): Promise<DemoLogin> {
  if (hub.admin.users.get(DEMO_USER)) return { user: DEMO_USER, password: null };
  const password = randomBytes(12).toString('base64url');
  await hub.admin.addUser(actor, {
    name: DEMO_USER,
    displayName: DEMO_DISPLAY_NAME,
    roles: ['operator', 'leader', 'admin'],
    password,
  });
  return { user: DEMO_USER, password };
}
