// The `test-pattern` widget kind: a graphic (it may cross seams) that reads no topic.
import { defineWidget } from '../widget-definition';
import { TestPatternSettings } from './test-pattern-settings';
import { TestPatternView } from './TestPatternView';

export const testPatternWidget = defineWidget<TestPatternSettings>({
  kind: 'test-pattern',
  labelKey: 'widgetKind.testPattern',
  settings: TestPatternSettings,
  topics: () => [],
  crossesSeams: true,
  Component: TestPatternView,
});
