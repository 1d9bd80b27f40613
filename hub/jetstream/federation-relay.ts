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
import { jsonOf } from './json-text.js';
import type { StreamWriter } from './stream-writer.js';
import { retryPause } from './stream-wait.js';

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

export function relayFederation(
  deps: { js: JetStreamClient; jsm: JetStreamManager; writer: StreamWriter; logger: Logger },
  sites: readonly FederatedSite[],
): () => void {
  const closers = new Set<() => void>();
  let stopped = false;
  /** One copy, for as long as this hub produces: the consumer made again after a failure, from its ack floor. */
  const relay = async (domain: string, topic: KnownTopic): Promise<void> => {
    const stream = federatedStreamOf(domain, topic);
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await deps.jsm.consumers
          .add(stream, { durable_name: CONSUMER, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All })
          .catch(() => undefined); // there already: it keeps its position
        const messages = await (await deps.js.consumers.get(stream, CONSUMER)).consume({ max_messages: BATCH });
        const close = (): void => void messages.close();
        closers.add(close);
        let batch: { ack(): void }[] = [];
        for await (const m of messages) {
          const event = relayedEvent(domain, topic, jsonOf(m.string()));
          if (event) deps.writer.enqueue([event], [`fed-${domain}-${topic}-${m.seq}`]);
          else
            deps.logger.warn('refused a federated message that is not an event of its topic', { stream, seq: m.seq });
          batch.push(m);
          if (batch.length >= BATCH || m.info.pending === 0) {
            await deps.writer.flushed();
            for (const done of batch) done.ack();
            batch = [];
            attempt = 0;
          }
        }
        closers.delete(close);
      } catch (err) {
        if (!stopped) deps.logger.warn('relaying a federated stream failed; going on', { stream, error: String(err) });
      }
      if (!stopped) await retryPause(attempt);
    }
  };
  for (const site of sites) for (const topic of site.topics) void relay(site.domain, topic);
  return () => {
    stopped = true;
    for (const close of closers) close();
  };
}

/** `quang-ninh:econ.indicators,ops.alerts` → a site and its topics (`--federate`, `--directives-from`). */
export function parseFederatedSite(value: string): z.ZodSafeParseResult<FederatedSite> {
  const [domain = '', topics = ''] = value.split(':');
  return FederatedSite.safeParse({ domain, topics: topics.split(',').filter((t) => t.length > 0) });
}
