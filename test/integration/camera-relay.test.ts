// Cameras through a real host: a camera list file, an RTSP camera on loopback (ffmpeg as its server), and the
// host's relay (ffmpeg remuxing to HLS) started only while a page shows the camera, serving a playlist with
// segments on the host's own origin, restarted when the camera comes back, and refused in privacy mode.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CameraView } from '../../src/contract/cameras.js';
import type { RunningHost } from '../../main/host/host.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { startTestHost, until } from '../support/start-test-host.js';
import { ffmpegPids, startTestCamera, type TestCamera } from '../support/test-rtsp.js';

let camera: TestCamera;
let host: RunningHost;
let page: Socket;

beforeAll(async () => {
  camera = await startTestCamera();
  const dir = mkdtempSync(join(tmpdir(), 'ioc-cameras-'));
  const file = join(dir, 'cameras.csv');
  writeFileSync(
    file,
    ['id,name,lat,lon,url,sensitive', `cau-rong,Cầu Rồng,16.0614,108.2272,${camera.url},no`].join('\n'),
  );
  host = await startTestHost({ cameras: file });
  page = connectBridge(host.origin, host.wallToken);
  await connected(page);
}, 60_000);

afterAll(async () => {
  page?.close();
  await host?.close();
  await camera?.close();
});

async function playUrl(): Promise<string> {
  const hello = await call(page, 'hello', { role: 'wall', surfaceId: host.surfaces.all()[0]!.id });
  if (!hello.ok) throw new Error(hello.error.message);
  const cameras = (hello.result as { cameras: unknown[] }).cameras.map((c) => CameraView.parse(c));
  expect(cameras).toEqual([expect.objectContaining({ id: 'cau-rong', lat: 16.0614, sensitive: false })]);
  const play = cameras[0]!.play!;
  expect(play.kind).toBe('hls');
  // The RTSP URL stays in the host: the page gets the relay on the host's origin.
  expect(JSON.stringify(hello.result)).not.toContain(camera.url);
  return `${host.origin}${play.url}`;
}

/** The segments a playlist lists, once it lists at least two. */
async function segments(url: string): Promise<string[]> {
  return until(
    'a relayed playlist with two segments',
    async () => {
      const res = await fetch(url).catch(() => null);
      if (!res?.ok) return undefined;
      const names = (await res.text()).split('\n').filter((l) => l.endsWith('.ts'));
      return names.length >= 2 ? names : undefined;
    },
    40_000,
  );
}

describe('camera relay', () => {
  it('runs no ffmpeg while no page shows the camera', async () => {
    await playUrl();
    expect(ffmpegPids('-rtsp_transport', camera.url)).toEqual([]);
  });

  it('relays the camera a page shows: a playlist with MPEG-TS segments on the host origin', async () => {
    const url = await playUrl();
    expect(await call(page, 'showCameras', { ids: ['cau-rong', 'khong-co'] })).toMatchObject({ ok: true });
    const names = await segments(url);
    expect(ffmpegPids('-rtsp_transport', camera.url)).toHaveLength(1);
    const segment = await fetch(new URL(names.at(-1)!, url));
    expect(segment.status).toBe(200);
    const bytes = new Uint8Array(await segment.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes[0]).toBe(0x47); // the MPEG-TS sync byte: remuxed, served as is
  }, 60_000);

  it('starts the relay again when the camera comes back after going away', async () => {
    const url = await playUrl();
    const before = ffmpegPids('-rtsp_transport', camera.url);
    await camera.stop();
    await until('the relay to notice the camera is gone', () =>
      ffmpegPids('-rtsp_transport', camera.url).join() !== before.join() ? true : undefined,
    );
    await camera.start();
    const after = await until('a new relay process', () => {
      const pids = ffmpegPids('-rtsp_transport', camera.url);
      return pids.length === 1 && pids[0] !== before[0] ? pids : undefined;
    });
    expect(after).toHaveLength(1);
    const names = await segments(url);
    expect(names.length).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('stops the relay once no page shows the camera (after its grace)', async () => {
    expect(ffmpegPids('-rtsp_transport', camera.url)).toHaveLength(1);
    expect(await call(page, 'showCameras', { ids: [] })).toMatchObject({ ok: true });
    // Not at once: a preset switch that shows the camera again within the grace keeps its relay.
    expect(ffmpegPids('-rtsp_transport', camera.url)).toHaveLength(1);
    await until(
      'the relay to stop',
      () => (ffmpegPids('-rtsp_transport', camera.url).length === 0 ? true : undefined),
      30_000,
    );
  }, 40_000);
});
