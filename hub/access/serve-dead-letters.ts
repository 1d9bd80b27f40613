// The `dead-letters` message: an admin, logged in on this connection's device, reads what a connector refused.
// Anyone else is told no: the refused rows are the centre's data, and only an admin can replay them anyway.
import type { Socket } from 'socket.io';
import { DeadLettersRequest, type DeadLettersResponse } from '../../src/contract/connector-status.js';
import { HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import type { DeadLetterStore } from '../connectors/dead-letter-store.js';
import type { HubGuard } from '../guard/hub-guard.js';
import type { Sessions } from '../identity/sessions.js';
import { connectionIdentity } from './connection-identity.js';

export interface DeadLetterServiceDeps {
  sessions: Sessions;
  deadLetters: DeadLetterStore;
  guard: HubGuard;
}

export function serveDeadLetters(socket: Socket, deps: DeadLetterServiceDeps): void {
  const device = connectionIdentity(socket).principal.device;
  deps.guard.on(socket, HUB_EVENTS.deadLetters, async (raw: unknown, ack?: unknown) => {
    const reply = (r: DeadLettersResponse): void => {
      if (typeof ack === 'function') ack(r);
    };
    const parsed = DeadLettersRequest.safeParse(raw);
    if (!parsed.success) return reply({ ok: false, error: 'bad dead-letters query' });
    const verified = await deps.sessions.verify(parsed.data.accessToken);
    if (!verified.ok || verified.principal.device !== device) return reply({ ok: false, error: 'no valid session' });
    if (!verified.principal.roles.includes('admin')) {
      return reply({ ok: false, error: 'only an admin may read the dead letters' });
    }
    reply({ ok: true, letters: deps.deadLetters.list(parsed.data.connectorId, parsed.data.limit) });
  });
}
