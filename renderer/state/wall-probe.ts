// The measuring harness of the Open MCT peer (`../shared/peers/openmct/measure.mjs`, used by `npm run bench`)
// injects `window.__wallProbe` before any page script; pages tell it each datum they apply. Absent everywhere else.

export interface WallProbe {
  /** One datum (or `count` of them) of `series` applied, with its source time on the Date.now() clock. */
  data(series: string, sourceEpochMs?: number, count?: number): void;
}

/** The harness's probe, or undefined: callers do nothing then. */
export function wallProbe(): WallProbe | undefined {
  return (globalThis as { __wallProbe?: WallProbe }).__wallProbe;
}
