// Whether privacy mode is on, as the wall's state (`wall.state`) says: what every surface's indicator and the
// console's switch show.
import { WALL_STATE_KEY, WallStatePayload } from '../../src/domain/presets/preset-schema.js';
import { useLatestEvent } from '../state/session-context';

export function usePrivacyMode(): boolean {
  const event = useLatestEvent('wall.state', WALL_STATE_KEY);
  const state = WallStatePayload.safeParse(event?.payload);
  return state.success && state.data.privacy;
}
