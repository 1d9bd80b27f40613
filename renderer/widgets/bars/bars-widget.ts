// The `bars` widget kind: provinces compared on one indicator.
import { defineWidget } from '../widget-definition';
import { BarsSettings } from './bars-settings';
import { BarsView } from './BarsView';

export const barsWidget = defineWidget<BarsSettings>({
  kind: 'bars',
  labelKey: 'widgetKind.bars',
  settings: BarsSettings,
  topics: () => ['econ.indicators'],
  Component: BarsView,
});
