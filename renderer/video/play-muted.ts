// Starting playback on a wall: muted, because Chromium lets only muted media autoplay without a user gesture.

/** Starts playback; a refused play() (autoplay policy, a source gone) is reported, not thrown. */
export function playMuted(video: HTMLVideoElement, onError: (reason: string) => void): void {
  video.muted = true;
  video.play().catch((error: unknown) => {
    // The next attachment (or a detach) interrupting play() is not a failure of the source.
    if (error instanceof DOMException && error.name === 'AbortError') return;
    onError(error instanceof Error ? error.message : String(error));
  });
}
