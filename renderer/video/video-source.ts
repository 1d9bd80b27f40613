// A source adapter puts one kind of stream into a <video> element and says when it fails. Whether frames keep
// coming is judged by the caller from currentTime (progress-watch.ts), the same way for every kind.
import { attachFile } from './file-source';
import { attachHls } from './hls-source';
import type { DetachSource, SourceOptions, VideoSourceKind } from './source-types';
import { attachWhep } from './whep-source';

export function attachSource(
  kind: VideoSourceKind,
  video: HTMLVideoElement,
  url: string,
  options: SourceOptions,
): DetachSource {
  // Adapters may report several symptoms of one failure (an error event, then a refused play()): pass one on.
  let failed = false;
  const once: SourceOptions = {
    ...options,
    onError: (reason) => {
      if (failed) return;
      failed = true;
      options.onError(reason);
    },
  };
  switch (kind) {
    case 'hls':
      return attachHls(video, url, once);
    case 'whep':
      return attachWhep(video, url, once);
    case 'file':
      return attachFile(video, url, once);
  }
}
