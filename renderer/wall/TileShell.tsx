// The frame every tile is drawn in: its grid cell, the attributes tests and scripts read, and the age badge.
import type { ReactNode } from 'react';
import type { SurfaceLayout, Tile } from '../../src/contract/wall.js';
import { gridArea } from './tile-placement';

type TileState = 'ok' | 'waiting' | 'error';

interface TileShellProps {
  tile: Tile;
  layout: SurfaceLayout;
  state: TileState;
  badge?: ReactNode;
  children: ReactNode;
}

export function TileShell({ tile, layout, state, badge, children }: TileShellProps): ReactNode {
  return (
    <section
      className={`tile tile--${state}`}
      data-tile-id={tile.id}
      data-kind={tile.kind}
      data-state={state}
      data-focus={tile.focus?.kind}
      style={gridArea(tile, layout)}
    >
      <div className="tile__body">{children}</div>
      {badge && <footer className="tile__footer">{badge}</footer>}
    </section>
  );
}
