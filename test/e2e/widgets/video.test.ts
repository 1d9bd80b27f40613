// Video tiles in Chromium against streams ffmpeg makes here: HLS plays and its currentTime advances; stopping
// the stream brings the "source lost" slate and restarting it brings the picture back by itself; a fifth live
// tile on a surface whose budget is four shows a poster instead of decoding; MJPEG draws new frames.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tile } from '../../../src/contract/wall.js';
import { REPO } from '../../support/cli-process.js';
import {
  startFileStream,
  startHlsStream,
  startMjpegStream,
  startWhepEndpoint,
  type TestStream,
} from '../../support/test-streams.js';
import { startWidgetHarness, type WidgetHarness } from '../../support/widget-harness.js';

const shots = join(REPO, 'test-results', 'widgets');
let hls: TestStream;
let mjpeg: TestStream;
let file: TestStream;
let harness: WidgetHarness;
let page: Page;
const cspErrors: string[] = [];

const tile = (id: string, x: number, y: number, w: number, h: number, settings: Record<string, unknown>): Tile => ({
  id,
  kind: 'video',
  x,
  y,
  w,
  h,
  settings,
});

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  [hls, mjpeg, file] = await Promise.all([startHlsStream(), startMjpegStream(), startFileStream()]);
  harness = await startWidgetHarness({
    columns: 12,
    rows: 8,
    // In layout order: the first four live tiles take the surface's four decodes, the fifth gets a poster.
    tiles: [
      tile('cam-hls', 0, 0, 6, 4, { name: 'Camera cầu Rồng (HLS)', source: 'hls', url: hls.url, stallSeconds: 3 }),
      tile('cam-mjpeg', 6, 0, 6, 4, { name: 'Camera nút giao (MJPEG)', source: 'mjpeg', url: mjpeg.url }),
      tile('file-1', 0, 4, 3, 4, { name: 'Tệp video 1', source: 'file', url: file.url }),
      tile('file-2', 3, 4, 3, 4, { name: 'Tệp video 2', source: 'file', url: file.url }),
      tile('file-3', 6, 4, 3, 4, { name: 'Tệp video 3', source: 'file', url: file.url }),
      tile('bad-video', 9, 4, 3, 4, { name: 'Sai cấu hình', source: 'rtsp', url: 'rtsp://10.0.0.1/cam' }),
    ],
    chromiumArgs: ['--autoplay-policy=no-user-gesture-required'],
    startOptions: { mediaOrigins: [hls.origin, mjpeg.origin, file.origin] },
  });
  page = await harness.open();
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
  });
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await Promise.all([hls?.close(), mjpeg?.close(), file?.close()]);
});

const stateOf = (id: string): Promise<string | null> =>
  page.locator(`[data-tile-id="${id}"] [data-video-state]`).getAttribute('data-video-state');

async function waitForState(id: string, state: string, timeout: number): Promise<void> {
  await page.locator(`[data-tile-id="${id}"] [data-video-state="${state}"]`).waitFor({ timeout });
}

const currentTime = (id: string): Promise<number> =>
  page.locator(`[data-tile-id="${id}"] video`).evaluate((v) => (v as HTMLVideoElement).currentTime);

/** currentTime moves on by more than a second in two seconds (summing forward steps: a file clip loops). */
async function expectAdvancing(id: string): Promise<void> {
  let played = 0;
  let last = await currentTime(id);
  for (let i = 0; i < 8; i++) {
    await page.waitForTimeout(250);
    const now = await currentTime(id);
    if (now > last) played += now - last;
    last = now;
  }
  expect(played).toBeGreaterThan(1);
}

