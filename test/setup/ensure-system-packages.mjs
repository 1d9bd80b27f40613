#!/usr/bin/env node
// The end-to-end tests drive real programs: Chromium, an Xorg server with the dummy driver (a wall of monitors
// on a machine without monitors), xrandr, xdotool, ImageMagick, ffmpeg, poppler's PDF tools and nats-server.
// This installs what is missing (apt, when run as root) or stops with the exact command to run — so `npm test`
// never silently skips them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian package → a file that proves it is installed. */
const NEEDED = {
  chromium: '/usr/bin/chromium',
  'xserver-xorg-core': '/usr/lib/xorg/Xorg',
  'xserver-xorg-video-dummy': '/usr/lib/xorg/modules/drivers/dummy_drv.so',
  'x11-xserver-utils': '/usr/bin/xrandr',
  xdotool: '/usr/bin/xdotool',
  imagemagick: '/usr/bin/import',
  ffmpeg: '/usr/bin/ffmpeg',
  // The briefing pack's tests read the PDF: page count, text, fonts, pages as pictures.
  'poppler-utils': '/usr/bin/pdftotext',
  // WebGL without a GPU: llvmpipe through EGL (the browser shell and the tests' headless Chromium use it).
  'libegl-mesa0': `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/libEGL_mesa.so.0`,
  'libgl1-mesa-dri': `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/dri/swrast_dri.so`,
  'fonts-noto-core': '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  // The JetStream back end, failover and federation tests start real NATS servers on loopback.
  'nats-server': '/usr/sbin/nats-server',
};

const missing = Object.entries(NEEDED)
  .filter(([, file]) => !existsSync(file))
  .map(([pkg]) => pkg);

if (missing.length === 0) {
  process.stdout.write('system packages: all present\n');
  process.exit(0);
}

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
if (process.getuid?.() !== 0) {
  process.stderr.write(
    `The end-to-end tests need these Debian packages: ${missing.join(', ')}.\nInstall them, then run the tests again:\n\n  sudo sh -c '${command}'\n\n`,
  );
  process.exit(1);
}

process.stdout.write(`system packages: installing ${missing.join(', ')}\n`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
  stdio: 'inherit',
  env,
});
if (r.status !== 0) {
  process.stderr.write(`apt-get install failed (exit ${r.status}); run by hand: ${command}\n`);
  process.exit(1);
}
const still = Object.entries(NEEDED).filter(([, file]) => !existsSync(file));
if (still.length > 0) {
  process.stderr.write(`still missing after install: ${still.map(([p, f]) => `${p} (${f})`).join(', ')}\n`);
  process.exit(1);
}
process.stdout.write('system packages: installed\n');
