// Secrets a connector needs (an API token, a webhook's shared key) are named in the config by where they live —
// an environment variable or a file — never written in it, and are never logged: errors name the place only.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const SecretRef = z.union([
  z.strictObject({ fromEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name') }),
  z.strictObject({ fromFile: z.string().min(1) }),
]);
export type SecretRef = z.infer<typeof SecretRef>;

function describeSecret(ref: SecretRef): string {
  return 'fromEnv' in ref ? `environment variable ${ref.fromEnv}` : `file ${ref.fromFile}`;
}

/** The secret's value, trimmed of the newline files end with; throws naming the place when it is missing or empty. */
export function readSecret(ref: SecretRef): string {
  let value: string | undefined;
  if ('fromEnv' in ref) value = process.env[ref.fromEnv];
  else {
    try {
      value = readFileSync(ref.fromFile, 'utf8');
    } catch (err) {
      throw new Error(`cannot read secret ${describeSecret(ref)}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  const secret = value?.trim();
  if (!secret) throw new Error(`secret ${describeSecret(ref)} is missing or empty`);
  return secret;
}

/** Header names whose value is a credential: the config must point at a secret for them, not hold the value. */
const SECRET_HEADER = /authorization|cookie|token|secret|key|password/i;

/** Request headers: plain values for the harmless ones (Accept), a secret reference for credentials. */
export const HeaderValues = z
  .record(z.string().regex(/^[A-Za-z0-9-]+$/), z.union([z.string(), SecretRef]))
  .superRefine((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string' && SECRET_HEADER.test(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `${name} is a credential: give { fromEnv } or { fromFile }, not the value`,
        });
      }
    }
  });
export type HeaderValues = z.infer<typeof HeaderValues>;

export function resolveHeaders(headers: HeaderValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, typeof value === 'string' ? value : readSecret(value)]),
  );
}
