// Checks a person's name and password. The answer is the same for an unknown name, a wrong password and a
// disabled account — and takes as long — so a stranger learns nothing; the real cause is returned separately for
// the audit log. Failures are counted per name (known or not) in the database, so a restart does not reset them.
import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import { FAILURE_MEMORY_MS, lockDurationMs } from './login-backoff.js';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password-hashing.js';
import { PrincipalName } from './names.js';
import { type User, UserStore } from './user-store.js';

export type LoginResult =
  | { ok: true; user: User }
  | {
      ok: false;
      /** What the person is told. */
      reason: 'invalid-credentials' | 'locked';
      retryAfterMs?: number;
      /** What the audit log records. */
      cause: 'unknown-user' | 'wrong-password' | 'disabled' | 'locked' | 'busy';
    };

interface FailureRow {
  failures: number;
  locked_until: number;
  last_failure_at: number;
}

export class Login {
  private readonly users: UserStore;
  /** Names with a check under way: a second attempt meanwhile would dodge the count, so it waits its turn. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.users = new UserStore(db);
  }

  async attempt(name: string, password: string): Promise<LoginResult> {
    const key = name.slice(0, 64);
    const now = this.clock();
    const lock = this.failures(key, now)?.locked_until ?? 0;
    if (lock > now) return { ok: false, reason: 'locked', retryAfterMs: lock - now, cause: 'locked' };
    if (this.inFlight.has(key)) return { ok: false, reason: 'locked', retryAfterMs: 1000, cause: 'busy' };
    this.inFlight.add(key);
    try {
      const user = PrincipalName.safeParse(name).success ? this.users.get(name) : undefined;
      const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
      if (!user || !matches || user.disabled) {
        this.recordFailure(key);
        return {
          ok: false,
          reason: 'invalid-credentials',
          cause: !user ? 'unknown-user' : !matches ? 'wrong-password' : 'disabled',
        };
      }
      this.db.prepare('DELETE FROM login_failures WHERE name = ?').run(key);
      if (needsRehash(user.passwordHash)) {
        this.users.setPasswordHash(user.name, await hashPassword(password), this.clock());
      }
      return { ok: true, user };
    } finally {
      this.inFlight.delete(key);
    }
  }

  private failures(key: string, now: number): FailureRow | undefined {
    const row = this.db
      .prepare('SELECT failures, locked_until, last_failure_at FROM login_failures WHERE name = ?')
      .get(key) as FailureRow | undefined;
    return row && now - row.last_failure_at < FAILURE_MEMORY_MS ? row : undefined;
  }

  private recordFailure(key: string): void {
    const now = this.clock();
    this.db
      .transaction(() => {
        const failures = (this.failures(key, now)?.failures ?? 0) + 1;
        const lockedUntil = now + lockDurationMs(failures);
        this.db
          .prepare(
            `INSERT INTO login_failures (name, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
             last_failure_at = excluded.last_failure_at`,
          )
          .run(key, failures, lockedUntil, now);
        // Names tried long ago, most of them a stranger's guesses, are forgotten so the table stays small.
        this.db.prepare('DELETE FROM login_failures WHERE last_failure_at < ?').run(now - FAILURE_MEMORY_MS);
      })
      .immediate();
  }
}
