// How each benchmark prints: a title, what it measures, an aligned table, and its targets (information only).
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

/** A number for a table: thousands separated, `digits` decimals. */
export function fmt(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (typeof value !== 'number') return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Renders rows (arrays of cells) under a header as an aligned text table; numbers-looking cells are right-aligned.
 */
export function table(header, rows, indent = '  ') {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) =>
    rows.every((r) => /^[-+]?[\d,.]+( ?[a-zA-Z%×/]+)?$|^—?$/.test(String(r[i] ?? ''))),
  );
  const line = (r) =>
    indent +
    r
      .map((c, i) => (numeric[i] && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}
