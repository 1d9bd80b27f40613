// "CHẾ ĐỘ RIÊNG TƯ" on every surface and the console while privacy mode is on: in words, white on deep purple.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrivacyMode } from './privacy-state';
import './marks.css';

export function PrivacyMark(): ReactNode {
  const { t } = useTranslation();
  if (!usePrivacyMode()) return null;
  return (
    <div className="surface-mark surface-mark--privacy" role="status" data-testid="privacy-mark">
      {t('privacy.mark')}
    </div>
  );
}
