// Video streams made by ffmpeg inside the tests and served on loopback, each on its own port (as a camera or a
// VMS would be on its own origin), with CORS headers. A stream can be stopped (ffmpeg killed, the server closed:
// what a dead camera looks like) and started again on the same URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

const FFMPEG = '/usr/bin/ffmpeg';

export interface TestStream {
  /** What a tile's `url` setting points at. */
  readonly url: string;
  /** scheme://host:port, for the host's mediaOrigins. */
  readonly origin: string;
  /** Kills ffmpeg and closes the server: the source is gone. */
  stop(): Promise<void>;
  /** Starts ffmpeg and the server again on the same port; resolves once the stream plays. */
  restart(): Promise<void>;
  /** Stops and removes the temporary files. */
  close(): Promise<void>;
}

export interface StreamOptions {
  width?: number;
  height?: number;
  fps?: number;
}

const TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

/** A live HLS stream of ffmpeg's test pattern (1 s segments, 5 in the playlist). */
export async function startHlsStream(options: StreamOptions = {}): Promise<TestStream> {
  const { width = 640, height = 360, fps = 25 } = options;
  const dir = mkdtempSync(join(tmpdir(), 'ioc-hls-'));
  const playlist = join(dir, 'live.m3u8');
  const runFfmpeg = (): ChildProcess => {
    for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
    // -re paces the encode to real time, as a camera would; a GOP per second lets each segment start cleanly.
    return ffmpeg([
      ...['-re', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${fps}`],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
      ...['-g', String(fps), '-keyint_min', String(fps), '-sc_threshold', '0'],
      ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '5', '-hls_flags', 'delete_segments'],
      playlist,
    ]);
  };
  const ready = async (): Promise<void> => {
    await waitFor(() => existsSync(playlist) && segmentCount(playlist) >= 2, 20_000, 'the HLS playlist');
  };
  return serveLive(
    (req, res) => serveFileFrom(dir, req, res),
    '/live.m3u8',
    runFfmpeg,
    ready,
    () => rmSync(dir, { recursive: true, force: true }),
  );
}

/** A live MJPEG stream (multipart/x-mixed-replace) of ffmpeg's test pattern. */
export async function startMjpegStream(options: StreamOptions = {}): Promise<TestStream> {
  const { width = 640, height = 360, fps = 10 } = options;
  const clients = new Set<ServerResponse>();
  let frames = 0;
  const runFfmpeg = (): ChildProcess => {
    frames = 0;
    const child = ffmpeg([
      ...['-re', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${fps}`],
      ...['-f', 'mjpeg', '-q:v', '6', 'pipe:1'],
    ]);
    splitJpegs(child, (jpeg) => {
      frames++;
      for (const res of clients) {
        res.write(`--frame\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`);
        res.write(jpeg);
        res.write('\r\n');
      }
    });
    return child;
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (!(req.url ?? '').startsWith('/stream.mjpg')) return notFound(res);
    res.writeHead(200, {
      ...CORS,
      'content-type': 'multipart/x-mixed-replace; boundary=frame',
      'cache-control': 'no-store',
    });
    clients.add(res);
    res.on('close', () => clients.delete(res));
  };
  return serveLive(
    handle,
    '/stream.mjpg',
    runFfmpeg,
    () => waitFor(() => frames > 0, 20_000, 'the first MJPEG frame'),
    () => {
      for (const res of clients) res.destroy();
    },
    () => {
      for (const res of clients) res.destroy();
      clients.clear();
    },
  );
}

/** A short MP4 clip made once, served as a plain file (with byte ranges, as a web server would). */
export async function startFileStream(options: StreamOptions & { seconds?: number } = {}): Promise<TestStream> {
  const { width = 320, height = 180, fps = 25, seconds = 4 } = options;
  const dir = mkdtempSync(join(tmpdir(), 'ioc-file-'));
  const clip = join(dir, 'clip.mp4');
  await runToEnd([
    ...['-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${fps}:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', clip],
  ]);
  return serveLive(
    (req, res) => serveFileFrom(dir, req, res),
    '/clip.mp4',
    null,
    async () => undefined,
    () => rmSync(dir, { recursive: true, force: true }),
  );
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'range, content-type',
  'access-control-expose-headers': 'content-length, content-range',
};

