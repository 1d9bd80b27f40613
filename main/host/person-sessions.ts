// The people logged in on this host's console pages. The hub decides who someone is; the host holds each
// session's tokens in memory (the refresh token never reaches a page), renews the access token before it expires,
// and gives the page an opaque resume handle so that a reload keeps the person logged in. A page that goes away
// keeps its session for a while (a reload), unrenewed; after that it is forgotten and logged out at the hub.
import { type DeadLetterFilter, type DeadLetterRow, DeadLettersResponse } from '../../src/contract/connector-status.js';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BridgeEvent, LoginResult } from '../../src/contract/bridge.js';
import { HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import {
  type AuditFilter,
  AuditQueryResponse,
  type AuditRow,
  type LoginRequest,
  LoginResponse,
  type Person,
  RefreshResponse,
  type SessionGrant,
} from '../../src/contract/people.js';
import type { Logger } from '../../platform/logger.js';

/** Asks the hub on the host's connection and checks the answer (FeedClient.ask); rejects when the hub is away. */
type AskHub = <T>(event: string, payload: unknown, response: z.ZodType<T>) => Promise<T>;

type PersonChange = BridgeEvent<'person'>;

interface PersonSessionsOptions {
  ask: AskHub;
  /** Tells one page that its person changed (logged out, expired, revoked). */
  tell: (clientId: string, change: PersonChange) => void;
  logger: Logger;
  /** How long a session outlives its last page (a reload); the console's idle lock is the natural bound. */
  detachedKeepMs: number;
}

/** The hub's answer to a logout carries nothing the host acts on. */
const LogoutAnswer = z.unknown();

/** Renew this long before the access token expires (half its life when that is shorter). */
const RENEW_LEAD_MS = 60_000;
/** The hub away while renewing: try again this often (the session stands meanwhile; commands queue). */
const RENEW_RETRY_MS = 10_000;

interface Held {
  grant: SessionGrant;
  pages: Set<string>;
  renewTimer?: NodeJS.Timeout;
  forgetTimer?: NodeJS.Timeout;
}

export class PersonSessions {
  private readonly byHandle = new Map<string, Held>();
  private readonly byPage = new Map<string, string>();

  constructor(private readonly options: PersonSessionsOptions) {}

  async login(clientId: string, request: LoginRequest): Promise<LoginResult> {
    let answer: LoginResponse;
    try {
      answer = await this.options.ask(HUB_EVENTS.login, request, LoginResponse);
    } catch (err) {
      this.options.logger.warn('login not possible: the hub did not answer', { error: String(err) });
      return { ok: false, reason: 'unavailable' };
    }
    if (!answer.ok) return answer;
    // Someone else logged in on this page before: their session here ends.
    const previous = this.byPage.get(clientId);
    if (previous) await this.end(previous, 'logged-out', clientId);
    const handle = randomBytes(24).toString('base64url');
    const held: Held = { grant: answer.grant, pages: new Set([clientId]) };
    this.byHandle.set(handle, held);
    this.byPage.set(clientId, handle);
    this.scheduleRenewal(handle, held);
    this.options.logger.info('person logged in', {
      user: answer.grant.person.user,
      device: answer.grant.person.device,
    });
    return { ok: true, person: answer.grant.person, resume: handle };
  }

  /** A page says hello with its resume handle: it gets its person back (null when the handle is unknown or spent). */
  async resume(clientId: string, handle: string | undefined): Promise<Person | null> {
    const current = this.byPage.get(clientId);
    const chosen = handle ?? current;
    if (chosen === undefined) return null;
    const held = this.byHandle.get(chosen);
    if (!held) return null;
    if (current !== undefined && current !== chosen) this.pageGone(clientId);
    held.pages.add(clientId);
    this.byPage.set(clientId, chosen);
    clearTimeout(held.forgetTimer);
    held.forgetTimer = undefined;
    if (held.grant.accessExpiresAt - Date.now() < RENEW_LEAD_MS) await this.renew(chosen, held);
    else if (!held.renewTimer) this.scheduleRenewal(chosen, held);
    return this.byHandle.get(chosen)?.grant.person ?? null;
  }

  /** The session of the person logged in on this page, or null. */
  current(clientId: string): SessionGrant | null {
    const handle = this.byPage.get(clientId);
    return handle === undefined ? null : (this.byHandle.get(handle)?.grant ?? null);
  }

  /** Ends this page's session at the hub (or every session of the person) and tells the pages that shared it. */
  async logout(clientId: string, everywhere: boolean): Promise<void> {
    const handle = this.byPage.get(clientId);
    const held = handle === undefined ? undefined : this.byHandle.get(handle);
    if (handle === undefined || !held) return;
    this.forget(handle, held, 'logged-out', clientId);
    await this.hubLogout(held.grant, everywhere);
    if (!everywhere) return;
    for (const [other, o] of this.byHandle)
      if (o.grant.person.user === held.grant.person.user) this.forget(other, o, 'logged-out');
  }

  /** A page closed or lost its connection: its session is kept for a reload, then forgotten. */
  pageGone(clientId: string): void {
    const handle = this.byPage.get(clientId);
    this.byPage.delete(clientId);
    const held = handle === undefined ? undefined : this.byHandle.get(handle);
    if (handle === undefined || !held) return;
    held.pages.delete(clientId);
    if (held.pages.size > 0) return;
    clearTimeout(held.renewTimer);
    held.renewTimer = undefined;
    held.forgetTimer = setTimeout(() => void this.end(handle, 'logged-out'), this.options.detachedKeepMs);
    held.forgetTimer.unref();
  }

  /** The audit trail, as the hub lets this page's person see it. */
  async audit(clientId: string, filter: AuditFilter): Promise<AuditRow[]> {
    return (await this.askAsPerson(clientId, HUB_EVENTS.audit, filter, AuditQueryResponse)).rows;
  }

  /** A connector's dead letters, if the hub lets this page's person (an admin) read them. */
  async deadLetters(clientId: string, filter: DeadLetterFilter): Promise<DeadLetterRow[]> {
    return (await this.askAsPerson(clientId, HUB_EVENTS.deadLetters, filter, DeadLettersResponse)).letters;
  }

  /** Asks the hub something with this page's person's access token; a refusal is thrown with its reason. */
  private async askAsPerson<T extends { ok: true }>(
    clientId: string,
    event: string,
    query: object,
    response: z.ZodType<T | { ok: false; error: string }>,
  ): Promise<T> {
    const grant = this.current(clientId);
    if (!grant) throw new Error('nobody is logged in on this page');
    const answer = await this.options.ask(event, { ...query, accessToken: grant.accessToken }, response);
    if (!answer.ok) throw new Error(answer.error);
    return answer;
  }

  close(): void {
    for (const held of this.byHandle.values()) {
      clearTimeout(held.renewTimer);
      clearTimeout(held.forgetTimer);
    }
    this.byHandle.clear();
    this.byPage.clear();
  }

  private scheduleRenewal(handle: string, held: Held): void {
    clearTimeout(held.renewTimer);
    const left = held.grant.accessExpiresAt - Date.now();
    const delay = Math.max(1000, left - Math.min(RENEW_LEAD_MS, left / 2));
    held.renewTimer = setTimeout(() => void this.renew(handle, held), delay);
    held.renewTimer.unref();
  }

  private async renew(handle: string, held: Held): Promise<void> {
    let answer: RefreshResponse;
    try {
      answer = await this.options.ask(HUB_EVENTS.refresh, { refreshToken: held.grant.refreshToken }, RefreshResponse);
    } catch (err) {
      if (this.byHandle.get(handle) !== held) return;
      this.options.logger.warn('session not renewed: the hub did not answer; trying again', { error: String(err) });
      clearTimeout(held.renewTimer);
      held.renewTimer = setTimeout(() => void this.renew(handle, held), RENEW_RETRY_MS);
      held.renewTimer.unref();
      return;
    }
    // Logged out while the hub answered.
    if (this.byHandle.get(handle) !== held) return;
    if (!answer.ok) {
      this.options.logger.info('session ended by the hub', { user: held.grant.person.user, reason: answer.reason });
      this.forget(handle, held, answer.reason);
      return;
    }
    held.grant = answer.grant;
    if (held.pages.size > 0) this.scheduleRenewal(handle, held);
  }

  private async end(handle: string, reason: PersonChange['reason'], except?: string): Promise<void> {
    const held = this.byHandle.get(handle);
    if (!held) return;
    this.forget(handle, held, reason, except);
    await this.hubLogout(held.grant, false);
  }

  /** Drops the session here and tells its pages (but `except`, the page that asked). */
  private forget(handle: string, held: Held, reason: PersonChange['reason'], except?: string): void {
    clearTimeout(held.renewTimer);
    clearTimeout(held.forgetTimer);
    this.byHandle.delete(handle);
    for (const page of held.pages) {
      this.byPage.delete(page);
      if (page !== except) this.options.tell(page, { person: null, reason });
    }
  }

  private async hubLogout(grant: SessionGrant, everywhere: boolean): Promise<void> {
    try {
      await this.options.ask(HUB_EVENTS.logout, { accessToken: grant.accessToken, everywhere }, LogoutAnswer);
    } catch (err) {
      // The session is gone here either way; at the hub it runs out by itself (short-lived tokens).
      this.options.logger.warn('logout not confirmed by the hub', { user: grant.person.user, error: String(err) });
    }
  }
}
