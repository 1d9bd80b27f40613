// Which cameras this page shows, told to the host (`showCameras`, the whole set each time): the host relays an
// RTSP camera only while some page shows it. Told again after every hello, since the host forgets a page that
// disconnected.
import { useEffect } from 'react';
import type { Session } from '../state/session';
import { useSession, useSessionSnapshot } from '../state/session-context';

const TELL_DELAY_MS = 100;

class ShownCameras {
  private readonly byTile = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly session: Session) {}

  set(tileId: string, cameraId: string | null): void {
    if (cameraId === null) this.byTile.delete(tileId);
    else this.byTile.set(tileId, cameraId);
    this.tell();
  }

  /** Coalesced: a preset switch that swaps every tile tells the host once. */
  tell(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const ids = [...new Set(this.byTile.values())];
      // A refusal changes nothing here: the tile shows its slate when no picture comes.
      this.session.client.call('showCameras', { ids }).catch(() => undefined);
    }, TELL_DELAY_MS);
  }
}

const registries = new WeakMap<Session, ShownCameras>();

/** This tile shows `cameraId` (null: no camera of the list) for as long as it is mounted. */
export function useShownCamera(tileId: string, cameraId: string | null): void {
  const session = useSession();
  const { hello } = useSessionSnapshot();
  let shown = registries.get(session);
  if (!shown) {
    shown = new ShownCameras(session);
    registries.set(session, shown);
  }
  const registry = shown;
  useEffect(() => {
    registry.set(tileId, cameraId);
    return () => registry.set(tileId, null);
  }, [registry, tileId, cameraId]);
  // A new hello is a new connection (or a host that repainted us): tell it again.
  useEffect(() => {
    if (hello) registry.tell();
  }, [registry, hello]);
}