async function serveLive(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  path: string,
  runFfmpeg: (() => ChildProcess) | null,
  ready: () => Promise<void>,
  cleanup: () => void,
  onStop: () => void = () => undefined,
): Promise<TestStream> {
  let server: Server | null = null;
  let child: ChildProcess | null = null;
  let port = 0;
  const sockets = new Set<Socket>();

  const start = async (): Promise<void> => {
    child = runFfmpeg?.() ?? null;
    const s = createServer((req, res) => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      handle(req, res);
    });
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
    await ready();
  };
  const stop = async (): Promise<void> => {
    const c = child;
    child = null;
    if (c && c.exitCode === null) {
      const exited = new Promise((resolve) => c.once('exit', resolve));
      // SIGKILL: no graceful end of the playlist, exactly what a camera losing power does.
      c.kill('SIGKILL');
      await exited;
    }
    onStop();
    const s = server;
    server = null;
    if (s) {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  };

  await start();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${path}`,
    origin,
    stop,
    restart: start,
    async close() {
      await stop();
      cleanup();
    },
  };
}

function serveFileFrom(dir: string, req: IncomingMessage, res: ServerResponse): void {
  const name = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  const file = join(dir, name);
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return notFound(res);
  const size = statSync(file).size;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = { ...CORS, 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range) {
    const start = range[1] ? Number(range[1]) : 0;
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.writeHead(206, {
      ...headers,
      'content-length': end - start + 1,
      'content-range': `bytes ${start}-${end}/${size}`,
    });
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': size });
  createReadStream(file).pipe(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, CORS);
  res.end();
}

function ffmpeg(args: string[]): ChildProcess {
  const child = spawn(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[ffmpeg] ${chunk.toString()}`));
  return child;
}

function runToEnd(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = ffmpeg(args);
    child.stdout?.resume();
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`))));
  });
}

/** Cuts ffmpeg's MJPEG output into JPEG images at their start (FFD8) and end (FFD9) markers. */
function splitJpegs(child: ChildProcess, onFrame: (jpeg: Buffer) => void): void {
  let pending = Buffer.alloc(0);
  child.stdout?.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const start = pending.indexOf(Buffer.from([0xff, 0xd8]));
      if (start < 0) break;
      const end = pending.indexOf(Buffer.from([0xff, 0xd9]), start + 2);
      if (end < 0) break;
      onFrame(pending.subarray(start, end + 2));
      pending = pending.subarray(end + 2);
    }
  });
}

function segmentCount(playlist: string): number {
  try {
    return readFileSync(playlist, 'utf8')
      .split('\n')
      .filter((line) => line.endsWith('.ts')).length;
  } catch {
    return 0;
  }
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface WhepEndpoint {
  readonly url: string;
  readonly origin: string;
  /** How many offers were answered. */
  offers(): number;
  close(): Promise<void>;
}

/**
 * A WHEP endpoint on loopback: takes an SDP offer (POST application/sdp), returns the answer `answer` gives
 * (201, Location of the session), and accepts the session's DELETE. Who makes the answer is the test's choice.
 */
export async function startWhepEndpoint(answer: (offer: string) => Promise<string>): Promise<WhepEndpoint> {
  let count = 0;
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS,
        'access-control-allow-methods': 'POST, DELETE',
        'access-control-expose-headers': 'location',
      });
      res.end();
      return;
    }
    if (req.method === 'DELETE') {
      res.writeHead(200, CORS);
      res.end();
      return;
    }
    if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/sdp')) {
      res.writeHead(415, CORS);
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      answer(Buffer.concat(chunks).toString('utf8')).then(
        (sdp) => {
          count++;
          res.writeHead(201, {
            ...CORS,
            'access-control-expose-headers': 'location',
            'content-type': 'application/sdp',
            location: `/whep/session/${count}`,
          });
          res.end(sdp);
        },
        (error: unknown) => {
          res.writeHead(500, CORS);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/whep`,
    origin,
    offers: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
