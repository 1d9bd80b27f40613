// The map of widget kinds. A definition is typed by its own settings; registering it closes over that type, so
// the wall can instantiate any tile from raw settings without knowing the kind's settings type.
import { createElement, type ReactElement } from 'react';
import { z } from 'zod';
import type { KnownTopic } from '../../src/contract/hub-protocol.js';
import type { LatestValues } from '../../src/domain/latest-values.js';
import { newestTime } from '../state/payloads';
import type { WidgetDefinition } from './widget-definition';

/** A tile whose settings parsed: what the wall needs to draw it and judge its freshness. */
export interface TileInstance {
  readonly kind: string;
  readonly topics: readonly KnownTopic[];
  asOf(values: LatestValues): number | null;
  render(tileId: string): ReactElement;
}

export type TileInstantiation =
  { ok: true; tile: TileInstance } | { ok: false; error: 'unknown-kind' | 'bad-settings'; detail: string };

interface RegisteredWidget {
  readonly kind: string;
  /** Kept for the layout editor, which builds each kind's settings form from it. */
  readonly settings: z.ZodType;
  readonly crossesSeams: boolean;
  instantiate(rawSettings: unknown): TileInstantiation;
}

const registry = new Map<string, RegisteredWidget>();

export function registerWidget<S>(definition: WidgetDefinition<S>): void {
  if (registry.has(definition.kind)) throw new Error(`widget kind "${definition.kind}" is registered twice`);
  registry.set(definition.kind, {
    kind: definition.kind,
    settings: definition.settings,
    crossesSeams: definition.crossesSeams ?? false,
    instantiate(rawSettings) {
      const parsed = definition.settings.safeParse(rawSettings ?? {});
      if (!parsed.success) return { ok: false, error: 'bad-settings', detail: z.prettifyError(parsed.error) };
      const settings = parsed.data;
      const topics = definition.topics(settings);
      return {
        ok: true,
        tile: {
          kind: definition.kind,
          topics,
          asOf: (values) => (definition.asOf ? definition.asOf(settings, values) : newestTime(values, topics)),
          render: (tileId) => createElement(definition.Component, { tileId, settings }),
        },
      };
    },
  });
}

export function instantiateTile(kind: string, rawSettings: unknown): TileInstantiation {
  const widget = registry.get(kind);
  if (!widget) return { ok: false, error: 'unknown-kind', detail: `known kinds: ${widgetKinds().join(', ')}` };
  return widget.instantiate(rawSettings);
}

/** Every kind with its settings schema, by kind: the layout editor's palette, settings forms and seam check. */
export function widgetCatalog(): Array<{ kind: string; settings: z.ZodType; crossesSeams: boolean }> {
  return widgetKinds().map((kind) => {
    const { settings, crossesSeams } = registry.get(kind)!;
    return { kind, settings, crossesSeams };
  });
}

export function widgetKinds(): string[] {
  return [...registry.keys()].sort();
}
