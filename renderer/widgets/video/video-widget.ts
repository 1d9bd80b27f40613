// The `video` widget kind: a camera or conference feed. It reads no topic: its freshness is the picture itself,
// and a stopped picture shows the "source lost" slate rather than an age.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { VideoSettings } from './video-settings';
import { VideoView } from './VideoView';

const videoWidget: WidgetDefinition<VideoSettings> = {
  kind: 'video',
  settings: VideoSettings,
  topics: () => [],
  crossesSeams: true,
  Component: VideoView,
};

registerWidget(videoWidget);
