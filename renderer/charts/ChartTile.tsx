// The frame of every chart tile: a title, the canvas ECharts draws into, and text lines under it (legend words,
// gaps, warnings) that carry the meaning in words as well as in the picture.
import { useEffect, useRef, type ReactNode } from 'react';
import { ChartController } from './chart-controller';
import type { ChartOption } from './echarts-setup';
import './charts.css';

interface ChartTileProps {
  kind: string;
  /** A modifier of the layout, e.g. "bullet" (class chart--bullet). */
  variant?: string | undefined;
  title: string;
  subtitle?: string | undefined;
  /**
   * The whole chart; a new value asks for a redraw (at most one a second). A function is called only when the
   * chart draws, so a live series that changes ten times a second builds its option once a second.
   */
  option: ChartOption | (() => ChartOption) | null;
  /** Shown instead of the canvas while there is nothing to draw. */
  waiting?: string | undefined;
  children?: ReactNode;
}

export function ChartTile({ kind, variant, title, subtitle, option, waiting, children }: ChartTileProps): ReactNode {
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const controller = useRef<ChartController | null>(null);

  useEffect(() => {
    const root = rootRef.current;
    const host = canvasRef.current;
    if (!root || !host) return;
    const made = new ChartController(host, root);
    controller.current = made;
    return () => {
      made.dispose();
      controller.current = null;
    };
  }, []);

  useEffect(() => {
    if (option) controller.current?.update(option);
  }, [option]);

  return (
    <div className={`chart chart--${kind}${variant ? ` chart--${variant}` : ''}`} ref={rootRef} data-chart={kind}>
      <h2 className="tile-title chart__title" title={subtitle ? `${title} · ${subtitle}` : title}>
        {title}
        {subtitle && <span className="chart__subtitle"> · {subtitle}</span>}
      </h2>
      <div className="chart__canvas" ref={canvasRef} data-testid="chart-canvas" />
      {!option && waiting && <p className="chart__waiting">{waiting}</p>}
      {children}
    </div>
  );
}
