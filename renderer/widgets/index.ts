// Every widget kind the wall knows, in the order of the layout editor's palette. Adding a kind: a folder
// renderer/widgets/<kind>/ exporting its definition (defineWidget), and one entry here.
import { alertsWidget } from './alerts/alerts-widget';
import { barsWidget } from './bars/bars-widget';
import { clockWidget } from './clock/clock-widget';
import { connectionWidget } from './connection/connection-widget';
import { gaugeWidget } from './gauge/gauge-widget';
import { imageWidget } from './image/image-widget';
import { kpiWidget } from './kpi/kpi-widget';
import { mapWidget } from './map/map-widget';
import { stackedWidget } from './stacked/stacked-widget';
import { tasksWidget } from './tasks/tasks-widget';
import { testPatternWidget } from './test-pattern/test-pattern-widget';
import { textWidget } from './text/text-widget';
import { tickerWidget } from './ticker/ticker-widget';
import { timeseriesWidget } from './timeseries/timeseries-widget';
import { videoWidget } from './video/video-widget';
import type { Widget } from './widget-definition';

export const WIDGETS: readonly Widget[] = [
  kpiWidget,
  mapWidget,
  timeseriesWidget,
  barsWidget,
  gaugeWidget,
  stackedWidget,
  alertsWidget,
  tasksWidget,
  tickerWidget,
  videoWidget,
  imageWidget,
  textWidget,
  clockWidget,
  connectionWidget,
  testPatternWidget,
];
