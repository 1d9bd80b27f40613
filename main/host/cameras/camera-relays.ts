// The relays of the site's RTSP cameras: one ffmpeg per camera that some page shows, started when the first page
// asks for it, stopped a short grace after the last one no longer does (a preset switch that keeps the camera
// must not restart it). A sensitive camera is never relayed while privacy mode is on.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CameraView } from '../../../src/contract/cameras.js';
import type { Logger } from '../../../platform/logger.js';
import type { CameraEntry } from './camera-file.js';
import { HlsRelay } from './hls-relay.js';

const DEFAULT_GRACE_MS = 10_000;

export interface CameraRelaysOptions {
  cameras: readonly CameraEntry[];
  /** Privacy mode now: sensitive cameras are then neither relayed nor handed to pages. */
  privacy: () => boolean;
  logger: Logger;
  graceMs?: number;
  ffmpeg?: string;
}

export class CameraRelays {
  /** The relays' URL prefix: random per launch, handed to pages only through the bridge. */
  readonly prefix = `/relay/${randomBytes(16).toString('base64url')}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'ioc-relay-'));
  private readonly byId: ReadonlyMap<string, CameraEntry>;
  private readonly shown = new Map<string, ReadonlySet<string>>();
  private readonly relays = new Map<string, HlsRelay>();
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: CameraRelaysOptions) {
    this.byId = new Map(options.cameras.map((c) => [c.id, c]));
  }

  /** The list as pages get it: RTSP cameras as their relay, sensitive ones without a picture in privacy mode. */
  views(): CameraView[] {
    const hidden = this.options.privacy();
    return this.options.cameras.map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.lat !== undefined && c.lon !== undefined ? { lat: c.lat, lon: c.lon } : {}),
      ...(c.province ? { province: c.province } : {}),
      sensitive: c.sensitive,
      play:
        hidden && c.sensitive
          ? null
          : c.kind === 'rtsp'
            ? { kind: 'hls', url: `${this.prefix}/${c.id}/index.m3u8` }
            : { kind: c.kind, url: c.url },
    }));
  }

  /** Origins of the cameras pages play directly (their own HLS or WHEP): the page's CSP must allow them. */
  directOrigins(): string[] {
    return [...new Set(this.options.cameras.filter((c) => c.kind !== 'rtsp').map((c) => new URL(c.url).origin))];
  }

  /** The cameras one page shows now (the whole set); unknown ids are ignored. */
  show(clientId: string, ids: readonly string[]): void {
    this.shown.set(clientId, new Set(ids.filter((id) => this.byId.has(id))));
    this.reconcile();
  }

  pageGone(clientId: string): void {
    if (this.shown.delete(clientId)) this.reconcile();
  }

  /** Privacy mode changed: sensitive relays stop at once, or may start again. */
  privacyChanged(): void {
    this.reconcile();
  }

  /** Pid of each running relay, by camera. */
  running(): Record<string, number | null> {
    return Object.fromEntries([...this.relays].map(([id, relay]) => [id, relay.pid]));
  }

  async close(): Promise<void> {
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    await Promise.all([...this.relays.values()].map((r) => r.stop()));
    this.relays.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private wanted(): Set<string> {
    const wanted = new Set<string>();
    const privacy = this.options.privacy();
    for (const ids of this.shown.values()) {
      for (const id of ids) {
        const camera = this.byId.get(id);
        if (camera?.kind === 'rtsp' && !(privacy && camera.sensitive)) wanted.add(id);
      }
    }
    return wanted;
  }

  private reconcile(): void {
    const wanted = this.wanted();
    const privacy = this.options.privacy();
    for (const id of wanted) {
      clearTimeout(this.graceTimers.get(id));
      this.graceTimers.delete(id);
      if (!this.relays.has(id)) this.start(this.byId.get(id) as CameraEntry);
    }
    for (const id of this.relays.keys()) {
      if (wanted.has(id)) continue;
      // Privacy mode ends a sensitive relay at once; otherwise a page switching presets may want it back.
      if (privacy && this.byId.get(id)?.sensitive) {
        clearTimeout(this.graceTimers.get(id));
        void this.stopRelay(id);
      } else if (!this.graceTimers.has(id))
        this.graceTimers.set(
          id,
          setTimeout(() => void this.stopRelay(id), this.options.graceMs ?? DEFAULT_GRACE_MS),
        );
    }
  }

  private start(camera: CameraEntry): void {
    this.options.logger.info('camera relay started', { camera: camera.id });
    this.relays.set(
      camera.id,
      new HlsRelay({
        cameraId: camera.id,
        rtspUrl: camera.url,
        dir: join(this.dir, camera.id),
        ffmpeg: this.options.ffmpeg ?? 'ffmpeg',
        logger: this.options.logger,
      }),
    );
  }

  private async stopRelay(id: string): Promise<void> {
    this.graceTimers.delete(id);
    const relay = this.relays.get(id);
    if (!relay) return;
    this.relays.delete(id);
    await relay.stop();
    this.options.logger.info('camera relay stopped', { camera: id });
  }
}
