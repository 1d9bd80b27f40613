// Every widget kind the wall knows. Adding a kind: a folder renderer/widgets/<kind>/ and one line here.
import './kpi/kpi-widget';
import './clock/clock-widget';
import './connection/connection-widget';
import './alerts/alerts-widget';
import './tasks/tasks-widget';
import './map/map-widget';
import './timeseries/timeseries-widget';
import './bars/bars-widget';
import './gauge/gauge-widget';
import './stacked/stacked-widget';
import './video/video-widget';
import './ticker/ticker-widget';
import './text/text-widget';
import './image/image-widget';
import './test-pattern/test-pattern-widget';

export { instantiateTile, widgetKinds } from './registry';
