// Passwords of people, hashed with argon2id. The parameters are RFC 9106's second recommended option (64 MiB,
// 3 passes, 4 lanes): a guess costs an attacker 64 MiB of memory, which makes GPU farms slow, and a login costs
// the hub a few hundred milliseconds on a 2-core machine — people log in a few times a shift, so that price is
// paid rarely. The parameters travel inside each hash (PHC string), so raising them later rehashes each password
// at its owner's next login.
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 } as const;

/** NIST SP 800-63B: length is what makes a password strong; no composition rules. The cap bounds the work. */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

/** Normalised to NFC, as display names are: a Vietnamese password typed on another keyboard still matches. */
export const Password = z
  .string()
  .transform((s) => s.normalize('NFC'))
  .pipe(
    z
      .string()
      .refine((s) => [...s].length >= MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
      .refine((s) => [...s].length <= MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`),
  );

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  // A candidate longer than any accepted password is refused before it costs the hub a hash.
  if (password.length > MAX_PASSWORD_LENGTH * 4) return false;
  return argon2.verify(hash, password.normalize('NFC'));
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_OPTIONS);
}

let decoy: Promise<string> | undefined;

/** A hash of nobody's password, checked for unknown names so they take as long as wrong passwords. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(32).toString('base64url'));
  return decoy;
}
