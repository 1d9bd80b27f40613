// A surface spanning several monitors with bezel compensation: its grid covers the virtual canvas (bezel gaps
// included) and every tile is drawn once per monitor it covers, shifted so that what falls behind a bezel is
// skipped. Geometry from src/domain/wall (docs/wall-model.md).
import type { ReactNode } from 'react';
import type { SurfaceCanvas, SurfaceLayout, Tile } from '../../src/contract/wall.js';
import { tileFragments, tileRect } from '../../src/domain/wall/tile-geometry.js';
import { TileView } from './TileView';
import { fitsLayout } from './tile-placement';

export function SpanningCanvas({ layout, canvas }: { layout: SurfaceLayout; canvas: SurfaceCanvas }): ReactNode {
  // A tile outside the grid has no place on the canvas: it shows its error in a plain grid over the window.
  const misplaced = layout.tiles.filter((t) => !fitsLayout(t, layout));
  return (
    // Window coordinates from the top-left corner, under the connection banner (which stays in the page's flow).
    <div style={{ position: 'absolute', inset: 0, zIndex: -1, overflow: 'hidden' }} data-canvas-width={canvas.width}>
      {layout.tiles
        .filter((t) => fitsLayout(t, layout))
        .map((tile) => (
          <SpannedTile key={tile.id} tile={tile} layout={layout} canvas={canvas} />
        ))}
      {misplaced.length > 0 && (
        <div
          className="wall__grid"
          style={{
            position: 'absolute',
            inset: 0,
            gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
          }}
        >
          {misplaced.map((tile) => (
            <TileView key={tile.id} tile={tile} layout={layout} />
          ))}
        </div>
      )}
    </div>
  );
}

function SpannedTile({
  tile,
  layout,
  canvas,
}: {
  tile: Tile;
  layout: SurfaceLayout;
  canvas: SurfaceCanvas;
}): ReactNode {
  const rect = tileRect(tile, layout, canvas);
  // The tile alone in a one-tile grid of its own size: TileView draws it as it would in the surface's grid.
  const own: SurfaceLayout = { columns: tile.w, rows: tile.h, tiles: [] };
  const placed: Tile = { ...tile, x: 0, y: 0 };
  return tileFragments(rect, canvas).map((f) => (
    <div
      key={f.monitorId}
      data-fragment-of={tile.id}
      data-monitor-id={f.monitorId}
      style={{ position: 'absolute', overflow: 'hidden', ...box(f.window) }}
    >
      <div
        style={{
          position: 'absolute',
          display: 'grid',
          padding: 'calc(var(--gap) / 2)',
          boxSizing: 'border-box',
          gridTemplateColumns: `repeat(${tile.w}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${tile.h}, minmax(0, 1fr))`,
          ...box({ x: f.tileOffset.x, y: f.tileOffset.y, width: rect.width, height: rect.height }),
        }}
      >
        <TileView tile={placed} layout={own} />
      </div>
    </div>
  ));
}

function box(r: { x: number; y: number; width: number; height: number }): {
  left: number;
  top: number;
  width: number;
  height: number;
} {
  return { left: r.x, top: r.y, width: r.width, height: r.height };
}
