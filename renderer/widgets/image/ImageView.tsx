// An image tile: a picture fitted to the tile; one that fails to load shows the error in the tile.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TileError } from '../../wall/TileError';
import type { WidgetProps } from '../widget-definition';
import type { ImageSettings } from './image-settings';
import './image.css';

export function ImageView({ tileId, settings }: WidgetProps<ImageSettings>): ReactNode {
  const { t } = useTranslation();
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (failedUrl === settings.url) {
    return <TileError tileId={tileId} title={t('image.failed')} detail={shortUrl(settings.url)} />;
  }
  return (
    <figure className="image-tile">
      {settings.title && <figcaption className="tile-title image-tile__title">{settings.title}</figcaption>}
      <img
        className={`image-tile__img image-tile__img--${settings.fit}`}
        src={settings.url}
        alt={settings.alt}
        data-testid="image"
        onError={() => setFailedUrl(settings.url)}
      />
    </figure>
  );
}

/** A data: URL can be megabytes long: show its start only. */
function shortUrl(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}…` : url;
}
