// One RTSP camera relayed to HLS by ffmpeg: remuxed (`-c copy`, no transcoding) into 1 s segments in a directory
// the host serves. When ffmpeg dies (the camera went away, the network dropped) it is started again with backoff,
// the directory emptied first so a page never gets the dead run's playlist.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../../platform/logger.js';

const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
/** A run this long was a working stream: the next failure starts the backoff again from its minimum. */
const HEALTHY_RUN_MS = 30_000;

export interface HlsRelayOptions {
  cameraId: string;
  rtspUrl: string;
  /** Where index.m3u8 and its segments are written (made if missing, emptied before each run). */
  dir: string;
  ffmpeg: string;
  logger: Logger;
}

export class HlsRelay {
  private child: ChildProcess | null = null;
  private restartTimer: NodeJS.Timeout | undefined;
  private backoffMs = BACKOFF_MIN_MS;
  private stopped = false;
  private exited: Promise<void> = Promise.resolve();
  restarts = 0;

  constructor(private readonly options: HlsRelayOptions) {
    this.run();
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  private run(): void {
    const { dir, rtspUrl, ffmpeg, logger, cameraId } = this.options;
    // Emptied before each run too: segments of a run killed mid-write are not served.
    this.clearDir();
    const startedAt = Date.now();
    const child = spawn(
      ffmpeg,
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
        // A camera that stops sending without closing the connection counts as gone after 5 s (µs).
        ...['-rtsp_transport', 'tcp', '-timeout', '5000000', '-i', rtspUrl],
        ...['-map', '0:v:0', '-c', 'copy', '-an'],
        ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '6', '-hls_flags', 'delete_segments+omit_endlist'],
        ...['-hls_segment_filename', join(dir, 'seg%06d.ts'), join(dir, 'index.m3u8')],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    this.exited = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        this.child = null;
        // A dead run's playlist would look live to a page until the next run replaces it.
        this.clearDir();
        resolve();
        if (this.stopped) return;
        if (Date.now() - startedAt >= HEALTHY_RUN_MS) this.backoffMs = BACKOFF_MIN_MS;
        // The URL may carry the camera's password: only the id is logged.
        logger.warn('camera relay stopped; restarting', {
          camera: cameraId,
          code,
          signal,
          inMs: this.backoffMs,
          error: stderr.replaceAll(rtspUrl, '<url>').trim().slice(-300),
        });
        this.restartTimer = setTimeout(() => {
          this.restarts++;
          this.run();
        }, this.backoffMs);
        this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MAX_MS);
      });
    });
    child.once('error', (err) =>
      logger.error('camera relay could not start ffmpeg', { camera: cameraId, error: err.message }),
    );
  }

  private clearDir(): void {
    mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
    for (const f of readdirSync(this.options.dir)) rmSync(join(this.options.dir, f), { force: true });
  }

  /** Ends ffmpeg (SIGTERM, SIGKILL after 2 s) and removes the segments. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (child) {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
      await this.exited;
      clearTimeout(kill);
    }
    rmSync(this.options.dir, { recursive: true, force: true });
  }
}
