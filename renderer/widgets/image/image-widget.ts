// The `image` widget kind: a logo, a map of the site, a diagram.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { ImageSettings } from './image-settings';
import { ImageView } from './ImageView';

const imageWidget: WidgetDefinition<ImageSettings> = {
  kind: 'image',
  settings: ImageSettings,
  topics: () => [],
  crossesSeams: true,
  Component: ImageView,
};

registerWidget(imageWidget);
