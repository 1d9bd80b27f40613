// A camera on loopback for the relay's tests and bench. ffmpeg cannot serve RTSP itself (its RTSP muxer only publishes to a
// server), so ffmpeg encodes its test pattern as a camera would (H.264, a key frame a second, parameter sets in
// band) into RTP on a loopback UDP port, and this small RTSP server answers OPTIONS/DESCRIBE/SETUP/PLAY and
// forwards those RTP packets to each playing client interleaved on its TCP connection (RFC 2326 §10.12): what the
// relay's `-rtsp_transport tcp` asks for. Stopping the camera kills ffmpeg and closes the server and its clients.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** A free loopback port (closed again; the caller listens on it next). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const SDP = (port) =>
  [
    'v=0',
    'o=- 0 0 IN IP4 127.0.0.1',
    's=IOC Wall test camera',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=video 0 RTP/AVP 96',
    'a=rtpmap:96 H264/90000',
    'a=fmtp:96 packetization-mode=1',
    `a=control:rtsp://127.0.0.1:${port}/cam/track0`,
    '',
  ].join('\r\n');

/** `{ url, stop(), start(), close() }`: stop ends the encoder, closes the server and cuts its clients off. */
export async function startTestCamera(options = {}) {
  const { width = 640, height = 360, fps = 25 } = options;
  const port = await freePort();
  const url = `rtsp://127.0.0.1:${port}/cam`;
  let encoder = null;
  let rtp = null;
  let server = null;
  const playing = new Set();
  const clients = new Set();

  const serve = (client) => {
    clients.add(client);
    client.on('close', () => {
      clients.delete(client);
      playing.delete(client);
    });
    client.on('error', () => client.destroy());
    let buffered = '';
    client.setEncoding('latin1');
    client.on('data', (chunk) => {
      buffered += chunk;
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const request = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        const [line = '', ...headers] = request.split('\r\n');
        const method = line.split(' ')[0];
        const cseq =
          headers
            .find((h) => /^cseq:/i.test(h))
            ?.split(':')[1]
            ?.trim() ?? '0';
        const reply = (extra, body = '') => {
          const head = ['RTSP/1.0 200 OK', `CSeq: ${cseq}`, ...extra];
          if (body) head.push('Content-Type: application/sdp', `Content-Length: ${Buffer.byteLength(body)}`);
          client.write(`${head.join('\r\n')}\r\n\r\n${body}`, 'latin1');
        };
        if (method === 'OPTIONS') reply(['Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN']);
        else if (method === 'DESCRIBE') reply([`Content-Base: ${url}/`], SDP(port));
        else if (method === 'SETUP') reply(['Transport: RTP/AVP/TCP;unicast;interleaved=0-1', 'Session: 1']);
        else if (method === 'PLAY') {
          reply(['Session: 1']);
          playing.add(client);
        } else if (method === 'TEARDOWN') {
          reply(['Session: 1']);
          client.end();
        } else client.write(`RTSP/1.0 501 Not Implemented\r\nCSeq: ${cseq}\r\n\r\n`);
      }
    });
  };

  const start = async () => {
    const socket = createSocket('udp4');
    await new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    socket.on('message', (packet) => {
      const frame = Buffer.alloc(4);
      frame[0] = 0x24; // '$'
      frame[1] = 0; // channel 0: RTP
      frame.writeUInt16BE(packet.length, 2);
      for (const client of playing) client.write(Buffer.concat([frame, packet]));
    });
    rtp = socket;
    server = createServer(serve);
    await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    encoder = spawn(
      '/usr/bin/ffmpeg',
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
        ...['-re', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${fps}`],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
        ...['-g', String(fps), '-keyint_min', String(fps), '-sc_threshold', '0'],
        ...['-f', 'rtp', '-payload_type', '96', `rtp://127.0.0.1:${socket.address().port}?pkt_size=1400`],
      ],
      { stdio: 'ignore' },
    );
  };

  const stop = async () => {
    const e = encoder;
    encoder = null;
    if (e && e.exitCode === null) {
      await new Promise((resolve) => {
        e.once('close', () => resolve());
        e.kill('SIGKILL');
      });
    }
    for (const c of clients) c.destroy();
    const s = server;
    server = null;
    if (s) await new Promise((resolve) => s.close(() => resolve()));
    rtp?.close();
    rtp = null;
  };

  await start();
  return { url, stop, start, close: stop };
}
