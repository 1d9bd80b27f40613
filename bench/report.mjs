// How each benchmark prints: a title, what it measures, an aligned table, and its targets (information only).
import { fmt, table } from './stats.mjs';

export function section(title, lines = []) {
  return ['', `== ${title}`, ...lines.map((l) => `   ${l}`)].join('\n');
}

/** One line per target: what was asked, what was measured, and whether it was met (never a failure). */
export function targetLines(targets) {
  return targets
    .map(
      (t) =>
        `  target: ${t.what.padEnd(48)} measured ${String(t.measured).padStart(12)}   ${
          t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met'
        }`,
    )
    .join('\n');
}

export { fmt, table };
