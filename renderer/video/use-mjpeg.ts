// An MJPEG stream (multipart/x-mixed-replace) in an <img>: the browser decodes and replaces the frames itself.
// The image reports only a failed connection, so that is what counts as lost; retries use the same backoff as
// the other sources, with a changing query so that the browser does not answer from a broken cached response.
import { useEffect, useState } from 'react';
import { retryDelayMs } from './retry-backoff';
import type { LiveVideo } from './use-live-video';

export interface MjpegLink extends LiveVideo {
  /** What the <img> should load now (null: nothing, e.g. beyond the decode budget or between retries). */
  readonly src: string | null;
  onLoad(): void;
  onError(): void;
}

export function useMjpeg(url: string, enabled: boolean): MjpegLink {
  const [live, setLive] = useState<LiveVideo>({ state: 'connecting', lostAt: null, reason: null });
  /** Failures since the last picture (drives the backoff), and retries so far (makes each URL new). */
  const [failures, setFailures] = useState(0);
  const [retries, setRetries] = useState(0);
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(
      () => {
        setWaiting(false);
        setRetries((n) => n + 1);
      },
      retryDelayMs(failures - 1),
    );
    return () => clearTimeout(timer);
  }, [waiting, failures]);
  const src = !enabled || waiting ? null : retries === 0 ? url : withRetry(url, retries);
  return {
    ...live,
    src,
    onLoad: () => {
      setFailures(0);
      setLive({ state: 'playing', lostAt: null, reason: null });
    },
    onError: () => {
      setFailures((n) => n + 1);
      setLive((s) => ({ state: 'lost', lostAt: s.lostAt ?? Date.now(), reason: 'the MJPEG stream failed' }));
      setWaiting(true);
    },
  };
}

function withRetry(url: string, attempt: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}`;
}
