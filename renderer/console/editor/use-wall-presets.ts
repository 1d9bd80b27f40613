// The presets and the wall's state as this console holds them: values of `wall.presets` and `wall.state` in the
// page's latest store (from hello, then from the feed), so every console sees the same, offline included.
import { PresetPayload, WALL_STATE_KEY, WallStatePayload } from '../../../src/domain/presets/preset-schema.js';
import { useLatest } from '../../state/session-context';

export interface WallPresets {
  /** Presets that are not deleted, by name. */
  readonly presets: readonly PresetPayload[];
  /** Every preset id ever used, deleted ones too (a new preset must not take one). */
  readonly byId: ReadonlyMap<string, PresetPayload>;
  readonly state: WallStatePayload | null;
}

const TOPICS = ['wall.presets', 'wall.state'] as const;

export function useWallPresets(): WallPresets {
  const values = useLatest(TOPICS);
  const byId = new Map<string, PresetPayload>();
  for (const e of values.topic('wall.presets')) {
    // The store holds validated envelopes; parsing again gives the typed payload (and skips a foreign shape).
    const parsed = PresetPayload.safeParse(e.payload);
    if (parsed.success) byId.set(e.key, parsed.data);
  }
  const raw = values.get('wall.state', WALL_STATE_KEY)?.payload;
  const state = raw === undefined ? null : WallStatePayload.safeParse(raw);
  return {
    presets: [...byId.values()].filter((p) => !p.deleted).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    byId,
    state: state?.success ? state.data : null,
  };
}
