// The desk's keyboard map: one key per action, read from a key press that did not happen in a text field.
// Pure, unit-tested; the help overlay lists DESK_KEYS.

export type DeskAction =
  | 'down'
  | 'up'
  | 'select'
  | 'acknowledge'
  | 'shelve'
  | 'note'
  | 'assign'
  | 'resolve'
  | 'filter'
  | 'help'
  | 'mute'
  | 'close';

/** In the order the help overlay lists them. */
export const DESK_KEYS: readonly { readonly keys: readonly string[]; readonly action: DeskAction }[] = [
  { keys: ['j', 'ArrowDown'], action: 'down' },
  { keys: ['k', 'ArrowUp'], action: 'up' },
  { keys: ['x'], action: 'select' },
  { keys: ['a'], action: 'acknowledge' },
  { keys: ['s'], action: 'shelve' },
  { keys: ['n'], action: 'note' },
  { keys: ['u'], action: 'assign' },
  { keys: ['r'], action: 'resolve' },
  { keys: ['/'], action: 'filter' },
  { keys: ['m'], action: 'mute' },
  { keys: ['?'], action: 'help' },
  { keys: ['Escape'], action: 'close' },
];

const BY_KEY = new Map(DESK_KEYS.flatMap(({ keys, action }) => keys.map((k) => [k, action] as const)));

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** The press happened in a field where the key is text (input, textarea, select, contenteditable). */
  readonly inField: boolean;
}

/** The desk's action for a key press, or null: keys with a modifier and keys typed in a field are not the desk's. */
export function deskAction(press: KeyPress): DeskAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.inField) return press.key === 'Escape' ? 'close' : null;
  return BY_KEY.get(press.key) ?? null;
}
