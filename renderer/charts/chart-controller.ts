// One ECharts instance bound to one element: created on canvas, resized with its element, redrawn at most once a
// second (the newest option wins, see MIN_REDRAW_MS), disposed with the tile. It writes the test hooks on the tile
// root itself, because draws happen on its timer, not in a React render.
import type { EChartsType } from 'echarts/core';
import { drawnPoints } from './drawn-points';
import { createChart, type ChartOption } from './echarts-setup';
import { RateCoalescer } from '../../src/timing/rate-coalescer.js';
import { pageTimers } from '../state/page-timers';

/** A chart redraws at most once a second however often its data changes. */
const MIN_REDRAW_MS = 1000;
/**
 * A redraw that had to wait is carried by the first change after the second is up (a live page takes in feed
 * events about 15 times a second), so the chart repaints in the same frame as the tile's values; the timer, this
 * much later, only catches the last change of a burst.
 */
const REDRAW_SLACK_MS = 100;

export class ChartController {
  private readonly chart: EChartsType;
  private readonly coalescer: RateCoalescer;
  private readonly observer: ResizeObserver;
  private option: ChartOption | (() => ChartOption) | null = null;
  private redraws = 0;

  constructor(
    canvasHost: HTMLElement,
    private readonly root: HTMLElement,
    intervalMs = MIN_REDRAW_MS,
  ) {
    this.chart = createChart(canvasHost);
    this.coalescer = new RateCoalescer(() => this.draw(), { intervalMs, slackMs: REDRAW_SLACK_MS, timers: pageTimers });
    // A resize repaints what is held (not a new setOption): sampling depends on width, so recount the points.
    this.observer = new ResizeObserver(() => {
      this.chart.resize();
      this.writeHooks();
    });
    this.observer.observe(canvasHost);
    this.writeHooks();
  }

  /** Newest option to show (or how to build it); drawn now or folded into the next draw within the second. */
  update(option: ChartOption | (() => ChartOption)): void {
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
    const option = typeof this.option === 'function' ? this.option() : this.option;
    this.chart.setOption(option, { notMerge: true, lazyUpdate: false });
    this.redraws++;
    this.writeHooks();
  }

  private writeHooks(): void {
    this.root.dataset['redraws'] = String(this.redraws);
    this.root.dataset['seriesPoints'] = String(this.redraws === 0 ? 0 : drawnPoints(this.chart));
  }
}
