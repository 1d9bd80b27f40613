// One ECharts instance bound to one element: created on canvas, resized with its element, redrawn at most once a
// second (the newest option wins), disposed with the tile. It writes the test hooks on the tile root itself,
// because draws happen on its timer, not in a React render.
import type { EChartsType } from 'echarts/core';
import { drawnPoints } from './drawn-points';
import { createChart, type ChartOption } from './echarts-setup';
import { MIN_REDRAW_MS, RedrawCoalescer } from './redraw-coalescer';

export class ChartController {
  private readonly chart: EChartsType;
  private readonly coalescer: RedrawCoalescer;
  private readonly observer: ResizeObserver;
  private option: ChartOption | null = null;
  private redraws = 0;

  constructor(
    canvasHost: HTMLElement,
    private readonly root: HTMLElement,
    intervalMs = MIN_REDRAW_MS,
  ) {
    this.chart = createChart(canvasHost);
    this.coalescer = new RedrawCoalescer(() => this.draw(), intervalMs);
    // A resize repaints what is held (not a new setOption): sampling depends on width, so recount the points.
    this.observer = new ResizeObserver(() => {
      this.chart.resize();
      this.writeHooks();
    });
    this.observer.observe(canvasHost);
    this.writeHooks();
  }

  /** Newest option to show; drawn now or folded into the next draw within the second. */
  update(option: ChartOption): void {
    this.option = option;
    this.coalescer.request();
  }

  dispose(): void {
    this.coalescer.dispose();
    this.observer.disconnect();
    this.chart.dispose();
  }

  private draw(): void {
    if (!this.option || this.chart.isDisposed()) return;
    // notMerge: each option describes the whole chart, so a series that went away does not linger.
    this.chart.setOption(this.option, { notMerge: true, lazyUpdate: false });
    this.redraws++;
    this.writeHooks();
  }

  private writeHooks(): void {
    this.root.dataset['redraws'] = String(this.redraws);
    this.root.dataset['seriesPoints'] = String(this.redraws === 0 ? 0 : drawnPoints(this.chart));
  }
}
