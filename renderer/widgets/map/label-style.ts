// How map labels are set: deck.gl's text layer draws them and the declutter measures them with the same font,
// size and line height, or labels would overlap or be dropped for nothing.

export const LABEL_FONT_FAMILY = '"Be Vietnam Pro", "Noto Sans", sans-serif';
export const LABEL_FONT_WEIGHT = 600;
export const LABEL_LINE_HEIGHT = 1.1;

/** A label's size in pixels: an archipelago's a little smaller than a province's or a warning's. */
export function labelPx(kind: 'province' | 'archipelago' | 'warning', fontPx: number): number {
  return kind === 'archipelago' ? fontPx * 0.85 : fontPx;
}

/** The CSS font of a label line of `px` pixels (canvas measuring, font loading). */
export function labelFont(px: number): string {
  return `${LABEL_FONT_WEIGHT} ${px}px ${LABEL_FONT_FAMILY}`;
}
