// The console's login form: name and password, keyboard first (focus on the name, Enter submits), the hub's
// refusal in words (never whether the name exists), and why the last session ended. Nothing else on the page
// takes input until someone is logged in, so there is no dialog to trap focus.
import type { TFunction } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../../../src/contract/bridge.js';
import { callErrorText } from '../../app/ConnectingPage';
import { BridgeCallError } from '../../bridge/bridge-client';
import type { PersonEnd } from '../../state/session';
import { useSession } from '../../state/session-context';

export function LoginPage({ ended }: { ended: PersonEnd | null }): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (busy || user.trim() === '' || password === '') return;
    setBusy(true);
    setError(null);
    session
      .login({ user: user.trim(), password })
      .then((result) => {
        if (result.ok) return;
        setError(refusalText(result, t));
        setPassword('');
      })
      .catch((err: unknown) =>
        setError(
          t('login.failed', {
            detail: err instanceof BridgeCallError ? callErrorText(err, t) : String(err),
          }),
        ),
      )
      .finally(() => setBusy(false));
  };

  return (
    <main className="login">
      <form className="login__form" onSubmit={submit} aria-labelledby="login-title" data-testid="login-form">
        <h2 id="login-title">{t('login.title')}</h2>
        {ended ? (
          <p className="login__notice" role="status" data-testid="login-notice">
            {endedText(ended, t)}
          </p>
        ) : (
          <p className="login__hint">{t('login.hint')}</p>
        )}
        <div className="field">
          <label htmlFor="login-user">{t('login.user')}</label>
          <input
            id="login-user"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            // Keyboard first: the operator types at once.
            autoFocus
            value={user}
            onChange={(e) => setUser(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={1024}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <p className="login__error" role="alert" data-testid="login-error">
            ⚠ {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('login.working') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}

function refusalText(result: Extract<LoginResult, { ok: false }>, t: TFunction): string {
  switch (result.reason) {
    case 'invalid-credentials':
      return t('login.invalid');
    case 'locked':
      return t('login.locked', { seconds: Math.max(1, Math.ceil((result.retryAfterMs ?? 0) / 1000)) });
    case 'unavailable':
      return t('login.unavailable');
    case 'not-a-console':
      return t('login.notConsole');
  }
}

function endedText(ended: PersonEnd, t: TFunction): string {
  switch (ended) {
    case 'idle':
      return t('login.idleLocked');
    case 'expired':
      return t('login.expired');
    case 'logged-out':
      return t('login.loggedOut');
    default:
      return t('login.revoked');
  }
}
