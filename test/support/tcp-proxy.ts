// A TCP proxy on loopback between a host and its hub, to drop, stall or refuse connections on demand.
import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  url: string;
  port: number;
  /** Cuts every open connection. */
  dropAll(): void;
  /** While true, bytes from the hub to the host are held back (a half-dead link). */
  stallDownstream(on: boolean): void;
  /** While true, new connections are closed at once. */
  refuse(on: boolean): void;
  connections(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, listenPort = 0): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let stalled = false;
  let refusing = false;
  const held: Array<() => void> = [];
  const server: Server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      if (stalled) held.push(() => client.write(d));
      else client.write(d);
    });
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(listenPort, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const dropAll = (): void => {
    held.length = 0;
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dropAll,
    stallDownstream(on) {
      stalled = on;
      if (!on) for (const release of held.splice(0)) release();
    },
    refuse(on) {
      refusing = on;
    },
    connections: () => pairs.size,
    close() {
      dropAll();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
