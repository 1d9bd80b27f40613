// A small JSONPath subset for mapping a REST response or a webhook body to events: `$`, `.name`, `[n]` and `[*]`
// (every element of an array). Enough to reach the fields of the JSON our sources send, small enough to read in
// one screen; anything else is refused when the config is loaded, not when the data arrives.
type SelectorStep = { kind: 'name'; name: string } | { kind: 'index'; index: number } | { kind: 'all' };

export interface Selector {
  readonly text: string;
  readonly steps: readonly SelectorStep[];
  /** True when it can match more than one value (contains `[*]`). */
  readonly many: boolean;
}

export type SelectorParse = { ok: true; selector: Selector } | { ok: false; error: string };

const NAME = /^[^.[\]\s]+/;

/** Parses `$.data.items[*].value`, `items[0].name` or `$`; the leading `$` is optional. */
export function parseSelector(text: string): SelectorParse {
  let rest = text.trim().replace(/^\$/, '');
  const steps: SelectorStep[] = [];
  let first = true;
  while (rest.length > 0) {
    if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      const inner = close < 0 ? '' : rest.slice(1, close);
      if (inner === '*') steps.push({ kind: 'all' });
      else if (/^\d{1,9}$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else return { ok: false, error: `"${text}": expected [n] or [*] at "${rest}"` };
      rest = rest.slice(close + 1);
    } else {
      if (rest.startsWith('.')) rest = rest.slice(1);
      else if (!first) return { ok: false, error: `"${text}": expected . or [ at "${rest}"` };
      const name = NAME.exec(rest)?.[0];
      if (!name) return { ok: false, error: `"${text}": expected a field name at "${rest}"` };
      steps.push({ kind: 'name', name });
      rest = rest.slice(name.length);
    }
    first = false;
  }
  return { ok: true, selector: { text, steps, many: steps.some((s) => s.kind === 'all') } };
}

/** Every value the selector reaches in `doc`; empty when a step finds nothing. Own properties only. */
export function selectAll(doc: unknown, selector: Selector): unknown[] {
  let current: unknown[] = [doc];
  for (const step of selector.steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step.kind === 'all') {
        if (Array.isArray(value)) next.push(...(value as unknown[]));
      } else if (step.kind === 'index') {
        if (Array.isArray(value) && step.index < value.length) next.push(value[step.index]);
      } else if (
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.hasOwn(value, step.name)
      ) {
        next.push((value as Record<string, unknown>)[step.name]);
      }
    }
    current = next;
  }
  return current;
}

/** The value a field selector stands for: the list of matches for `[*]`, else the one match (undefined: none). */
export function selectValue(doc: unknown, selector: Selector): unknown {
  const found = selectAll(doc, selector);
  return selector.many ? found : found[0];
}
