// The keys of a presentation clicker or keyboard while a briefing is presented: clickers send PageDown/PageUp
// (some the arrows) and B for a black screen, as presentation software expects.
export type PresenterAction = 'next' | 'previous' | 'black';

export function presenterAction(key: string): PresenterAction | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
      return 'next';
    case 'PageUp':
    case 'ArrowLeft':
      return 'previous';
    case 'b':
    case 'B':
      return 'black';
    default:
      return null;
  }
}

/** A key typed into a field is text, not a clicker's press. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  return el?.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el?.tagName ?? '');
}
