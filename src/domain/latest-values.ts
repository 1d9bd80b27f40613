// The latest event of every (topic, key): what a tile shows now. Pure, so the host's store and the renderer's
// view apply events by one rule: an older offset never overwrites a newer one.
import type { Envelope } from '../contract/hub-protocol.js';

export class LatestValues {
  private readonly byTopic = new Map<string, Map<string, Envelope>>();
  private readonly offsets = new Map<string, number>();

  /** Applies an event; returns false (and changes nothing) when it is not newer than what is held. */
  apply(event: Envelope): boolean {
    const held = this.offsets.get(event.topic) ?? 0;
    if (event.offset <= held) return false;
    this.offsets.set(event.topic, event.offset);
    let keys = this.byTopic.get(event.topic);
    if (!keys) {
      keys = new Map();
      this.byTopic.set(event.topic, keys);
    }
    keys.set(event.key, event);
    return true;
  }

  /** Replaces everything held of a topic by a snapshot of its keys, held as of offset `upTo`. */
  replaceTopic(topic: string, upTo: number, events: readonly Envelope[]): void {
    const keys = new Map<string, Envelope>();
    for (const e of [...events].sort((a, b) => a.offset - b.offset)) keys.set(e.key, e);
    this.byTopic.set(topic, keys);
    this.offsets.set(topic, upTo);
  }

  get(topic: string, key: string): Envelope | undefined {
    return this.byTopic.get(topic)?.get(key);
  }

  topic(topic: string): readonly Envelope[] {
    return [...(this.byTopic.get(topic)?.values() ?? [])];
  }

  offset(topic: string): number {
    return this.offsets.get(topic) ?? 0;
  }

  all(): Envelope[] {
    return [...this.byTopic.values()].flatMap((keys) => [...keys.values()]);
  }

  get size(): number {
    let n = 0;
    for (const keys of this.byTopic.values()) n += keys.size;
    return n;
  }
}
