// The editor's mirror of the whole wall, to scale: every monitor with its frame (the seams between monitors),
// each surface's live tiles (the real widgets, drawn at the surface's own size and scaled down), and on top of
// them a react-grid-layout grid per surface whose items are dragged and resized to edit the draft.
import { GridLayout, getCompactor, type Layout, useContainerWidth } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Monitor, Rect, SurfaceLayout } from '../../../src/contract/wall.js';
import { TileView } from '../../wall/TileView';
import type { TilePlacement } from './editor-draft';
import { mirrorBox } from './mirror-scale';

/** Gap between tiles on the live layer, in the surface's own pixels; the grid above uses it scaled. */
const GAP_PX = 8;
const MAX_HEIGHT_PX = 560;
// Free placement inside a fixed grid: nothing floats up, and a tile cannot be dropped onto another.
const COMPACTOR = getCompactor(null, false, true);

interface MirrorSurface {
  id: string;
  bounds: Rect;
  /** undefined: the preset being edited does not cover this surface. */
  layout: SurfaceLayout | undefined;
}

interface WallMirrorProps {
  monitors: readonly Monitor[];
  surfaces: readonly MirrorSurface[];
  editable: boolean;
  selectedSurface: string | null;
  selectedTile: string | null;
  onSelectSurface: (surfaceId: string) => void;
  onSelectTile: (surfaceId: string, tileId: string) => void;
  onPlace: (surfaceId: string, placements: TilePlacement[]) => void;
  /** What to show on a surface the preset does not cover. */
  uncovered: (surfaceId: string) => ReactNode;
}

export function WallMirror(props: WallMirrorProps): ReactNode {
  const { t } = useTranslation();
  const { width, containerRef, mounted } = useContainerWidth({ initialWidth: 960 });
  const box = mirrorBox(
    props.monitors,
    props.surfaces.map((s) => s.bounds),
    width,
    MAX_HEIGHT_PX,
  );
  return (
    <div className="mirror" ref={containerRef}>
      {box.surfaces.length === 0 ? (
        <p>{t('editor.noMonitors')}</p>
      ) : (
        <div className="mirror__wall" style={{ width: box.width, height: box.height }} data-testid="wall-mirror">
          {mounted &&
            props.surfaces.map((s, i) => (
              <MirrorSurfaceView key={s.id} {...props} surface={s} rect={box.surfaces[i]!} scale={box.scale} />
            ))}
          {/* Frames over the surfaces: what a spanning surface draws behind a bezel is hidden, as in the room. */}
          {box.monitors.map((m) => (
            <div
              key={m.id}
              className="mirror__monitor"
              title={m.id}
              style={{
                ...place(m.frame),
                borderLeftWidth: m.visible.x - m.frame.x,
                borderTopWidth: m.visible.y - m.frame.y,
                borderRightWidth: m.frame.x + m.frame.width - (m.visible.x + m.visible.width),
                borderBottomWidth: m.frame.y + m.frame.height - (m.visible.y + m.visible.height),
              }}
            />
          ))}
        </div>
      )}
      {!box.bezelsKnown && <p className="mirror__note">{t('editor.bezelTodo')}</p>}
    </div>
  );
}

const place = (r: Rect) => ({ left: r.x, top: r.y, width: r.width, height: r.height });

function MirrorSurfaceView({
  surface,
  rect,
  scale,
  editable,
  selectedSurface,
  selectedTile,
  onSelectSurface,
  onSelectTile,
  onPlace,
  uncovered,
}: WallMirrorProps & { surface: MirrorSurface; rect: Rect; scale: number }): ReactNode {
  const { t } = useTranslation();
  const { layout } = surface;
  const selected = selectedSurface === surface.id;
  return (
    <div
      className={`mirror__surface${selected ? ' mirror__surface--selected' : ''}`}
      style={place(rect)}
      data-surface-id={surface.id}
      onClick={(e) => {
        if (e.target === e.currentTarget || (e.target as HTMLElement).classList.contains('react-grid-layout')) {
          onSelectSurface(surface.id);
        }
      }}
    >
      <span className="mirror__label">
        {surface.id}
        {selected && ` · ${t('editor.selected')}`}
      </span>
      {!layout ? (
        <div className="mirror__uncovered">{uncovered(surface.id)}</div>
      ) : (
        <>
          <LiveLayer layout={layout} size={{ width: rect.width / scale, height: rect.height / scale }} scale={scale} />
          <GridLayout
            width={rect.width}
            layout={toGrid(layout)}
            gridConfig={{
              cols: layout.columns,
              rowHeight: (rect.height - GAP_PX * scale * (layout.rows - 1)) / layout.rows,
              margin: [GAP_PX * scale, GAP_PX * scale],
              containerPadding: [0, 0],
              maxRows: layout.rows,
            }}
            compactor={COMPACTOR}
            dragConfig={{ enabled: editable, bounded: true }}
            resizeConfig={{ enabled: editable, handles: ['se', 'e', 's'] }}
            autoSize={false}
            style={{ position: 'absolute', inset: 0, height: rect.height }}
            onDragStop={(l) => onPlace(surface.id, fromGrid(l))}
            onResizeStop={(l) => onPlace(surface.id, fromGrid(l))}
          >
            {layout.tiles.map((tile) => (
              <div
                key={tile.id}
                className={`mirror__tile${selectedTile === tile.id ? ' mirror__tile--selected' : ''}`}
                data-tile-id={tile.id}
                onClick={() => onSelectTile(surface.id, tile.id)}
              >
                <span className="mirror__tile-label">
                  {tile.kind} · {tile.id}
                </span>
              </div>
            ))}
          </GridLayout>
        </>
      )}
    </div>
  );
}

/** The surface's tiles as the wall draws them, at the surface's size, scaled into the mirror. */
function LiveLayer({
  layout,
  size,
  scale,
}: {
  layout: SurfaceLayout;
  size: { width: number; height: number };
  scale: number;
}): ReactNode {
  return (
    <div
      className="mirror__live"
      aria-hidden
      style={{
        width: size.width,
        height: size.height,
        transform: `scale(${scale})`,
        gap: GAP_PX,
        gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
      }}
    >
      {layout.tiles.map((tile) => (
        <TileView key={tile.id} tile={tile} layout={layout} />
      ))}
    </div>
  );
}

function toGrid(layout: SurfaceLayout): Layout {
  return layout.tiles.map((t) => ({ i: t.id, x: t.x, y: t.y, w: t.w, h: t.h }));
}

function fromGrid(layout: Layout): TilePlacement[] {
  return layout.map((item) => ({ i: item.i, x: item.x, y: item.y, w: item.w, h: item.h }));
}
