// A plain text table for a terminal: columns padded to their widest cell, a rule under the header.
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string): number => [...s].length;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
