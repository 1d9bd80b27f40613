// What a broken tile shows inside its own frame: what went wrong, in words, while the other tiles keep running.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WarningIcon } from '../ui/icons';

interface TileErrorProps {
  tileId: string;
  title: string;
  detail: string;
}

export function TileError({ tileId, title, detail }: TileErrorProps): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="tile-error" role="alert">
      <p className="tile-error__title">
        <WarningIcon />
        <span>{title}</span>
      </p>
      <pre className="tile-error__detail">{detail}</pre>
      <p className="tile-error__note">
        {t('tile.tileId', { id: tileId })} · {t('tile.otherTilesRunning')}
      </p>
    </div>
  );
}
