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

/** [time, value] of each event, oldest first; throws NotAFigureError at the first payload without a number. */
export function valuePoints(events: readonly Envelope[]): Point[] {
  const points: Point[] = [];
  for (const e of events) {
    const parsed = FigurePayload.safeParse(e.payload);
    if (!parsed.success) throw new NotAFigureError(e.topic, e.key);
    points.push([e.time, parsed.data.value]);
  }
  return points;
}

/** History plus the latest value when it is newer than the history (e.g. older than the history's window). */
export function withLatest(history: readonly Envelope[], latest: Envelope | undefined): readonly Envelope[] {
  const last = history.at(-1);
  if (!latest || (last && last.offset >= latest.offset)) return history;
  return [...history, latest];
}
