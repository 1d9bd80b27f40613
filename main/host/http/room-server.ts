// The host's pages on the room's network (`--room-address`): the presenter's tablet, a console on another PC. The
// same server as on loopback — requests and websocket upgrades are handed to it, so the bridge, its Origin and
// token checks, the CSP and the Host check all apply — reached only over TLS, since a person's password and the
// per-launch token cross the network. Wall windows stay on loopback.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RoomServer {
  /** `https://address:port` as a browser on the network writes it. */
  origin: string;
  /** The Host header such a browser sends. */
  host: string;
  close(): Promise<void>;
}

export async function serveRoom(
  loopback: Server,
  room: { address: string; port: number; certFile: string; keyFile: string },
): Promise<RoomServer> {
  const tls: TlsServer = createServer({
    cert: readFileSync(room.certFile),
    key: readFileSync(room.keyFile),
    minVersion: 'TLSv1.2',
  });
  tls.on('request', (req, res) => loopback.emit('request', req, res));
  tls.on('upgrade', (req, socket, head) => loopback.emit('upgrade', req, socket, head));
  await new Promise<void>((resolve, reject) => {
    tls.once('error', reject);
    tls.listen(room.port, room.address, () => resolve());
  });
  const { port } = tls.address() as AddressInfo;
  const name = room.address.includes(':') ? `[${room.address}]` : room.address;
  return {
    origin: `https://${name}:${port}`,
    host: `${name}:${port}`,
    close: () => new Promise<void>((resolve) => tls.close(() => resolve())),
  };
}
