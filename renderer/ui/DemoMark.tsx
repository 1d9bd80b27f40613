// "DỮ LIỆU MẪU — DEMO" on every wall surface and the console while the hub makes demo data: large, black on
// striped yellow, in words (not colour alone), and above every tile so no layout can hide it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionSnapshot } from '../state/session-context';
import './marks.css';

export function DemoMark(): ReactNode {
  const { t } = useTranslation();
  const { feed } = useSessionSnapshot();
  if (!feed?.demo) return null;
  return (
    <div className="surface-mark surface-mark--demo" role="status" data-testid="demo-mark" title={t('demo.markHint')}>
      {t('demo.mark')}
    </div>
  );
}
