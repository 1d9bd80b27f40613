// The `test-pattern` widget kind: a graphic (it may cross seams) that reads no topic.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { TestPatternSettings } from './test-pattern-settings';
import { TestPatternView } from './TestPatternView';

const testPatternWidget: WidgetDefinition<TestPatternSettings> = {
  kind: 'test-pattern',
  settings: TestPatternSettings,
  topics: () => [],
  crossesSeams: true,
  Component: TestPatternView,
};

registerWidget(testPatternWidget);
