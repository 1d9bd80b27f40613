// A bridge client as a page would be, from Node: the right (or a wrong) origin and token.
import { io, type Socket } from 'socket.io-client';
import { BRIDGE_CALLS, BRIDGE_SOCKET, type BridgeCallName, type CallResult } from '../../src/contract/bridge.js';

export function connectBridge(url: string, token: string, origin: string = url): Socket {
  return io(url, {
    transports: ['websocket'],
    auth: { token },
    extraHeaders: origin ? { Origin: origin } : {},
    reconnection: false,
    forceNew: true,
  });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

export async function call<K extends BridgeCallName>(
  socket: Socket,
  name: K,
  args: unknown,
  timeoutMs = 10_000,
): Promise<CallResult<unknown>> {
  const result = (await socket
    .timeout(timeoutMs)
    .emitWithAck(BRIDGE_SOCKET.call, { name, args })) as CallResult<unknown>;
  if (result.ok) BRIDGE_CALLS[name].response.parse(result.result);
  return result;
}
