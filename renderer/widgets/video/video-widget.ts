// The `video` widget kind: a camera or conference feed. It reads no topic: its freshness is the picture itself,
// and a stopped picture shows the "source lost" slate rather than an age.
import { defineWidget } from '../widget-definition';
import { VideoSettings } from './video-settings';
import { VideoView } from './VideoView';

export const videoWidget = defineWidget<VideoSettings>({
  kind: 'video',
  labelKey: 'widgetKind.video',
  settings: VideoSettings,
  topics: () => [],
  crossesSeams: true,
  liveOnly: true,
  Component: VideoView,
});
