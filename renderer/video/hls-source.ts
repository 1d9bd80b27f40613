// HLS through hls.js over Media Source Extensions: Chromium has no native HLS. hls.js is loaded on first use so
// that walls without video do not carry it.
import { playMuted } from './play-muted';
import type { DetachSource, SourceOptions } from './source-types';

export function attachHls(video: HTMLVideoElement, url: string, options: SourceOptions): DetachSource {
  let detached = false;
  let destroy: (() => void) | null = null;
  void import('hls.js').then(
    ({ default: Hls }) => {
      if (detached) return;
      if (!Hls.isSupported()) {
        options.onError('this browser has no Media Source Extensions: HLS cannot play');
        return;
      }
      const hls = new Hls({
        // The worker would be a blob: script, which the page's CSP (script-src 'self') refuses.
        enableWorker: false,
        // A wall shows live pictures: stay near the live edge rather than smooth over long buffers.
        liveSyncDurationCount: 2,
        maxBufferLength: 10,
        backBufferLength: 0,
        // Retries are the tile's job (one backoff for every kind of source); fail fast here.
        manifestLoadingMaxRetry: 1,
        levelLoadingMaxRetry: 1,
        fragLoadingMaxRetry: 1,
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) options.onError(`HLS ${data.type}: ${data.details}`);
      });
      hls.on(Hls.Events.MANIFEST_PARSED, () => playMuted(video, options.onError));
      hls.loadSource(url);
      hls.attachMedia(video);
      destroy = () => hls.destroy();
    },
    (error: unknown) => options.onError(`hls.js did not load: ${String(error)}`),
  );
  return () => {
    detached = true;
    destroy?.();
    video.removeAttribute('src');
    video.load();
  };
}
