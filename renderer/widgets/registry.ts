// The widget kinds by name, built from the list in ./index: the wall instantiates a tile from its kind and raw
// settings without knowing the kind's settings type; the layout editor finds a kind's settings schema.
import { WIDGETS } from './index';
import type { TileInstantiation, Widget } from './widget-definition';

const byKind = new Map<string, Widget>(WIDGETS.map((widget) => [widget.kind, widget]));

export function widgetOfKind(kind: string): Widget | undefined {
  return byKind.get(kind);
}

export function instantiateTile(kind: string, rawSettings: unknown): TileInstantiation {
  const widget = byKind.get(kind);
  if (!widget) return { ok: false, error: 'unknown-kind', detail: `known kinds: ${[...byKind.keys()].join(', ')}` };
  return widget.instantiate(rawSettings);
}
