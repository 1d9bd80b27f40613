// Where the shell finds the rest of the build. Everything is relative to dist/main/electron, which holds in
// the repository and inside the packaged app.asar alike (electron-builder keeps dist/** as is).
import path from 'node:path';

export interface ShellPaths {
  /** dist/ */
  distRoot: string;
  /** dist/renderer: the Vite build served as app://ioc-wall/. */
  rendererDir: string;
  /** dist/main/host/cli.js: the host, forked as a utility process. */
  hostCli: string;
  /** dist/main/electron/preload.cjs: CommonJS, as sandboxed preloads must be. */
  preload: string;
}

export function shellPaths(electronDir: string): ShellPaths {
  const distRoot = path.resolve(electronDir, '..', '..');
  return {
    distRoot,
    rendererDir: path.join(distRoot, 'renderer'),
    hostCli: path.join(distRoot, 'main', 'host', 'cli.js'),
    preload: path.join(electronDir, 'preload.cjs'),
  };
}
