import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** A Chromium to drive: $IOC_CHROMIUM first, then the usual Debian/Ubuntu places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const list = env.IOC_CHROMIUM ? [env.IOC_CHROMIUM] : CANDIDATES;
  return list.find((p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
