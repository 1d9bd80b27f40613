// WebRTC via WHEP: a receive-only peer connection whose offer is POSTed to the WHEP URL; the answer completes it.
// ICE candidates go in the offer (we wait for gathering), so no trickle PATCH is needed.
import { playMuted } from './play-muted';
import type { DetachSource, SourceOptions } from './source-types';
import { postWhepOffer } from './whep-client';

/** How long to wait for ICE gathering before sending what has been gathered. */
const GATHER_MS = 2000;

export function attachWhep(video: HTMLVideoElement, url: string, options: SourceOptions): DetachSource {
  const pc = new RTCPeerConnection();
  const abort = new AbortController();
  let resource: string | null = null;
  const stream = new MediaStream();
  pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  pc.ontrack = (event) => {
    stream.addTrack(event.track);
    if (video.srcObject !== stream) {
      video.srcObject = stream;
      playMuted(video, options.onError);
    }
  };
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
      options.onError(`WebRTC connection ${pc.connectionState}`);
    }
  };
  void (async () => {
    await pc.setLocalDescription(await pc.createOffer());
    await iceGathered(pc, GATHER_MS);
    const offer = pc.localDescription?.sdp;
    if (!offer) throw new Error('no local description');
    const answer = await postWhepOffer(url, offer, (input, init) => fetch(input, init), abort.signal);
    resource = answer.resource;
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) options.onError(error instanceof Error ? error.message : String(error));
  });
  return () => {
    abort.abort();
    pc.onconnectionstatechange = null;
    pc.ontrack = null;
    pc.close();
    video.srcObject = null;
    // Tell the server the session is over; it would time it out anyway, so a failure is not worth reporting.
    if (resource) fetch(resource, { method: 'DELETE' }).catch(() => undefined);
  };
}

function iceGathered(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = (): void => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, timeoutMs);
    pc.addEventListener('icegatheringstatechange', check);
  });
}
