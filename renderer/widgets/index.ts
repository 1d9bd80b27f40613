// Every widget kind the wall knows. Adding a kind: a folder renderer/widgets/<kind>/ and one line here.
import './kpi/kpi-widget';
import './clock/clock-widget';
import './connection/connection-widget';
import './alerts/alerts-widget';
import './tasks/tasks-widget';

export { instantiateTile, widgetKinds } from './registry';
