// The renderer's copy of the latest event of every key, as an external store for useSyncExternalStore.
// Versions are kept per topic so that a burst of live counters does not re-render the alerts or tasks tiles.
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { LatestValues } from '../../src/domain/latest-values.js';

export class LatestStore {
  private current = new LatestValues();
  /** Bumped by reset(): a snapshot from before a reset never equals one after it. */
  private generation = 0;
  private readonly topicVersions = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  get values(): LatestValues {
    return this.current;
  }

  /** Replaces everything held (hello's `latest`: a full picture, also after the hub's log was reset). */
  reset(events: readonly Envelope[]): void {
    this.current = new LatestValues();
    // LatestValues refuses an offset at or below the highest held for its topic, and a snapshot of latest
    // values per key comes in no particular order: apply it oldest first so every key is kept.
    for (const event of [...events].sort((a, b) => a.offset - b.offset)) this.current.apply(event);
    this.generation++;
    this.emit();
  }

  /** Applies a batch of the feed; older offsets than held are ignored. Returns how many were applied. */
  apply(batch: readonly Envelope[]): number {
    let applied = 0;
    for (const event of batch) {
      if (this.current.apply(event)) {
        applied++;
        this.topicVersions.set(event.topic, (this.topicVersions.get(event.topic) ?? 0) + 1);
      }
    }
    if (applied > 0) this.emit();
    return applied;
  }

  /** A value that changes whenever anything of these topics changes (a string, so React compares by value). */
  version(topics: readonly string[]): string {
    return `${this.generation}:${topics.map((t) => this.topicVersions.get(t) ?? 0).join(',')}`;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
