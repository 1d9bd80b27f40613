// Brings the other sites' copies (`IOC_FED_<domain>_<topic>`, federation.ts) into this site's own topics, so the
// walls show them like any event: the key prefixed with the site's domain (a province's `grdp` is not the
// centre's), the source saying which site's centre it came from, the time as that site recorded it (its age). Runs
// on the producing hub only, with one durable consumer per copy, acknowledged once the events are in this site's
// stream: a hub that dies mid-way leaves the rest to the next producer, and the message ids make a redelivery land
// once.
import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { z } from 'zod';
import type { Logger } from '../../platform/logger.js';
import { Envelope, type KnownTopic } from '../../src/contract/hub-protocol.js';
import type { NewEvent } from '../event-log.js';
import { FederatedSite, federatedStreamOf } from './federation.js';
import type { StreamWriter } from './stream-writer.js';

const CONSUMER = 'ioc-relay';
const BATCH = 500;

/** A federated event as this site stores it; undefined if it cannot be one (its key or source too long). */
function relayedEvent(domain: string, topic: KnownTopic, raw: unknown): NewEvent | undefined {
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success || parsed.data.topic !== topic) return undefined;
  const e = parsed.data;
  const event = { topic, key: `${domain}:${e.key}`, source: `${domain}/${e.source}`, time: e.time, payload: e.payload };
  return Envelope.safeParse({ ...event, offset: 1 }).success ? event : undefined;
}

export async function relayFederation(
  deps: { js: JetStreamClient; jsm: JetStreamManager; writer: StreamWriter; logger: Logger },
  sites: readonly FederatedSite[],
): Promise<() => void> {
  const stops: Array<() => void> = [];
  let stopped = false;
  for (const site of sites) {
    for (const topic of site.topics) {
      const stream = federatedStreamOf(site.domain, topic);
      await deps.jsm.consumers
        .add(stream, { durable_name: CONSUMER, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All })
        .catch(() => undefined); // there already: it keeps its position
      const consumer = await deps.js.consumers.get(stream, CONSUMER);
      const messages = await consumer.consume({ max_messages: BATCH });
      stops.push(() => void messages.close());
      void (async () => {
        let batch: { ack(): void }[] = [];
        for await (const m of messages) {
          let raw: unknown;
          try {
            raw = JSON.parse(m.string());
          } catch {
            raw = undefined;
          }
          const event = relayedEvent(site.domain, topic, raw);
          if (event) deps.writer.enqueue([event], [`fed-${site.domain}-${topic}-${m.seq}`]);
          else
            deps.logger.warn('refused a federated message that is not an event of its topic', { stream, seq: m.seq });
          batch.push(m);
          if (batch.length >= BATCH || m.info.pending === 0) {
            await deps.writer.flushed();
            for (const done of batch) done.ack();
            batch = [];
          }
        }
      })().catch((err: unknown) =>
        stopped ? undefined : deps.logger.error('stopped relaying a federated stream', { stream, error: String(err) }),
      );
    }
  }
  return () => {
    stopped = true;
    for (const s of stops) s();
  };
}

/** `quang-ninh:econ.indicators,ops.alerts` → a site and its topics (`--federate`, `--directives-from`). */
export function parseFederatedSite(value: string): z.ZodSafeParseResult<FederatedSite> {
  const [domain = '', topics = ''] = value.split(':');
  return FederatedSite.safeParse({ domain, topics: topics.split(',').filter((t) => t.length > 0) });
}
