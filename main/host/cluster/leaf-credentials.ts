// A province's credential for the centre's leaf node listener (`cluster init --provinces` writes one file per
// province, 0600; the province's `cluster init --leaf-credentials FILE` reads it). The centre binds a leaf node
// presenting it to that province's own account (province-accounts.ts).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { JetStreamDomain } from '../../../hub/jetstream/jetstream-domain.js';
import { jsonOf } from '../../../hub/jetstream/json-text.js';

export const LeafCredentials = z.strictObject({
  /** The centre's JetStream domain, and the province's this credential is for (its --domain must match). */
  centre: JetStreamDomain,
  province: JetStreamDomain,
  user: JetStreamDomain,
  /** 32 random bytes in hex: nothing in it needs escaping in a URL or a configuration file. */
  password: z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits'),
});
export type LeafCredentials = z.infer<typeof LeafCredentials>;

export class LeafCredentialsError extends Error {}

/** A new secret: 32 bytes from the OS's random source, in hex. */
export const newPassword = (): string => randomBytes(32).toString('hex');

/** Reads and checks a province's credential file; says what is wrong with it otherwise. */
export function readLeafCredentials(file: string): LeafCredentials {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new LeafCredentialsError(`cannot read --leaf-credentials ${file}: ${(err as Error).message}`);
  }
  const parsed = LeafCredentials.safeParse(jsonOf(text));
  if (!parsed.success) {
    throw new LeafCredentialsError(
      `--leaf-credentials ${file} is not a province's credential written by the centre's cluster init:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
