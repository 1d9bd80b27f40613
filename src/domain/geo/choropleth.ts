// Classes of a choropleth: value ranges and their colours, from the values of the provinces being drawn.
// Pure, so the legend and the map are computed by one function and cannot disagree.

export type Rgb = readonly [number, number, number];
type ClassMethod = 'quantile' | 'equal-interval';

/**
 * Viridis from dark blue to yellow, without its near-black end, which would vanish on the dark basemap.
 * Perceptually ordered and readable with the common colour-vision deficiencies; lighter means more.
 */
export const SEQUENTIAL_PALETTE: readonly Rgb[] = [
  [70, 50, 126],
  [54, 92, 141],
  [39, 127, 142],
  [31, 161, 135],
  [74, 193, 109],
  [160, 218, 57],
  [253, 231, 37],
];

/** Fill of a province with no figure: a neutral grey the palette never uses. */
export const NO_DATA_COLOR: Rgb = [58, 66, 78];

interface ChoroplethClass {
  readonly index: number;
  /** Inclusive lower bound. */
  readonly min: number;
  /** Upper bound: exclusive, except for the last class, which includes it. */
  readonly max: number;
  readonly color: Rgb;
  /** How many of the classified values fall in it. */
  readonly count: number;
}

export interface Choropleth {
  readonly classes: readonly ChoroplethClass[];
  /** Decimals the class bounds are rounded to: how many a legend needs to print them exactly. */
  readonly digits: number;
  /** Index of the class a value falls in; null for a value outside every class or not finite. */
  classOf(value: number): number | null;
}

export interface ClassifyOptions {
  /** Wanted number of classes, 2–7; fewer come out when the values have fewer distinct levels. */
  readonly classes: number;
  readonly method: ClassMethod;
}

/** Colours for n classes, spread over the whole palette so that neighbouring classes stay distinguishable. */
export function paletteFor(n: number): Rgb[] {
  const last = SEQUENTIAL_PALETTE.length - 1;
  if (n <= 1) return [SEQUENTIAL_PALETTE[Math.round(last / 2)] as Rgb];
  return Array.from({ length: n }, (_, i) => SEQUENTIAL_PALETTE[Math.round((i * last) / (n - 1))] as Rgb);
}

/** A rounding step for break values: about two significant digits of the range, so the legend reads cleanly. */
export function breakStep(min: number, max: number): number {
  const range = max - min;
  const magnitude = range > 0 ? range : Math.abs(max) || 1;
  // Half the range, so that a range of 100 splits at 25 and 75 rather than rounding them to 30 and 80.
  // Figures finer than a billionth are not statistics; the floor also keeps toFixed within its range.
  return Math.max(1e-9, 10 ** (Math.floor(Math.log10(magnitude / 2)) - 1));
}

function roundTo(value: number, step: number, how: 'floor' | 'ceil' | 'round'): number {
  // Round in units of the step, then undo, keeping the decimals a step of 0.1 or 0.01 implies.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math[how](value / step) * step).toFixed(digits));
}

function quantileBreaks(sorted: readonly number[], n: number): number[] {
  const breaks: number[] = [];
  for (let i = 1; i < n; i++) {
    const position = (i * (sorted.length - 1)) / n;
    const lo = sorted[Math.floor(position)] as number;
    const hi = sorted[Math.ceil(position)] as number;
    breaks.push(lo + (hi - lo) * (position - Math.floor(position)));
  }
  return breaks;
}

export function classify(values: readonly number[], options: ClassifyOptions): Choropleth {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return { classes: [], digits: 0, classOf: () => null };
  const min = finite[0] as number;
  const max = finite[finite.length - 1] as number;
  const wanted = Math.max(2, Math.min(7, Math.round(options.classes)));
  const step = breakStep(min, max);
  const inner =
    options.method === 'quantile'
      ? quantileBreaks(finite, wanted)
      : Array.from({ length: wanted - 1 }, (_, i) => min + ((i + 1) * (max - min)) / wanted);
  // Outer edges never cut off the extremes, whatever floating point does to the rounding.
  const edges = [
    Math.min(min, roundTo(min, step, 'floor')),
    ...inner.map((b) => roundTo(b, step, 'round')),
    Math.max(max, roundTo(max, step, 'ceil')),
  ];
  // Ties (many equal values, or breaks closer than the rounding step) would make empty or inverted classes.
  const distinct = edges.filter((edge, i) => i === 0 || edge > (edges[i - 1] as number));
  if (distinct.length === 1) distinct.push(distinct[0] as number); // every value equal: one class [v, v]
  const count = distinct.length - 1;
  const colors = paletteFor(count);
  const lastIndex = count - 1;
  const classOf = (value: number): number | null => {
    if (!Number.isFinite(value) || value < (distinct[0] as number) || value > (distinct[count] as number)) return null;
    for (let i = 0; i < lastIndex; i++) if (value < (distinct[i + 1] as number)) return i;
    return lastIndex;
  };
  const counts = new Array<number>(count).fill(0);
  for (const v of finite) {
    const c = classOf(v);
    if (c !== null) counts[c] = (counts[c] ?? 0) + 1;
  }
  const classes = colors.map((color, index) => ({
    index,
    min: distinct[index] as number,
    max: distinct[index + 1] as number,
    color,
    count: counts[index] ?? 0,
  }));
  return { classes, digits: Math.max(0, -Math.floor(Math.log10(step))), classOf };
}

/** "#46327e": how the legend names a colour, for CSS and for tests that look for it on screen. */
export function hexColor([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
