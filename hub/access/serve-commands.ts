// The `command` message: parsed, its person and device established (command-access.ts), checked against the
// roles the command table allows, applied once per key — and audited, whatever the outcome: an applied or
// rejected command's audit row in the same transaction as its record and events, a refused one (no valid
// session, a wall device) on its own.
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { COMMANDS, type CommandResult } from '../../src/contract/commands.js';
import { CommandRequest, type CommandResponse, type Envelope, HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import { mayAct } from '../../src/domain/identity/roles.js';
import type { Logger } from '../../platform/logger.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CommandLog } from '../command-log.js';
import { commandTarget } from '../commands/command-target.js';
import type { HubGuard } from '../guard/hub-guard.js';
import type { Sessions } from '../identity/sessions.js';
import type { CommandClaims } from '../jetstream/command-claims.js';
import { commandAccess } from './command-access.js';
import { connectionIdentity } from './connection-identity.js';

export interface CommandServiceDeps {
  commands: CommandLog;
  sessions: Sessions;
  audit: AuditLog;
  guard: HubGuard;
  logger: Logger;
  /** A command wrote these events: subscribers pump them, the alarm engine evaluates them. */
  wake(events: readonly Envelope[]): void;
  /** With the JetStream back end: the site-wide claim that makes a command apply once whichever hub gets it. */
  claims?: CommandClaims | undefined;
  /**
   * With the JetStream back end: waits for the people and sessions other hubs made. A session opened at another
   * hub a moment ago (the host then failed over here) is not refused as unknown.
   */
  identityCaughtUp?: (() => Promise<void>) | undefined;
}

export function serveCommands(socket: Socket, deps: CommandServiceDeps): void {
  const { logger, audit } = deps;
  const connection = connectionIdentity(socket);
  const device = connection.principal.device;
  deps.guard.on(socket, HUB_EVENTS.command, async (raw: unknown, ack?: unknown) => {
    const reply = (r: CommandResponse): void => {
      if (typeof ack === 'function') ack(r);
    };
    const parsed = CommandRequest.safeParse(raw);
    if (!parsed.success) {
      const error = `bad command: ${z.prettifyError(parsed.error)}`;
      logger.warn(error, { client: socket.id });
      return reply({ ok: false, error });
    }
    const cmd = parsed.data;
    const target = commandTarget(cmd.name, cmd.args);
    let access = await commandAccess(cmd, connection, deps.sessions);
    // A session opened at another hub reaches this one within moments: asked again for up to three seconds.
    for (let i = 0; !access.ok && deps.identityCaughtUp && i < 10; i++) {
      await deps.identityCaughtUp();
      access = await commandAccess(cmd, connection, deps.sessions);
      if (!access.ok) await new Promise((r) => setTimeout(r, 300));
    }
    if (!access.ok) {
      audit.append({
        person: access.person,
        device,
        peer: connection.peer,
        action: cmd.name,
        target,
        outcome: 'rejected',
        detail: { key: cmd.key, result: 'refused', reason: access.reason, message: access.message },
      });
      logger.warn('command refused', { key: cmd.key, name: cmd.name, device, reason: access.reason });
      return reply({ ok: false, error: `refused: ${access.message}` });
    }
    const person = access.person;
    const claim = deps.claims ? await deps.claims.claim(cmd.key, Date.now()) : ({ kind: 'ours' } as const);
    if (claim.kind === 'taken') {
      logger.info('command already claimed by another hub', { key: cmd.key, name: cmd.name, hub: claim.hub });
      // Another hub of the site applied it (the host retried here after a failover): its result, not a second go.
      if (claim.result) return reply({ ok: true, key: cmd.key, duplicate: true, result: claim.result });
      // Still being applied there, or that hub died mid-way (its claim is taken over after a while): ask again.
      return reply({ ok: false, error: `hub ${claim.hub} is applying this command`, retryAfterMs: 3000 });
    }
    const outcome = deps.commands.apply(cmd, {
      issuer: `${person.user}@${person.device}`,
      person: person.user,
      device: person.device,
      allowed: mayAct(person.roles, COMMANDS[cmd.name].roles),
      audit: (result: CommandResult) =>
        audit.append({
          person: person.user,
          device,
          peer: connection.peer,
          action: cmd.name,
          target,
          outcome: result.status === 'applied' ? 'ok' : 'rejected',
          detail: {
            key: cmd.key,
            result: result.status,
            reason: result.status === 'rejected' ? result.reason : null,
            message: result.message,
          },
        }),
    });
    if (outcome.events.length > 0) deps.wake(outcome.events);
    await deps.claims?.settle(cmd.key, outcome.result, Date.now());
    logger.info('command', { key: cmd.key, name: cmd.name, by: person.user, device, duplicate: outcome.duplicate });
    reply({ ok: true, key: cmd.key, duplicate: outcome.duplicate, result: outcome.result });
  });
}
