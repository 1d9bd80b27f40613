// One tile of a surface: settings parsed by its kind, drawn inside an error boundary, with its freshness.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurfaceLayout, Tile } from '../../src/contract/wall.js';
import { useLatest, useSessionSnapshot } from '../state/session-context';
import { instantiateTile } from '../widgets/registry';
import type { TileInstance } from '../widgets/widget-definition';
import { AgeBadge } from './AgeBadge';
import { TileBoundary } from './TileBoundary';
import { TileError } from './TileError';
import { TileShell } from './TileShell';
import '../ui/marks.css';
import { fitsLayout } from './tile-placement';

export function TileView({ tile, layout }: { tile: Tile; layout: SurfaceLayout }): ReactNode {
  const { t } = useTranslation();
  const made = useMemo(() => instantiateTile(tile.kind, tile.settings), [tile.kind, tile.settings]);
  if (!fitsLayout(tile, layout)) {
    const detail = `x=${tile.x} y=${tile.y} w=${tile.w} h=${tile.h}; grid ${layout.columns}×${layout.rows}`;
    return (
      <TileShell tile={tile} layout={layout} state="error">
        <TileError tileId={tile.id} title={t('tile.outOfGrid')} detail={detail} />
      </TileShell>
    );
  }
  if (!made.ok) {
    const title = made.error === 'unknown-kind' ? t('tile.unknownKind', { kind: tile.kind }) : t('tile.badSettings');
    return (
      <TileShell tile={tile} layout={layout} state="error">
        <TileError tileId={tile.id} title={title} detail={made.detail} />
      </TileShell>
    );
  }
  return (
    <TileBoundary tile={tile} layout={layout}>
      <LiveTile tile={tile} layout={layout} instance={made.tile} />
    </TileBoundary>
  );
}

function LiveTile({
  tile,
  layout,
  instance,
}: {
  tile: Tile;
  layout: SurfaceLayout;
  instance: TileInstance;
}): ReactNode {
  const { t } = useTranslation();
  const { feed, timeCursor } = useSessionSnapshot();
  const values = useLatest(instance.topics);
  const asOf = instance.asOf(values);
  const readsData = instance.topics.length > 0;
  if (timeCursor.asOf !== null && instance.liveOnly) {
    return (
      <TileShell tile={tile} layout={layout} state="ok">
        <p className="tile-live-only" data-testid="tile-live-only">
          {t('timeCursor.liveOnlyTile')}
        </p>
      </TileShell>
    );
  }
  // The hub answered and holds nothing of what this tile reads: say a source is missing, never draw an empty frame.
  // Warnings are drawn over a map, never its only source: a map of a site's own figures with no warning has data,
  // and a map with a warning in force draws it even before any figure arrives.
  const readsTopics = instance.topics.some((topic) => topic !== 'ops.warnings');
  const noSource =
    readsTopics &&
    asOf === null &&
    feed?.state === 'connected' &&
    instance.topics.every((topic) => (feed.topics[topic]?.head ?? 0) === 0);
  if (noSource) {
    return (
      <TileShell tile={tile} layout={layout} state="waiting">
        <div className="tile-no-source" data-testid="no-source">
          <p className="tile-no-source__title">{t('demo.noSource')}</p>
          <p className="tile-no-source__hint">{t('demo.noSourceHint')}</p>
        </div>
      </TileShell>
    );
  }
  return (
    <TileShell
      tile={tile}
      layout={layout}
      state={readsData && asOf === null ? 'waiting' : 'ok'}
      badge={readsData ? <AgeBadge asOf={asOf} topics={instance.topics} /> : undefined}
    >
      {instance.render(tile.id, tile.focus)}
    </TileShell>
  );
}
