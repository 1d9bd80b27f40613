// A plain file or progressive URL in <video src>: Chromium plays MP4 (H.264) and WebM (VP8/VP9) itself.
import { playMuted } from './play-muted';
import type { DetachSource, SourceOptions } from './source-types';

export function attachFile(video: HTMLVideoElement, url: string, options: SourceOptions): DetachSource {
  const onError = (): void => options.onError(video.error?.message || `cannot play ${url}`);
  const onEnded = (): void => {
    if (!options.loop) options.onError('the source ended');
  };
  video.addEventListener('error', onError);
  video.addEventListener('ended', onEnded);
  video.loop = options.loop;
  video.src = url;
  playMuted(video, options.onError);
  return () => {
    video.removeEventListener('error', onError);
    video.removeEventListener('ended', onEnded);
    video.removeAttribute('src');
    // Without load() the element keeps the old resource (and its decoder) alive.
    video.load();
  };
}
