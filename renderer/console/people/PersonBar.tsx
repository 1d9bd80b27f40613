// Who is logged in on this console, in the header: display name and roles (Vietnamese names), log out here or
// everywhere the person is logged in.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src/contract/people.js';
import { useSession } from '../../state/session-context';

export function PersonBar({ person }: { person: Person }): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  // The page forgets the person at once; a host that cannot reach the hub still ends the session on its side.
  const logout = (everywhere: boolean): void => void session.logout(everywhere).catch(() => undefined);
  return (
    <div className="person-bar" role="group" aria-label={t('login.person')} data-testid="person-bar">
      <span className="person-bar__name" data-testid="person-name">
        {person.displayName}
      </span>
      <span className="person-bar__roles" data-testid="person-roles">
        {person.roles.map((r) => t(`role.${r}`)).join(', ')}
      </span>
      <button type="button" className="button" onClick={() => logout(false)}>
        {t('login.logout')}
      </button>
      <button type="button" className="button" onClick={() => logout(true)}>
        {t('login.logoutEverywhere')}
      </button>
    </div>
  );
}
