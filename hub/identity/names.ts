// What a login name, a device name and a display name may be. Names go into audit rows, file names and URLs,
// so they are plain lower-case ASCII; a display name is free Vietnamese text, stored NFC so that the same name
// typed with a composing or a decomposing input method (Unikey, macOS, a phone) is one string.
import { z } from 'zod';

export const PrincipalName = z
  .string()
  .regex(/^[a-z0-9._-]{2,64}$/, '2–64 characters: lower-case letters a–z, digits, dot, underscore, hyphen');

export const DisplayName = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'a display name is needed')
      .max(120, 'at most 120 characters')
      .refine((s) => !/\p{Cc}/u.test(s), 'no control characters'),
  );
