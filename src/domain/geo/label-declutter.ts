// Which map labels to draw so that none overlaps another: greedy, most important first. Overlapping names
// cannot be read from five metres; a province whose name is dropped still shows its colour, its hover details
// and reappears when zoomed in.

export interface LabelBox {
  /** Centre on screen, pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Higher is placed first. */
  readonly priority: number;
}

/** Indices of the labels kept, in input order. `gap` is extra clearance around each box, in pixels. */
export function declutter(boxes: readonly LabelBox[], gap = 2): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[b]?.priority ?? 0) - (boxes[a]?.priority ?? 0) || a - b);
  const placed: LabelBox[] = [];
  const kept: number[] = [];
  for (const i of order) {
    const box = boxes[i] as LabelBox;
    const overlaps = placed.some(
      (p) =>
        Math.abs(p.x - box.x) * 2 < p.width + box.width + 2 * gap &&
        Math.abs(p.y - box.y) * 2 < p.height + box.height + 2 * gap,
    );
    if (!overlaps) {
      placed.push(box);
      kept.push(i);
    }
  }
  return kept.sort((a, b) => a - b);
}
