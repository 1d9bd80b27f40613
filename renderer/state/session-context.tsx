// React access to the page's session: the provider that opens and closes it, and hooks over its stores.
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { BridgeParams, BridgeRequest } from '../../src/contract/bridge.js';
import type { Envelope, KnownTopic } from '../../src/contract/hub-protocol.js';
import type { LatestValues } from '../../src/domain/latest-values.js';
import { BridgeClient } from '../bridge/bridge-client';
import { type ResumeStore, Session, type SessionSnapshot } from './session';

const SessionContext = createContext<Session | null>(null);

interface SessionProviderProps {
  params: BridgeParams;
  request: BridgeRequest<'hello'>;
  /** Shown until the session exists (one render). */
  fallback: ReactNode;
  /** A console page keeps its person's resume handle here across reloads. */
  resumeStore?: ResumeStore;
  children: ReactNode;
}

/** Opens a bridge connection and a session for the page below it; closes both when the page goes. */
export function SessionProvider({ params, request, fallback, resumeStore, children }: SessionProviderProps): ReactNode {
  const [session, setSession] = useState<Session | null>(null);
  const { role, surfaceId, asOf } = request;
  useEffect(() => {
    const client = new BridgeClient(params, {
      onInvalidEvent: (name, detail) => console.warn(`[ioc-wall] dropped an invalid "${name}" event: ${detail}`),
    });
    const hello = {
      role,
      ...(surfaceId === undefined ? {} : { surfaceId }),
      ...(asOf === undefined ? {} : { asOf }),
    };
    const next = new Session(client, hello, resumeStore);
    next.start();
    setSession(next);
    return () => {
      next.stop();
      setSession(null);
    };
  }, [params, role, surfaceId, asOf, resumeStore]);
  if (!session) return fallback;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a SessionProvider');
  return session;
}

export function useSessionSnapshot(): SessionSnapshot {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/** The latest values, re-rendering the caller only when one of `topics` changes. */
export function useLatest(topics: readonly KnownTopic[]): LatestValues {
  const { latest } = useSession();
  useSyncExternalStore(latest.subscribe, () => latest.version(topics));
  return latest.values;
}

/** The latest event of one key, re-rendering the caller only when that key changes (not its whole topic). */
export function useLatestEvent(topic: KnownTopic, key: string): Envelope | undefined {
  const { latest } = useSession();
  return useSyncExternalStore(latest.subscribe, () => latest.values.get(topic, key));
}
