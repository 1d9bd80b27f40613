// A video tile: the picture with its name over it; a "source lost" slate (and automatic retries) when pictures
// stop; a poster instead of decoding when the surface already plays as many videos as it may.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/i18n/format.js';
import { surfaceDecodeBudget, useDecodeSlot } from '../../video/decode-budget';
import { grabStill } from '../../video/still-frame';
import { useLiveVideo, type LiveVideo } from '../../video/use-live-video';
import { useMjpeg } from '../../video/use-mjpeg';
import { useShownCamera } from '../../video/shown-cameras';
import { useSessionSnapshot } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { resolveVideoUrl } from './bundled-media';
import { NoSignalIcon, PausedIcon } from './video-icons';
import type { VideoSettings } from './video-settings';
import './video.css';

type VideoState = 'connecting' | 'playing' | 'lost' | 'poster';

/** What a tile plays once a camera of the list is resolved. */
interface Playable {
  name: string;
  source: NonNullable<VideoSettings['source']>;
  url: string;
}

export function VideoView({ tileId, settings }: WidgetProps<VideoSettings>): ReactNode {
  const { t } = useTranslation();
  const { hello } = useSessionSnapshot();
  const camera = settings.camera === undefined ? undefined : hello?.cameras.find((c) => c.id === settings.camera);
  useShownCamera(tileId, camera?.play ? camera.id : null);
  if (settings.camera === undefined) {
    // The schema requires these without a camera.
    const playable = { name: settings.name ?? '', source: settings.source ?? 'file', url: settings.url ?? '' };
    return <VideoPicture tileId={tileId} settings={settings} playable={playable} />;
  }
  const name = settings.name ?? camera?.name ?? settings.camera;
  if (!camera || !camera.play) {
    return (
      <div className="video" data-video-state={camera ? 'private' : 'unknown'} data-testid="video">
        <div className="video__slate" role="status">
          <NoSignalIcon className="video__slate-icon" />
          <p className="video__slate-title">
            {camera ? t('camera.sensitive') : t('camera.unknown', { id: settings.camera })}
          </p>
        </div>
        <p className="video__name">{name}</p>
      </div>
    );
  }
  return (
    <VideoPicture
      tileId={tileId}
      settings={settings}
      playable={{ name, source: camera.play.kind, url: camera.play.url }}
    />
  );
}

function VideoPicture({
  tileId,
  settings,
  playable,
}: {
  tileId: string;
  settings: VideoSettings;
  playable: Playable;
}): ReactNode {
  const url = resolveVideoUrl(playable.url);
  const decoding = useDecodeSlot(tileId);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [still, setStill] = useState<string | null>(null);
  const keepStill = useCallback((video: HTMLVideoElement) => {
    const grabbed = grabStill(video);
    if (grabbed) setStill(grabbed);
  }, []);
  const mjpeg = playable.source === 'mjpeg';
  const live = useLiveVideo(videoRef, {
    kind: playable.source === 'mjpeg' ? 'file' : playable.source,
    url,
    loop: playable.source === 'file',
    stallMs: settings.stallSeconds * 1000,
    enabled: decoding && !mjpeg,
    beforeDetach: keepStill,
  });
  const picture = useMjpeg(url, decoding && mjpeg);
  const link: LiveVideo = mjpeg ? picture : live;
  const state: VideoState = decoding ? link.state : 'poster';
  const fit = `video__picture--${settings.fit}`;
  return (
    <div className="video" data-video-state={state} data-testid="video">
      {mjpeg ? (
        picture.src !== null && (
          <img
            className={`video__picture ${fit}`}
            src={picture.src}
            alt=""
            onLoad={picture.onLoad}
            onError={picture.onError}
          />
        )
      ) : (
        <video
          ref={videoRef}
          className={`video__picture ${fit} ${decoding ? '' : 'video__picture--off'}`}
          muted
          playsInline
          disablePictureInPicture
        />
      )}
      {state === 'poster' && <Poster src={still ?? settings.poster ?? null} fit={fit} />}
      {state === 'lost' && <LostSlate lostAt={link.lostAt} reason={link.reason} />}
      {state === 'connecting' && <ConnectingNote />}
      <p className="video__name">{playable.name}</p>
    </div>
  );
}

function Poster({ src, fit }: { src: string | null; fit: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="video__poster">
      {src && <img className={`video__picture ${fit}`} src={src} alt="" />}
      <p className="video__label video__label--paused">
        <PausedIcon />
        <span>{t('video.paused')}</span>
        <span className="video__hint">{t('video.pausedHint', { count: surfaceDecodeBudget.size })}</span>
      </p>
    </div>
  );
}

function LostSlate({ lostAt, reason }: { lostAt: number | null; reason: string | null }): ReactNode {
  const { t } = useTranslation();
  const { clockOffsetMs } = useSessionSnapshot();
  return (
    <div className="video__slate" role="status" title={reason ?? undefined}>
      <NoSignalIcon className="video__slate-icon" />
      <p className="video__slate-title">{t('video.lost')}</p>
      {lostAt !== null && (
        <p className="video__slate-time">{t('video.lostAt', { time: formatTime(lostAt + clockOffsetMs) })}</p>
      )}
      <p className="video__slate-retry">{t('video.retrying')}</p>
    </div>
  );
}

function ConnectingNote(): ReactNode {
  const { t } = useTranslation();
  return <p className="video__label video__label--connecting">{t('video.connecting')}</p>;
}
