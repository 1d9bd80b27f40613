// The operator console (#/console): the login form until someone logs in; then the host's status every two seconds
// — monitors, surfaces and their windows, the feed, the bridge, the cache and the outbox — the layout editor and the
// audit trail, with the person, log out and a language switch in the header. Idle too long, it logs out.
import { ConsoleSession } from './people/ConsoleSession';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeParams, Locale } from '../../src/contract/bridge.js';
import type { HostStatus } from '../../src/contract/host-status.js';
import { formatDate, formatTime } from '../../src/i18n/format.js';
import { callErrorText, ConnectingPage } from '../app/ConnectingPage';
import { setLocale, useLocale } from '../app/i18n';
import { BridgeCallError } from '../bridge/bridge-client';
import { DemoMark } from '../ui/DemoMark';
import { PrivacyMark } from '../ui/PrivacyMark';
import { PrivacySection } from './privacy/PrivacySection';
import { LinkIcon } from '../ui/icons';
import { bridgeShape } from '../ui/link-shape';
import { Num } from '../ui/Num';
import { useSession, useSessionSnapshot } from '../state/session-context';
import type { Session } from '../state/session';
import { ConnectionBanner } from '../wall/ConnectionBanner';
import { FeedSection, MonitorsTable, SurfacesTable } from './status-tables';
import { CacheCheck } from './replay/CacheCheck';
import { AlarmDesk } from './alarms/AlarmDesk';
import { RulesSection } from './alarms/rules/RulesSection';
import { LayoutEditor } from './editor/LayoutEditor';
import { HealthStrip } from './HealthStrip';
import { AuditSection, type TrailRequest } from './audit/AuditSection';
import { ResponsesSection } from './responses/ResponsesSection';
import { ConnectorsSection } from './connectors/ConnectorsSection';
import { HubClusterSection } from './hub-cluster/HubClusterSection';
import { BriefingSection } from './briefing/BriefingSection';
import { LoginPage } from './people/LoginPage';
import { PersonBar } from './people/PersonBar';
import { useIdleLock } from './people/use-idle-lock';
import { TimeCursorSection } from './time-cursor/TimeCursorSection';
import { BriefingPackSection } from './briefing-pack/BriefingPackSection';
import { AsOfBar } from '../wall/AsOfBar';
import './people/people.css';

const POLL_MS = 2000;
const LOCALE_KEY = 'ioc-wall.console-locale';

export function ConsolePage({ params }: { params: BridgeParams }): ReactNode {
  return (
    <ConsoleSession params={params}>
      <ConsoleView />
    </ConsoleSession>
  );
}

interface Polled {
  status: HostStatus | null;
  at: number | null;
  error: BridgeCallError | null;
}

