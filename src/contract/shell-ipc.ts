// Messages between the Electron main process and the host it runs as a utilityProcess (parentPort).
// The shell tells the host which displays exist and what its windows do; the host tells the shell where the
// bridge is and which surfaces to open.
import { z } from 'zod';
import { Monitor, Surface, WindowState } from './wall.js';

export const ShellToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('displays'), monitors: z.array(Monitor).min(1) }),
  z.object({
    type: z.literal('window'),
    surfaceId: z.string(),
    state: WindowState,
    pid: z.number().int().nullable(),
  }),
]);
export type ShellToHost = z.infer<typeof ShellToHost>;

export const HostToShell = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    bridgeUrl: z.string().url(),
    /** The console window's bridge token (may act). */
    token: z.string(),
    /** The wall windows' bridge token (read-only). */
    wallToken: z.string(),
    surfaces: z.array(Surface),
    consoleEnabled: z.boolean(),
    /** Stream origins the site allowed (`--media-origin`, scheme://host:port): the pages' CSP and request filter. */
    mediaOrigins: z.array(z.url()).max(64).default([]),
  }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);
export type HostToShell = z.infer<typeof HostToShell>;
