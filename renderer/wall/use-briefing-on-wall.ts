// What a briefing asks of this surface, from `briefing.state` in the page's latest store: black, a tile
// spotlighted (this surface's own, or — spotlighted across the wall — another surface's, found in the scene's
// preset) and whether a briefing holds the wall at all (`inProgress`: the flag alarm choreography reads, also on
// the page as `data-briefing="on"` on `.wall`, so it does not take the wall over while a leader presents).
import {
  BRIEFING_STATE_KEY,
  BriefingPayload,
  BriefingStatePayload,
  briefingInProgress,
  type Spotlight,
} from '../../src/domain/briefing/briefing-schema.js';
import { currentScene } from '../../src/domain/briefing/presentation.js';
import { sceneLayouts } from '../../src/domain/briefing/scene-layouts.js';
import { PresetPayload } from '../../src/domain/presets/preset-schema.js';
import type { Surface, Tile } from '../../src/contract/wall.js';
import { useLatest, useLatestEvent } from '../state/session-context';

export interface BriefingOnWall {
  readonly inProgress: boolean;
  readonly black: boolean;
  readonly spotlight: Spotlight | null;
  /** The tile this surface enlarges over everything, when the spotlight reaches it. */
  readonly spotTile: Tile | null;
}

const SCENE_TOPICS = ['briefing.briefings', 'wall.presets'] as const;

export function useBriefingOnWall(surface: Surface): BriefingOnWall {
  const raw = useLatestEvent('briefing.state', BRIEFING_STATE_KEY)?.payload;
  const parsed = raw === undefined ? undefined : BriefingStatePayload.safeParse(raw);
  const state = parsed?.success ? parsed.data : null;
  const values = useLatest(SCENE_TOPICS);
  const spotlight = briefingInProgress(state) ? (state?.spotlight ?? null) : null;
  let spotTile: Tile | null = null;
  if (spotlight && spotlight.surfaceId === surface.id) {
    spotTile = surface.layout.tiles.find((t) => t.id === spotlight.tileId) ?? null;
  } else if (spotlight?.scope === 'wall' && state) {
    // Another surface's tile: read from the scene's preset, with the scene's focus.
    const briefing = BriefingPayload.safeParse(values.get('briefing.briefings', state.briefingId ?? '')?.payload);
    const scene = briefing.success ? currentScene(state, briefing.data) : null;
    const preset = scene ? PresetPayload.safeParse(values.get('wall.presets', scene.presetId)?.payload) : null;
    const layout = preset?.success && scene ? sceneLayouts(preset.data, scene)[spotlight.surfaceId] : undefined;
    spotTile = layout?.tiles.find((t) => t.id === spotlight.tileId) ?? null;
  }
  return {
    inProgress: briefingInProgress(state),
    black: briefingInProgress(state) && state?.black === true,
    spotlight,
    spotTile,
  };
}
