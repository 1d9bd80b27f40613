// Limits of the hub's socket.io server, applied before any message is decoded.
import type { ServerOptions } from 'socket.io';

export const SERVER_LIMITS = {
  // The largest message a client has reason to send is a preset.save: a few KB (the demo's are 1–2 KB), up to
  // hundreds of KB with an image tile's data: URL. A larger frame is refused by the websocket layer from its
  // header, before it is buffered (close code 1009).
  maxHttpBufferSize: 1_000_000,
  // No compression: a small deflated frame can inflate to the size limit (a zip bomb costs CPU before the limit
  // stops it), and hosts sit on the centre's LAN, where compression buys nothing.
  perMessageDeflate: false,
  httpCompression: false,
  // A connection that joins no namespace within 10 s is closed (socket.io's default keeps it 45 s).
  connectTimeout: 10_000,
} satisfies Partial<ServerOptions>;
