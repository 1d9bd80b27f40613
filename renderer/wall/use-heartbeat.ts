// Every wall surface tells the host once a second that it is alive and painting: the text of its first live
// figure, its frame rate, and how many tiles it has and how many show an error.
import { useEffect, type RefObject } from 'react';
import { HEARTBEAT_PERIOD_MS } from '../../src/domain/wall/heartbeat-timing.js';
import type { Session } from '../state/session';
import { FpsCounter } from './fps-counter';

const SAMPLE_MAX = 200;
/**
 * The frame rate is sampled for one second in every five: a requestAnimationFrame loop keeps the whole rendering
 * pipeline running 60 times a second even on a wall where nothing changes, which is CPU a quiet wall need not
 * spend. The heartbeat reports the last sample.
 */
const FPS_SAMPLE_MS = 1000;
const FPS_EVERY_MS = 5000;

export function useHeartbeat(
  session: Session,
  surfaceId: string,
  tiles: number,
  root: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    let raf = 0;
    let sampleEnd: ReturnType<typeof setTimeout> | undefined;
    let fps = 0;
    let beating: ReturnType<typeof setInterval> | undefined;
    const sampleFps = (): void => {
      const counter = new FpsCounter();
      raf = requestAnimationFrame(function paint(t) {
        counter.frame(t);
        raf = requestAnimationFrame(paint);
      });
      // Ended by a timer, not by a frame: a window that paints nothing at all reports 0.
      sampleEnd = setTimeout(() => {
        cancelAnimationFrame(raf);
        fps = counter.fps(performance.now());
        if (beating === undefined) {
          beat();
          beating = setInterval(beat, HEARTBEAT_PERIOD_MS);
        }
      }, FPS_SAMPLE_MS);
    };
    const beat = (): void => {
      if (session.client.status.state !== 'connected') return;
      const element = root.current;
      const sample = element?.querySelector('[data-testid="kpi-value"]')?.textContent?.trim() ?? '';
      const tileErrors = element?.querySelectorAll('[data-state="error"]').length ?? 0;
      session.client
        .call('heartbeat', {
          surfaceId,
          sample: sample.slice(0, SAMPLE_MAX),
          fps,
          tiles,
          tileErrors,
        })
        .catch((err: unknown) => console.warn('[ioc-wall] heartbeat failed', err));
    };
    // The first heartbeat goes once there is a first frame rate to report.
    sampleFps();
    const sampler = setInterval(sampleFps, FPS_EVERY_MS);
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(sampleEnd);
      clearInterval(sampler);
      clearInterval(beating);
    };
  }, [session, surfaceId, tiles, root]);
}
