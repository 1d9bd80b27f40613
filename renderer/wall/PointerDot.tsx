// The presenter's pointer on this surface: a bright dot where the finger on the presenter page falls, when it falls
// on this surface. Only while a briefing is presented; gone when the finger lifts or the scene changes.
import { useEffect, useState, type ReactNode } from 'react';
import type { PointerAt } from '../../src/contract/pointer.js';
import type { Surface } from '../../src/contract/wall.js';
import { BRIEFING_STATE_KEY, BriefingStatePayload } from '../../src/domain/briefing/briefing-schema.js';
import { pointerOnSurface, wallBox } from '../../src/domain/briefing/pointer-place.js';
import { useLatestEvent, useSession, useSessionSnapshot } from '../state/session-context';
import './pointer-dot.css';

export function PointerDot({ surface }: { surface: Surface }): ReactNode {
  const session = useSession();
  const surfaces = useSessionSnapshot().hello?.surfaces;
  const raw = useLatestEvent('briefing.state', BRIEFING_STATE_KEY)?.payload;
  const parsed = raw === undefined ? undefined : BriefingStatePayload.safeParse(raw);
  const scene = parsed?.success && parsed.data.briefingId !== null ? parsed.data.sceneId : null;
  const [at, setAt] = useState<PointerAt | null>(null);
  useEffect(() => session.client.on('pointer', (change) => setAt(change.at)), [session]);
  // A new scene (or the end of the briefing) starts without the last scene's pointer.
  useEffect(() => setAt(null), [scene]);
  const wall = wallBox((surfaces ?? [surface]).map((s) => s.bounds));
  const place = at && wall && scene !== null ? pointerOnSurface(at, wall, surface.bounds) : null;
  if (!place) return null;
  return (
    <div
      className="wall__pointer"
      data-testid="wall-pointer"
      style={{ left: `${place.x * 100}%`, top: `${place.y * 100}%` }}
    />
  );
}
