// Who is acting: a person in a session (on a device), or a device on its own (a wall PC's host, a console PC's
// host before anyone has logged in). The hub checks commands against these, never against what a client says.
import type { Role } from '../../src/domain/identity/roles.js';
import type { DeviceKind } from './device-store.js';

export interface PersonPrincipal {
  kind: 'person';
  user: string;
  displayName: string;
  roles: Role[];
  device: string;
  sessionId: string;
}

export interface DevicePrincipal {
  kind: 'device';
  device: string;
  deviceKind: DeviceKind;
  /** A wall shows; it never acts, whoever is standing in front of it. */
  readOnly: boolean;
}
