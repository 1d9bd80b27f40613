// Messages across parentPort, checked both ways with the contract's schemas. Pure, so it is unit-tested.
import { HostToShell, ShellToHost } from '../../src/contract/shell-ipc.js';

const MAX_LOGGED = 300;

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_LOGGED ? `${text.slice(0, MAX_LOGGED)}…` : text;
}

/** A message from the host, or null (logged) when it does not match the contract: it then changes nothing. */
export function parseHostMessage(raw: unknown, log: (line: string) => void = console.error): HostToShell | null {
  const parsed = HostToShell.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  log(`[electron] ignored an invalid message from the host (${issues.join('; ')}): ${preview(raw)}`);
  return null;
}

/** Checks what the shell sends, so a bug here fails loudly in the shell instead of confusing the host. */
export function shellMessage(message: ShellToHost): ShellToHost {
  return ShellToHost.parse(message);
}
