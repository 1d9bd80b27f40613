// Who is at the other end of a hub connection, as the handshake proved it: the device and the peer's address.
// Set once before the connection is accepted; every handler reads it from here, never from what a message says.
import type { Socket } from 'socket.io';
import type { DevicePrincipal } from '../identity/principal.js';

export interface ConnectionIdentity {
  principal: DevicePrincipal;
  /** The peer's IP address, as the audit log records it. */
  peer: string;
}

interface IdentityData {
  identity?: ConnectionIdentity;
}

export function setConnectionIdentity(socket: Socket, identity: ConnectionIdentity): void {
  (socket.data as IdentityData).identity = identity;
}

/** The identity the handshake set; a connection without one never got past it. */
export function connectionIdentity(socket: Socket): ConnectionIdentity {
  const identity = (socket.data as IdentityData).identity;
  if (!identity) throw new Error('a connection without a device identity: the handshake did not run');
  return identity;
}
