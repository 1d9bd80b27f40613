// One-time codes that stand in for the bridge token on a window's command line. Every local user can read a
// process's argv (/proc/<pid>/cmdline), so a Chromium window is started with a code worth something once, for a
// minute: its page trades the code for the token as it loads, and what is left in argv is worthless.
import { randomBytes } from 'node:crypto';

const CODE_TTL_MS = 60_000;

export class LaunchCodes {
  private readonly codes = new Map<string, { token: string; expires: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  issue(token: string): string {
    this.forgetExpired();
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, { token, expires: this.clock() + CODE_TTL_MS });
    return code;
  }

  /** The token a code stands for, once; null when unknown, already used or expired. */
  redeem(code: string): string | null {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    return entry && entry.expires > this.clock() ? entry.token : null;
  }

  private forgetExpired(): void {
    const now = this.clock();
    for (const [code, entry] of this.codes) if (entry.expires <= now) this.codes.delete(code);
  }
}
