// The host's device credential (`--hub-credential FILE`, written by `ioc-wall hub device add … --out FILE`): the
// secret that lets this PC into the hub. A file others on this machine can read is a credential they can copy, so
// it is refused until its mode says this user's alone.
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { DeviceCredential } from '../../src/contract/people.js';

/** The file is missing, readable by others or not a credential: said in words an installer can act on. */
export class CredentialFileError extends Error {}

export function readDeviceCredential(file: string): DeviceCredential {
  let mode: number;
  let text: string;
  try {
    mode = statSync(file).mode & 0o777;
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CredentialFileError(`cannot read the hub credential ${file}: ${(err as Error).message}`);
  }
  if ((mode & 0o077) !== 0) {
    throw new CredentialFileError(
      `the hub credential ${file} is readable by other users (mode ${mode.toString(8).padStart(4, '0')}): ` +
        `it holds this PC's secret; run chmod 600 ${file}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CredentialFileError(`the hub credential ${file} is not JSON ({"device": …, "secret": …})`);
  }
  const parsed = DeviceCredential.safeParse(json);
  if (!parsed.success) {
    throw new CredentialFileError(
      `the hub credential ${file} is not a device credential: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
