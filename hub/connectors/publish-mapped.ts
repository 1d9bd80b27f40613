// Hands mapped events to the hub and refused items to the dead letters. publish refuses a whole batch when one
// event is bad (a key too long, say), so a refused batch is retried event by event: the good ones still go in.
import type { KnownTopic } from '../../src/contract/topics.js';
import type { MappedEvent, RefusedItem } from '../../src/domain/connectors/event-mapping.js';
import type { NewEvent } from '../event-log.js';
import type { ConnectorContext } from './connector.js';
import type { RunOutcome } from './poll-loop.js';

export function publishMapped(
  ctx: ConnectorContext,
  topic: KnownTopic,
  source: string,
  mapped: { events: readonly MappedEvent[]; refused: readonly RefusedItem[] },
): RunOutcome {
  const refused = [...mapped.refused];
  const events: NewEvent[] = mapped.events.map((e) => ({
    topic,
    source,
    key: e.key,
    time: e.time,
    payload: e.payload,
  }));
  let accepted = 0;
  if (events.length > 0) {
    try {
      accepted = ctx.publish(events).length;
    } catch {
      for (const event of events) {
        try {
          accepted += ctx.publish([event]).length;
        } catch (err) {
          refused.push({
            input: JSON.stringify(event.payload),
            location: `${topic}/${event.key}`,
            reason: `trung tâm từ chối sự kiện: ${err instanceof Error ? err.message.slice(0, 500) : String(err)}`,
          });
        }
      }
    }
  }
  for (const entry of refused) ctx.deadLetter(entry);
  return { accepted, refused: refused.length };
}
