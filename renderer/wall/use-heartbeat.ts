// Every wall surface tells the host once a second that it is alive and painting: the text of its first live
// figure, its frame rate, and how many tiles it has and how many show an error.
import { useEffect, type RefObject } from 'react';
import type { Session } from '../state/session';
import { FpsCounter } from './fps-counter';

const SAMPLE_MAX = 200;

export function useHeartbeat(
  session: Session,
  surfaceId: string,
  tiles: number,
  root: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const counter = new FpsCounter();
    let raf = requestAnimationFrame(function paint(t) {
      counter.frame(t);
      raf = requestAnimationFrame(paint);
    });
    const timer = setInterval(() => {
      if (session.client.status.state !== 'connected') return;
      const element = root.current;
      const sample = element?.querySelector('[data-testid="kpi-value"]')?.textContent?.trim() ?? '';
      const tileErrors = element?.querySelectorAll('[data-state="error"]').length ?? 0;
      session.client
        .call('heartbeat', {
          surfaceId,
          sample: sample.slice(0, SAMPLE_MAX),
          fps: counter.fps(performance.now()),
          tiles,
          tileErrors,
        })
        .catch((err: unknown) => console.warn('[ioc-wall] heartbeat failed', err));
    }, 1000);
    return () => {
      cancelAnimationFrame(raf);
      clearInterval(timer);
    };
  }, [session, surfaceId, tiles, root]);
}