describe('video tile', () => {
  it('plays HLS: currentTime advances, the name is over the picture', async () => {
    await waitForState('cam-hls', 'playing', 40_000);
    await expectAdvancing('cam-hls');
    await expect(page.locator('[data-tile-id="cam-hls"] .video__name').textContent()).resolves.toBe(
      'Camera cầu Rồng (HLS)',
    );
    await page.screenshot({ path: join(shots, 'video-playing.png') });
  });

  it('keeps to the decode budget: four tiles decode, the fifth shows a poster with its label', async () => {
    await waitForState('file-1', 'playing', 20_000);
    await waitForState('file-2', 'playing', 20_000);
    await expectAdvancing('file-1');
    await waitForState('file-3', 'poster', 5000);
    await expect(page.locator('[data-tile-id="file-3"] .video__label').textContent()).resolves.toContain(
      'Tạm dừng để tiết kiệm giải mã',
    );
    // The poster tile's <video> has nothing attached: it does not decode.
    const src = await page
      .locator('[data-tile-id="file-3"] video')
      .evaluate((v) => (v as HTMLVideoElement).currentSrc || null);
    expect(src).toBeNull();
    const states = await Promise.all(['cam-hls', 'cam-mjpeg', 'file-1', 'file-2', 'file-3'].map(stateOf));
    expect(states.filter((s) => s === 'poster')).toHaveLength(1);
  });

  it('draws MJPEG frames', async () => {
    await waitForState('cam-mjpeg', 'playing', 20_000);
    const picture = page.locator('[data-tile-id="cam-mjpeg"] img.video__picture');
    const first = await picture.screenshot();
    await page.waitForTimeout(1500);
    const second = await picture.screenshot();
    expect(first.length).toBeGreaterThan(1000);
    expect(second.equals(first)).toBe(false);
  });

  it('shows an error inside a tile with bad settings, its neighbours still playing', async () => {
    const bad = page.locator('[data-tile-id="bad-video"]');
    await expect(bad.getAttribute('data-state')).resolves.toBe('error');
    await expect(bad.locator('.tile-error__detail').textContent()).resolves.toMatch(/source/);
    expect(await stateOf('file-2')).toBe('playing');
  });

  it('shows the "source lost" slate when the stream stops, and recovers when it comes back', async () => {
    await hls.stop();
    await waitForState('cam-hls', 'lost', 30_000);
    const slate = page.locator('[data-tile-id="cam-hls"] .video__slate');
    await expect(slate.textContent()).resolves.toMatch(/Mất tín hiệu.*Mất lúc \d{2}:\d{2}/);
    await page.screenshot({ path: join(shots, 'video-lost.png') });
    // Let a few retries fail while the source is away, then bring it back.
    await page.waitForTimeout(4000);
    expect(await stateOf('cam-hls')).toBe('lost');
    await hls.restart();
    await waitForState('cam-hls', 'playing', 40_000);
    await expectAdvancing('cam-hls');
    await page.screenshot({ path: join(shots, 'video-recovered.png') });
    // Other tiles were not disturbed by one source going away.
    expect(await stateOf('file-1')).toBe('playing');
  });

  it('ran under a CSP that admits exactly the configured media origins, and needed nothing more', async () => {
    const csp = (await fetch(harness.host.urlFor('/wall/wall-1'))).headers.get('content-security-policy') ?? '';
    const directive = (name: string): string[] =>
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find((d) => d[0] === name)
        ?.slice(1) ?? [];
    for (const name of ['media-src', 'img-src', 'connect-src']) {
      expect(directive(name)).toEqual(expect.arrayContaining([hls.origin, mjpeg.origin, file.origin]));
    }
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(cspErrors).toEqual([]);
  });
});

describe('video tile over WebRTC (WHEP)', () => {
  it('sends an offer to the WHEP endpoint, applies the answer and plays', async () => {
    // The sending peer is a second page of the same Chromium drawing an animated canvas; a loopback HTTP server
    // is the WHEP endpoint that hands it the tile's offer and returns its answer, as a media server would.
    let sender: Page | null = null;
    const whep = await startWhepEndpoint(async (offer) => {
      if (!sender) throw new Error('the sending page is not open');
      return sender.evaluate(answerWithCanvas, offer);
    });
    const wall = await startWidgetHarness({
      columns: 4,
      rows: 3,
      tiles: [tile('cam-whep', 0, 0, 4, 3, { name: 'Hội nghị truyền hình (WHEP)', source: 'whep', url: whep.url })],
      chromiumArgs: ['--autoplay-policy=no-user-gesture-required'],
      startOptions: { mediaOrigins: [whep.origin] },
    });
    sender = await wall.browser.newPage();
    try {
      const p = await wall.open({ width: 1280, height: 720 });
      await p.locator('[data-video-state="playing"]').waitFor({ timeout: 30_000 });
      const t = (): Promise<number> => p.locator('video').evaluate((v) => (v as HTMLVideoElement).currentTime);
      const before = await t();
      await p.waitForTimeout(1500);
      expect((await t()) - before).toBeGreaterThan(0.5);
      expect(whep.offers()).toBeGreaterThanOrEqual(1);
      await p.screenshot({ path: join(shots, 'video-whep.png') });
    } finally {
      await wall.close();
      await whep.close();
    }
  });
});

/** Runs in the sender page: answers an offer with a canvas stream, ICE gathered into the SDP. */
async function answerWithCanvas(offer: string): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const ctx = canvas.getContext('2d')!;
  let frame = 0;
  setInterval(() => {
    frame++;
    ctx.fillStyle = `hsl(${(frame * 7) % 360} 80% 40%)`;
    ctx.fillRect(0, 0, 320, 180);
    ctx.fillStyle = '#fff';
    ctx.font = '40px sans-serif';
    ctx.fillText(`WHEP ${frame}`, 40, 100);
  }, 40);
  const pc = new RTCPeerConnection();
  for (const track of canvas.captureStream(25).getTracks()) pc.addTrack(track);
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  await pc.setLocalDescription(await pc.createAnswer());
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    setTimeout(resolve, 3000);
  });
  (window as unknown as { keep: unknown[] }).keep = [pc];
  return pc.localDescription!.sdp;
}
