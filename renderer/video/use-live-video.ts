// The life of one live video in a tile: attach the source, watch that frames keep coming, and when they stop or
// the source fails, show the loss and try again with a growing delay (1 s → 10 s) until pictures come back.
import { useEffect, useState, type RefObject } from 'react';
import { ProgressWatch } from './progress-watch';
import { retryDelayMs } from './retry-backoff';
import type { VideoSourceKind } from './source-types';
import { attachSource } from './video-source';

type LiveState = 'connecting' | 'playing' | 'lost';

export interface LiveVideo {
  readonly state: LiveState;
  /** When pictures stopped (epoch ms), while lost. */
  readonly lostAt: number | null;
  /** Why, in the words of the source or the watchdog, while lost. */
  readonly reason: string | null;
}

export interface LiveVideoOptions {
  kind: VideoSourceKind;
  url: string;
  loop: boolean;
  stallMs: number;
  /** False while the tile is beyond the decode budget: nothing is attached. */
  enabled: boolean;
  /** Called with the element just before a source is detached (e.g. to keep a still of it). */
  beforeDetach?: (video: HTMLVideoElement) => void;
}

const SAMPLE_MS = 500;
const INITIAL: LiveVideo = { state: 'connecting', lostAt: null, reason: null };

export function useLiveVideo(ref: RefObject<HTMLVideoElement | null>, options: LiveVideoOptions): LiveVideo {
  const [live, setLive] = useState<LiveVideo>(INITIAL);
  const { kind, url, loop, stallMs, enabled, beforeDetach } = options;
  useEffect(() => {
    const video = ref.current;
    if (!enabled || !video) return;
    const watch = new ProgressWatch(stallMs);
    let detach: (() => void) | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    // Bumped on every attachment and on cleanup, so a late error of an old attachment changes nothing.
    let generation = 0;
    let current: LiveVideo = INITIAL;
    const set = (next: LiveVideo): void => {
      current = next;
      setLive(next);
    };

    const stop = (): void => {
      if (!detach) return;
      beforeDetach?.(video);
      detach();
      detach = null;
    };
    const lose = (reason: string): void => {
      stop();
      set({ state: 'lost', lostAt: current.lostAt ?? Date.now(), reason });
      retryTimer = setTimeout(start, retryDelayMs(attempt++));
    };
    function start(): void {
      retryTimer = null;
      watch.reset(Date.now());
      const mine = ++generation;
      const onError = (reason: string): void => {
        if (mine === generation) lose(reason);
      };
      detach = attachSource(kind, video as HTMLVideoElement, url, { loop, onError });
    }

    set(INITIAL);
    start();
    const sampler = setInterval(() => {
      if (!detach) return; // waiting for a retry
      const now = Date.now();
      if (watch.sample(video.currentTime, now)) {
        if (current.state !== 'playing') {
          attempt = 0;
          set({ state: 'playing', lostAt: null, reason: null });
        }
      } else if (watch.stalled(now)) {
        lose(current.state === 'playing' ? `no new picture for ${stallMs / 1000} s` : 'no picture yet');
      }
    }, SAMPLE_MS);

    return () => {
      generation++;
      clearInterval(sampler);
      if (retryTimer) clearTimeout(retryTimer);
      stop();
    };
  }, [ref, kind, url, loop, stallMs, enabled, beforeDetach]);
  return live;
}
