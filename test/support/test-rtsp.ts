// The RTSP test camera (bench/rtsp-camera.mjs, shared with the relay's bench) and a look at the ffmpeg processes.
import { readdirSync, readFileSync } from 'node:fs';

export { startTestCamera, type TestCamera } from '../../bench/rtsp-camera.mjs';

/** Pids of running ffmpeg processes whose command line has an argument containing each needle (from /proc). */
export function ffmpegPids(...needles: string[]): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
        return /ffmpeg$/.test(argv[0] ?? '') && needles.every((n) => argv.some((a) => a.includes(n)))
          ? [Number(d)]
          : [];
      } catch {
        return [];
      }
    });
}
