// Points of one key's `payload.value` over time, whatever its topic. A key whose payload holds no number is the
// tile pointing at the wrong thing: that is reported as an error inside the tile, never drawn as zero.
import { z } from 'zod';
import type { Envelope } from '../../src/contract/hub-protocol.js';

export type Point = readonly [time: number, value: number];

const FigurePayload = z.object({ value: z.number().finite() });

export class NotAFigureError extends Error {
  constructor(
    readonly topic: string,
    readonly key: string,
  ) {
    super(`"${topic}" / "${key}" has no numeric payload.value`);
    this.name = 'NotAFigureError';
  }
}

// Each event is read once. A live chart re-reads its whole window whenever a point arrives: parsing thousands of
// payloads per point was most of what a wall of charts spent its CPU on. Events are never changed once received.
const readOnce = new WeakMap<Envelope, Point | null>();

/** [time, value] of one event; throws NotAFigureError when its payload holds no number. */
function pointOf(e: Envelope): Point {
  let point = readOnce.get(e);
  if (point === undefined) {
    const parsed = FigurePayload.safeParse(e.payload);
    point = parsed.success ? [e.time, parsed.data.value] : null;
    readOnce.set(e, point);
  }
  if (point === null) throw new NotAFigureError(e.topic, e.key);
  return point;
}

/** [time, value] of each event, oldest first; throws NotAFigureError at the first payload without a number. */
export function valuePoints(events: readonly Envelope[]): Point[] {
  return events.map(pointOf);
}

/**
 * The points of a window of events that moves forward (a live chart's history): each render reads only the events
 * that are new since the last one and drops those that left the window, instead of the whole window again.
 */
export class PointSeries {
  private readonly offsets: number[] = [];
  private readonly held: Point[] = [];

  /** Points of `events` (oldest first, offsets increasing); a fresh array each call. Throws like valuePoints. */
  of(events: readonly Envelope[]): Point[] {
    const first = events[0]?.offset ?? Number.POSITIVE_INFINITY;
    let gone = 0;
    while (gone < this.offsets.length && (this.offsets[gone] ?? 0) < first) gone++;
    this.offsets.splice(0, gone);
    this.held.splice(0, gone);
    // What is held must be exactly the start of `events`; anything else (a reload, a resync) starts again.
    const n = this.offsets.length;
    if (
      n > events.length ||
      (n > 0 && (events[0]?.offset !== this.offsets[0] || events[n - 1]?.offset !== this.offsets[n - 1]))
    ) {
      this.offsets.length = 0;
      this.held.length = 0;
    }
    for (let i = this.offsets.length; i < events.length; i++) {
      const e = events[i] as Envelope;
      const point = pointOf(e);
      this.offsets.push(e.offset);
      this.held.push(point);
    }
    return this.held.slice();
  }
}

/** History plus the latest value when it is newer than the history (e.g. older than the history's window). */
export function withLatest(history: readonly Envelope[], latest: Envelope | undefined): readonly Envelope[] {
  const last = history.at(-1);
  if (!latest || (last && last.offset >= latest.offset)) return history;
  return [...history, latest];
}
