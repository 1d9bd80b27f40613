// Exactly once across hubs: before a hub applies a command it claims the command's key in a KV bucket, and only
// the first writer of a key can create it. A host that retries through another hub (after a failover) finds the
// claim and gets the first result back instead of applying the command twice.
import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import { CommandResult } from '../../src/contract/commands.js';

const BUCKET = 'ioc_commands';
/** A key is kept 30 days: far longer than any host keeps an action in its outbox. */
const KEEP_MS = 30 * 86_400_000;

const Claim = z.object({ hub: z.string(), at: z.number(), result: CommandResult.optional() });
type Claim = z.infer<typeof Claim>;

export type ClaimOutcome =
  | { kind: 'ours' }
  /** Claimed by another hub: its result, or none yet (it is applying it, or died while applying it). */
  | { kind: 'taken'; hub: string; result: CommandResult | undefined };

export class CommandClaims {
  private constructor(
    private readonly kv: KV,
    private readonly hub: string,
  ) {}

  static async open(nc: NatsConnection, hub: string, replicas: number): Promise<CommandClaims> {
    const kv = await new Kvm(nc).create(BUCKET, { ttl: KEEP_MS, replicas, history: 1 });
    return new CommandClaims(kv, hub);
  }

  async claim(key: string, now: number): Promise<ClaimOutcome> {
    const mine: Claim = { hub: this.hub, at: now };
    try {
      await this.kv.create(key, JSON.stringify(mine));
      return { kind: 'ours' };
    } catch {
      const entry = await this.kv.get(key);
      const held = entry ? Claim.safeParse(safeJson(entry.string())) : undefined;
      // This hub's own claim (a retry, or a restart mid-command): its journal answers the repeat.
      if (!held?.success || held.data.hub === this.hub) return { kind: 'ours' };
      return { kind: 'taken', hub: held.data.hub, result: held.data.result };
    }
  }

  /** Records the result with the claim, for a repeat through another hub. */
  async settle(key: string, result: CommandResult, now: number): Promise<void> {
    await this.kv.put(key, JSON.stringify({ hub: this.hub, at: now, result } satisfies Claim));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
