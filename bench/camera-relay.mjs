// Camera relay: CPU of the ffmpeg that remuxes one RTSP camera to HLS (no transcoding), per stream, read from
// /proc/<pid>/stat over an interval. The camera is ffmpeg's test pattern at 1080p25 behind the loopback RTSP
// server of bench/rtsp-camera.mjs (its encoder's CPU is not counted: a real camera encodes on its own chip).
//
//   node bench/run.mjs camera-relay [--quick]
import { createLogger } from '../dist/platform/logger.js';
import { CameraRelays } from '../dist/main/host/cameras/camera-relays.js';
import { fmt, section, table } from './report.mjs';
import { startTestCamera } from './rtsp-camera.mjs';
import { processCpuSeconds } from './stats.mjs';
import { atCleanup, sleep } from './support.mjs';

export async function run({ quick, print }) {
  const seconds = quick ? 5 : 20;
  const camera = await startTestCamera({ width: 1920, height: 1080, fps: 25 });
  atCleanup(() => camera.close());
  const relays = new CameraRelays({
    cameras: [{ id: 'cam', name: 'bench', url: camera.url, kind: 'rtsp', sensitive: false, lat: 16, lon: 108 }],
    privacy: () => false,
    logger: createLogger('bench-relay', 'error'),
  });
  atCleanup(() => relays.close());
  relays.show('bench', ['cam']);
  // Let the relay connect and settle on the stream before measuring.
  await sleep(3000);
  const pid = relays.running().cam;
  if (!pid) throw new Error('the relay did not start');
  const before = processCpuSeconds(pid);
  await sleep(seconds * 1000);
  const cpu = (processCpuSeconds(pid) - before) / seconds;
  print(
    section('camera relay: ffmpeg remux RTSP → HLS, one 1080p25 stream', [
      table(
        ['measure', 'value'],
        [
          ['interval (s)', String(seconds)],
          ['relay CPU (% of one core)', fmt(cpu * 100, 2)],
          ['target', 'well under 5 % of a core'],
        ],
      ),
    ]),
  );
  return {
    bench: 'camera-relay',
    seconds,
    relayCpuPercent: Number(fmt(cpu * 100, 2)),
    targets: [
      { what: 'relay CPU per 1080p stream < 5 % of a core', measured: `${fmt(cpu * 100, 2)} %`, met: cpu < 0.05 },
    ],
  };
}