function useStatusPoll(session: Session, connected: boolean): Polled {
  const [polled, setPolled] = useState<Polled>({ status: null, at: null, error: null });
  useEffect(() => {
    if (!connected) return;
    let stopped = false;
    const poll = (): void => {
      session.client
        .call('status', {})
        .then((status) => !stopped && setPolled({ status, at: Date.now(), error: null }))
        .catch((err: unknown) => {
          const error = err instanceof BridgeCallError ? err : new BridgeCallError('failed', 'status', String(err));
          if (!stopped) setPolled((p) => ({ ...p, error }));
        });
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [session, connected]);
  return polled;
}

function storedLocale(): Locale | null {
  try {
    const v = window.sessionStorage.getItem(LOCALE_KEY);
    return v === 'vi' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

function ConsoleView(): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const snapshot = useSessionSnapshot();
  const { connection, feed, hello, person } = snapshot;
  const [chosen, setChosen] = useState<Locale | null>(storedLocale);
  const hostLocale = hello?.locale;
  useEffect(() => {
    // The operator's choice in this console wins over the host's default.
    const locale = chosen ?? hostLocale;
    if (locale) setLocale(locale);
  }, [chosen, hostLocale]);
  const polled = useStatusPoll(session, connection.state === 'connected' && hello !== null && person !== null);
  const [trail, setTrail] = useState<TrailRequest | null>(null);
  const showTrail = useCallback((target: string) => setTrail((p) => ({ target, n: (p?.n ?? 0) + 1 })), []);
  const lock = useCallback(() => void session.logout(false, 'idle').catch(() => undefined), [session]);
  useIdleLock(person && hello ? hello.idleLockMinutes : null, lock);
  useEffect(() => {
    document.title = `${t('console.title')} – IOC Wall`;
  }, [t]);

  if (!hello) return <ConnectingPage snapshot={snapshot} />;
  const choose = (locale: Locale): void => {
    try {
      window.sessionStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Without storage the choice lasts until the page reloads.
    }
    setChosen(locale);
  };
  const { status } = polled;
  return (
    <div className="console">
      <AsOfBar cursor={snapshot.timeCursor} />
      <ConnectionBanner connection={connection} feed={status?.feed ?? feed} />
      <DemoMark />
      <PrivacyMark />
      <header className="console__header">
        <h1>IOC Wall · {t('console.title')}</h1>
        <p className={`console__link console__link--${connection.state}`}>
          <LinkIcon shape={bridgeShape(connection.state)} />
          {t(`bridgeState.${connection.state}`)}
        </p>
        {person && <PersonBar person={person} />}
        <LanguageSwitch onChoose={choose} />
      </header>
      {!person && <LoginPage ended={snapshot.personEnded} />}
      {person && polled.error && (
        <p className="console__error" role="alert">
          {t('console.statusFailed', { error: callErrorText(polled.error, t) })}
          {polled.at !== null && ` · ${t('console.statusStale', { time: formatTime(polled.at) })}`}
        </p>
      )}
      {/* The operator's main screen comes first, whether or not the host's status has come yet. */}
      {person && <AlarmDesk />}
      {!person ? null : !status ? (
        <p>{t('app.loading')}</p>
      ) : (
        <main className="console__sections">
          <HealthStrip status={status} now={polled.at ?? Date.now()} />
          <ResponsesSection />
          <TimeCursorSection />
          <BriefingPackSection />
          <PrivacySection />
          <LayoutEditor status={status} onShowTrail={showTrail} />
          <BriefingSection />
          <AuditSection trail={trail} />
          <ConnectorsSection connectors={status.connectors} />
          <RulesSection />
          <section>
            <h2>{t('console.host')}</h2>
            <dl className="facts">
              <dt>{t('console.version')}</dt>
              <dd>{status.version}</dd>
              <dt>{t('console.shell')}</dt>
              <dd>
                {status.shell.kind} – {status.shell.reason}
              </dd>
              <dt>{t('console.startedAt')}</dt>
              <dd>
                {formatTime(status.startedAt)} {formatDate(status.startedAt)}
              </dd>
              <dt>{t('console.bridge')}</dt>
              <dd>
                {status.bridge.url} · {t('console.clients')}: {status.bridge.clients} · {t('console.rejected')}:{' '}
                {status.bridge.rejected}
              </dd>
              <dt>{t('console.cache')}</dt>
              <dd>
                {status.cache.kind} · {t('console.keys')}: <Num value={status.cache.keys} /> ·{' '}
                <CacheCheck integrity={status.cache.integrity} />
              </dd>
              <dt>{t('console.outbox')}</dt>
              <dd>
                {t('console.depth')}: <Num value={status.outbox.depth} />
              </dd>
            </dl>
          </section>
          <section>
            <h2>
              {t('console.monitors')}{' '}
              <small>
                ({t('console.monitorSource')}: {status.monitorSource})
              </small>
            </h2>
            <MonitorsTable monitors={status.monitors} />
          </section>
          <section>
            <h2>{t('console.surfaces')}</h2>
            <SurfacesTable surfaces={status.surfaces} />
          </section>
          <section>
            <h2>{t('console.feed')}</h2>
            <FeedSection feed={status.feed} />
          </section>
          <HubClusterSection hubs={status.hubs} />
        </main>
      )}
    </div>
  );
}

function LanguageSwitch({ onChoose }: { onChoose: (locale: Locale) => void }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('console.language')}>
      <span>{t('console.language')}:</span>
      {(['vi', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          className="button"
          aria-pressed={locale === l}
          lang={l}
          onClick={() => onChoose(l)}
        >
          {locale === l ? '● ' : '○ '}
          {t(`console.${l}`)}
        </button>
      ))}
    </div>
  );
}
