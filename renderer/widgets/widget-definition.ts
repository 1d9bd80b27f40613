// What a widget kind provides. Each kind lives in renderer/widgets/<kind>/ and registers one of these.
import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { KnownTopic } from '../../src/contract/hub-protocol.js';
import type { LatestValues } from '../../src/domain/latest-values.js';

export interface WidgetProps<S> {
  readonly tileId: string;
  readonly settings: S;
}

export interface WidgetDefinition<S> {
  readonly kind: string;
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
}
