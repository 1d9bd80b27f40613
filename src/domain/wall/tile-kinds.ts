// Which tiles are text (read from five metres: a seam through a figure or a row makes it unreadable) and which
// are graphics (a map, a video, a chart line: continuous behind the bezel reads fine). Unknown kinds count as
// text, so a new widget is kept off seams until someone says it may cross them.

export const TEXT_KINDS: readonly string[] = [
  'kpi',
  'tasks',
  'alerts',
  'clock',
  'text',
  'ticker',
  'bars',
  'gauge',
  'stacked',
  'connection',
];

export const GRAPHIC_KINDS: readonly string[] = ['map', 'video', 'timeseries', 'image', 'test-pattern'];

export function isTextKind(kind: string, graphicKinds: readonly string[] = GRAPHIC_KINDS): boolean {
  return !graphicKinds.includes(kind);
}
