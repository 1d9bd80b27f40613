// Where each surface of the wall sits in the pack's picture of it. The wall's own arrangement when it fits the page
// well; a wall much wider than the page (five monitors in a row) is folded into rows instead, in reading order, so
// its tiles are not printed as a thin strip. Pure, unit-tested.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Arrangement {
  /** Each surface's place, in the order given, relative to the picture's top-left corner. */
  places: Box[];
  width: number;
  height: number;
  /** Page pixels per wall pixel. */
  scale: number;
}

/** Folding must make the picture this much larger to be worth losing the wall's real arrangement. */
const FOLD_GAIN = 1.3;

function fit(width: number, height: number, room: { width: number; height: number }): number {
  return Math.min(room.width / width, room.height / height);
}

export function arrangePicture(bounds: readonly Box[], room: { width: number; height: number }): Arrangement {
  const left = Math.min(...bounds.map((b) => b.x));
  const top = Math.min(...bounds.map((b) => b.y));
  const width = Math.max(...bounds.map((b) => b.x + b.width)) - left;
  const height = Math.max(...bounds.map((b) => b.y + b.height)) - top;
  let best: Arrangement = {
    places: bounds.map((b) => ({ ...b, x: b.x - left, y: b.y - top })),
    width,
    height,
    scale: fit(width, height, room),
  };
  const order = bounds.map((b, i) => ({ b, i })).sort((p, q) => p.b.y - q.b.y || p.b.x - q.b.x);
  const cellW = Math.max(...bounds.map((b) => b.width));
  const cellH = Math.max(...bounds.map((b) => b.height));
  for (let columns = 1; columns < bounds.length; columns++) {
    const rows = Math.ceil(bounds.length / columns);
    const scale = fit(columns * cellW, rows * cellH, room);
    if (scale <= best.scale * FOLD_GAIN) continue;
    const places: Box[] = new Array<Box>(bounds.length);
    order.forEach(({ b, i }, k) => {
      places[i] = { x: (k % columns) * cellW, y: Math.floor(k / columns) * cellH, width: b.width, height: b.height };
    });
    best = { places, width: columns * cellW, height: rows * cellH, scale };
  }
  return best;
}
