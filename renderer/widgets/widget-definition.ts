// What a widget kind provides, and the tile maker it becomes. Each kind lives in renderer/widgets/<kind>/ and
// exports one definition; renderer/widgets/index.ts lists them all.
import { createElement, type ComponentType, type ReactElement } from 'react';
import { z } from 'zod';
import type { KnownTopic } from '../../src/contract/hub-protocol.js';
import type { TileFocusSpec } from '../../src/contract/wall.js';
import type { LatestValues } from '../../src/domain/latest-values.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { newestTime } from '../state/payloads';

export interface WidgetProps<S> {
  readonly tileId: string;
  readonly settings: S;
  /** During a briefing's scene: what the tile is to show (a kind that has no use for it ignores it). */
  readonly focus?: TileFocusSpec;
}

export interface WidgetDefinition<S> {
  readonly kind: string;
  /** The kind's name in the layout editor's palette. */
  readonly labelKey: MessageKey;
  /** Parses a tile's `settings`, filling defaults; a failure is shown inside the tile. */
  readonly settings: z.ZodType<S>;
  /** Topics the tile reads: it re-renders when they change, and its age badge follows them. */
  topics(settings: S): readonly KnownTopic[];
  /** Source time of the newest figure the tile shows (null: nothing yet). Default: newest event of its topics. */
  asOf?(settings: S, values: LatestValues): number | null;
  readonly Component: ComponentType<WidgetProps<S>>;
  /**
   * A graphic (a map, a video, a chart line) still reads with a bezel through it; every other kind is text, and
   * the layout editor warns when a text tile lies across a seam between monitors (docs/wall-model.md).
   */
  readonly crossesSeams?: boolean;
  /** Shows only the present (a camera, a clock): while the wall is shown as of a time, the tile says so instead. */
  readonly liveOnly?: boolean;
}

/** A tile whose settings parsed: what the wall needs to draw it and judge its freshness. */
export interface TileInstance {
  readonly kind: string;
  readonly topics: readonly KnownTopic[];
  readonly liveOnly: boolean;
  asOf(values: LatestValues): number | null;
  render(tileId: string, focus?: TileFocusSpec): ReactElement;
}

export type TileInstantiation =
  { ok: true; tile: TileInstance } | { ok: false; error: 'unknown-kind' | 'bad-settings'; detail: string };

/** A widget kind whatever its settings type: the wall instantiates any tile from raw settings. */
export interface Widget {
  readonly kind: string;
  readonly labelKey: MessageKey;
  /** Kept for the layout editor, which builds each kind's settings form from it. */
  readonly settings: z.ZodType;
  /** May lie across a seam of a spanning surface (graphics); text kinds are kept off seams. */
  readonly crossesSeams: boolean;
  instantiate(rawSettings: unknown): TileInstantiation;
}

/** Closes a definition over its own settings type, so that a list of kinds needs no settings type at all. */
export function defineWidget<S>(definition: WidgetDefinition<S>): Widget {
  return {
    kind: definition.kind,
    labelKey: definition.labelKey,
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
          liveOnly: definition.liveOnly ?? false,
          asOf: (values) => (definition.asOf ? definition.asOf(settings, values) : newestTime(values, topics)),
          render: (tileId, focus) => createElement(definition.Component, { tileId, settings, focus }),
        },
      };
    },
  };
}
