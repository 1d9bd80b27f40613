// Catches a tile that throws while rendering, so one broken widget shows its error in its own cell instead of
// blanking the surface. It tries again after a while: the data that broke it may have moved on.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { SurfaceLayout, Tile } from '../../src/contract/wall.js';
import { i18n } from '../app/i18n';
import { TileError } from './TileError';
import { TileShell } from './TileShell';

interface TileBoundaryProps {
  tile: Tile;
  layout: SurfaceLayout;
  children: ReactNode;
}

interface TileBoundaryState {
  error: Error | null;
}

const RETRY_MS = 30_000;

export class TileBoundary extends Component<TileBoundaryProps, TileBoundaryState> {
  override state: TileBoundaryState = { error: null };
  private retry: ReturnType<typeof setTimeout> | null = null;

  static getDerivedStateFromError(error: unknown): TileBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(
      `[ioc-wall] tile "${this.props.tile.id}" (${this.props.tile.kind}) failed`,
      error,
      info.componentStack,
    );
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => this.setState({ error: null }), RETRY_MS);
  }

  override componentWillUnmount(): void {
    if (this.retry) clearTimeout(this.retry);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { tile, layout } = this.props;
    return (
      <TileShell tile={tile} layout={layout} state="error">
        <TileError tileId={tile.id} title={i18n.t('tile.crashed')} detail={error.message} />
      </TileShell>
    );
  }
}
