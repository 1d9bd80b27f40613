// Exactly once across hubs: before a hub applies a command it claims the command's key in a KV bucket, and only
// the first writer of a key can create it. A host that retries through another hub (after a failover) finds the
// claim and gets the first result back instead of applying the command twice. A claim left without a result (its
// hub died mid-command) is taken over after a while; the command's events carry message ids made from its key, so
// the events the dead hub did append are not appended again.
import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import { CommandResult } from '../../src/contract/commands.js';
import { jsonOf } from './json-text.js';

const BUCKET = 'ioc_commands';
/** A key is kept 30 days: far longer than any host keeps an action in its outbox. */
const KEEP_MS = 30 * 86_400_000;
/** A claim without a result this old is a hub that died mid-command (within the streams' two-minute dedupe window). */
const ABANDONED_MS = 15_000;

const Claim = z.object({ hub: z.string(), at: z.number(), result: CommandResult.optional() });
type Claim = z.infer<typeof Claim>;

export type ClaimOutcome =
  | { kind: 'ours' }
  /** Claimed by another hub: its result, or none yet (it is applying it, or died while applying it). */
  | { kind: 'taken'; hub: string; result: CommandResult | undefined };

/** Message ids of the events a command causes: the same whichever hub applies it, so they land once. */
export const commandEventId = (key: string, index: number): string => `cmd-${key}-${index}`;

/** What a command waits for: the streams read up to their end before it, its own events appended after it. */
export interface ReplicaWaits {
  before(): Promise<void>;
  after(): Promise<void>;
}

export class CommandClaims {
  private constructor(
    private readonly kv: KV,
    private readonly hub: string,
    private readonly replica: ReplicaWaits,
  ) {}

  static async open(nc: NatsConnection, hub: string, replicas: number, replica: ReplicaWaits): Promise<CommandClaims> {
    const kv = await new Kvm(nc).create(BUCKET, { ttl: KEEP_MS, replicas, history: 1 });
    return new CommandClaims(kv, hub, replica);
  }

  /**
   * Claims `key` for this hub. Before it answers, the replica holds what any hub appended before: the command's
   * handler reads the state earlier commands left (two notes in a row both stay, whichever hubs took them).
   */
  async claim(key: string, now: number): Promise<ClaimOutcome> {
    await this.replica.before();
    const mine: Claim = { hub: this.hub, at: now };
    try {
      await this.kv.create(key, JSON.stringify(mine));
      return { kind: 'ours' };
    } catch {
      const entry = await this.kv.get(key);
      const held = entry ? Claim.safeParse(jsonOf(entry.string())) : undefined;
      // This hub's own claim (a retry, or a restart mid-command): its journal answers the repeat.
      if (!entry || !held?.success || held.data.hub === this.hub) return { kind: 'ours' };
      if (held.data.result === undefined && now - held.data.at > ABANDONED_MS) {
        const taken = await this.kv.update(key, JSON.stringify(mine), entry.revision).then(
          () => true,
          () => false,
        );
        if (taken) return { kind: 'ours' };
      }
      return { kind: 'taken', hub: held.data.hub, result: held.data.result };
    }
  }

  /** Once the command's events are in the streams, records its result with the claim, for a repeat elsewhere. */
  async settle(key: string, result: CommandResult, now: number): Promise<void> {
    await this.replica.after();
    await this.kv.put(key, JSON.stringify({ hub: this.hub, at: now, result } satisfies Claim));
  }
}
