// A wall surface (#/wall/<id>): says hello as that surface, then draws its layout as a grid filling the window.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeParams } from '../../src/contract/bridge.js';
import type { Surface } from '../../src/contract/wall.js';
import { setLocale } from '../app/i18n';
import { ConnectingPage } from '../app/ConnectingPage';
import { StatusPage } from '../ui/StatusPage';
import { DemoMark } from '../ui/DemoMark';
import { PrivacyMark } from '../ui/PrivacyMark';
import { WarningIcon } from '../ui/icons';
import { SessionProvider, useSession, useSessionSnapshot } from '../state/session-context';
import { AlarmBanner } from './AlarmBanner';
import { AsOfBar } from './AsOfBar';
import { ConnectionBanner } from './ConnectionBanner';
import { SpanningCanvas } from './SpanningCanvas';
import { TileView } from './TileView';
import { useBriefingOnWall } from './use-briefing-on-wall';
import { PointerDot } from './PointerDot';
import { useHeartbeat } from './use-heartbeat';

export function WallPage({ params, surfaceId }: { params: BridgeParams; surfaceId: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <SessionProvider
      params={params}
      request={{ role: 'wall', surfaceId }}
      fallback={<StatusPage title={t('app.connecting')} />}
    >
      <WallSurface surfaceId={surfaceId} />
    </SessionProvider>
  );
}

function WallSurface({ surfaceId }: { surfaceId: string }): ReactNode {
  const { t } = useTranslation();
  const snapshot = useSessionSnapshot();
  const locale = snapshot.hello?.locale;
  useEffect(() => {
    if (locale) setLocale(locale);
  }, [locale]);
  if (!snapshot.hello) return <ConnectingPage snapshot={snapshot} />;
  if (!snapshot.hello.surface) {
    return (
      <StatusPage tone="error" icon={<WarningIcon />} title={t('wall.surfaceNotFound', { id: surfaceId })}>
        <p>{t('wall.surfaceNotFoundHint')}</p>
      </StatusPage>
    );
  }
  return <SurfaceGrid surface={snapshot.hello.surface} />;
}

/** The spotlighted tile alone, filling the window. */
const SPOTLIGHT_GRID = { columns: 1, rows: 1, tiles: [] };

function SurfaceGrid({ surface }: { surface: Surface }): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const { connection, feed, timeCursor } = useSessionSnapshot();
  const root = useRef<HTMLDivElement>(null);
  const { layout } = surface;
  const briefing = useBriefingOnWall(surface);
  useHeartbeat(session, surface.id, layout.tiles.length, root);
  useEffect(() => {
    document.title = `IOC Wall — ${surface.id}`; // window managers and xdotool find wall windows by this name
  }, [surface.id]);
  return (
    <div
      className={`wall${briefing.spotlight ? ' wall--dimmed' : ''}`}
      ref={root}
      data-surface-id={surface.id}
      data-briefing={briefing.inProgress ? 'on' : undefined}
    >
      <AsOfBar cursor={timeCursor} />
      <ConnectionBanner connection={connection} feed={feed} />
      {layout.alarmBanner !== false && <AlarmBanner briefingActive={briefing.inProgress} />}
      {briefing.spotTile && (
        <div className="wall__spotlight" data-testid="wall-spotlight" data-tile-id={briefing.spotTile.id}>
          <TileView tile={{ ...briefing.spotTile, x: 0, y: 0, w: 1, h: 1 }} layout={SPOTLIGHT_GRID} />
        </div>
      )}
      {briefing.black && <div className="wall__black" data-testid="wall-black" />}
      <PointerDot surface={surface} />
      <DemoMark />
      <PrivacyMark />
      {surface.canvas?.bezelCompensation && surface.canvas.viewports.length > 1 ? (
        <SpanningCanvas layout={layout} canvas={surface.canvas} />
      ) : (
        <div
          className="wall__grid"
          style={{
            gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
          }}
        >
          {layout.tiles.length === 0 && <p className="wall__empty">{t('wall.emptyLayout')}</p>}
          {layout.tiles.map((tile) => (
            <TileView key={tile.id} tile={tile} layout={layout} />
          ))}
        </div>
      )}
    </div>
  );
}
