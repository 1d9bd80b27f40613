// Privacy mode in the host: follows the wall's state (`wall.state`, switched by `wall.setPrivacy`) and scrubs
// every event on its way to a window — the live feed, a page's hello and history — so no page, screenshot or
// page memory holds what the mode hides.
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { KnownTopic, TOPICS, type TopicDefinition } from '../../src/contract/topics.js';
import { WALL_STATE_KEY, WallStatePayload } from '../../src/domain/presets/preset-schema.js';
import { scrubEvent } from '../../src/domain/privacy/privacy-scrub.js';

export class PrivacyFilter {
  private on = false;

  /** `changed`: the mode switched (pages must be repainted, relays of sensitive cameras stopped). */
  constructor(private readonly changed: (on: boolean) => void) {}

  get active(): boolean {
    return this.on;
  }

  /** Takes in applied events (or the latest of everything after a snapshot); only `wall.state` matters. */
  ingest(events: readonly Envelope[]): void {
    for (const e of events) {
      if (e.topic !== 'wall.state' || e.key !== WALL_STATE_KEY) continue;
      const state = WallStatePayload.safeParse(e.payload);
      const on = state.success && state.data.privacy;
      if (on !== this.on) {
        this.on = on;
        this.changed(on);
      }
    }
  }

  scrub(events: Envelope[]): Envelope[] {
    if (!this.on) return events;
    return events.map((e) => {
      const topic = KnownTopic.safeParse(e.topic);
      const definition: TopicDefinition | undefined = topic.success ? TOPICS[topic.data] : undefined;
      return scrubEvent(e, definition?.personalFields ?? []);
    });
  }
}
