// The `image` widget kind: a logo, a map of the site, a diagram.
import { defineWidget } from '../widget-definition';
import { ImageSettings } from './image-settings';
import { ImageView } from './ImageView';

export const imageWidget = defineWidget<ImageSettings>({
  kind: 'image',
  labelKey: 'widgetKind.image',
  settings: ImageSettings,
  topics: () => [],
  crossesSeams: true,
  Component: ImageView,
});
