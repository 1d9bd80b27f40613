// The console's privacy switch: one button that turns privacy mode on or off for the whole wall (an audited
// command, `wall.setPrivacy`), for the roles the command table allows.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../editor/use-command';
import { useMayRun } from '../people/use-may-run';
import { usePrivacyMode } from '../../ui/privacy-state';

export function PrivacySection(): ReactNode {
  const { t } = useTranslation();
  const on = usePrivacyMode();
  const mayRun = useMayRun('wall.setPrivacy');
  const { state, run } = useCommand();
  return (
    <section data-testid="privacy-section">
      <h2>{t('privacy.title')}</h2>
      <p>{t('privacy.explain')}</p>
      <button
        type="button"
        data-testid="privacy-toggle"
        aria-pressed={on}
        disabled={!mayRun || state.phase === 'queued'}
        onClick={() => run('wall.setPrivacy', { on: !on })}
      >
        {on ? t('privacy.off') : t('privacy.on')}
      </button>
      {(state.phase === 'rejected' || state.phase === 'failed') && <p role="alert">{state.message}</p>}
    </section>
  );
}
