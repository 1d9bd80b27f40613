// Who a command is from, decided by the hub: the person of the access token it carries (`session`), on the
// device of the connection it came over — never the `issuer` a client writes. A wall device never acts, whoever
// stands in front of it; a connection with no person logged in cannot act either.
import type { CommandRequest } from '../../src/contract/hub-protocol.js';
import type { PersonPrincipal } from '../identity/principal.js';
import type { Sessions } from '../identity/sessions.js';
import type { ConnectionIdentity } from './connection-identity.js';

export type CommandAccess =
  | { ok: true; person: PersonPrincipal }
  | {
      ok: false;
      /** For the audit log's detail. */
      reason: 'wall-device' | 'no-session' | 'expired' | 'revoked' | 'invalid' | 'disabled' | 'another-device';
      message: string;
      /** The person, when the token was genuine but used from another device. */
      person: string | null;
    };

export async function commandAccess(
  cmd: CommandRequest,
  connection: ConnectionIdentity,
  sessions: Sessions,
): Promise<CommandAccess> {
  const device = connection.principal;
  if (device.readOnly) {
    return { ok: false, reason: 'wall-device', message: `${device.device} is a wall: it never acts`, person: null };
  }
  if (cmd.session === undefined) {
    return { ok: false, reason: 'no-session', message: 'no person is logged in: log in at the console', person: null };
  }
  // A command queued offline is checked as of when it was made (see Sessions.verify).
  const verified = await sessions.verify(cmd.session, { queuedAt: cmd.issuedAt });
  if (!verified.ok) {
    return { ok: false, reason: verified.reason, message: `session ${verified.reason}: log in again`, person: null };
  }
  const person = verified.principal;
  if (person.device !== device.device) {
    return {
      ok: false,
      reason: 'another-device',
      message: `the session was opened on ${person.device}, not on ${device.device}`,
      person: person.user,
    };
  }
  return { ok: true, person };
}
