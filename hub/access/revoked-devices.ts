// A device revoked while it is connected is cut off within seconds. Revocation happens in another process (the
// installer's `ioc-wall hub device revoke`, on the same database), so the hub looks at the devices of its open
// connections every few seconds and ends those revoked since: a stolen wall PC stops receiving the feed too, not
// only acting.
import type { Server } from 'socket.io';
import { HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import type { Logger } from '../../platform/logger.js';
import type { DeviceStore } from '../identity/device-store.js';
import { connectionIdentity } from './connection-identity.js';

const SWEEP_MS = 3000;

export function cutRevokedDevices(io: Server, devices: DeviceStore, logger: Logger): () => void {
  const sweep = (): void => {
    const revoked = new Map<string, boolean>();
    for (const socket of io.of('/').sockets.values()) {
      const device = connectionIdentity(socket).principal.device;
      if (!revoked.has(device)) revoked.set(device, devices.get(device)?.revoked !== false);
      if (!revoked.get(device)) continue;
      logger.warn('connection of a revoked device ended', { device, client: socket.id });
      socket.emit(HUB_EVENTS.protocolError, { error: `device ${device} was revoked` });
      socket.disconnect(true);
    }
  };
  const timer = setInterval(() => {
    // A timer's exception would end the hub (a database busy beyond its timeout, say): log it, sweep again later.
    try {
      sweep();
    } catch (err) {
      logger.error('revoked-device sweep failed', { error: String(err) });
    }
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
