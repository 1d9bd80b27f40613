// Packages the app as `npm run dist` does (electron-builder with electron-builder.yml, linux x64, after
// `npm run build`) and reads what came out. Electron's binary cannot be downloaded here, so electron-builder gets a
// stand-in Electron dist (`electronDist`): a folder laid out as Electron's linux-x64 zip, whose `electron` file is
// no program but carries Electron's fuse sentinel and fuse wire, as the real binary does.
//
// Verified: what app.asar holds (the built host, hub, Electron main, renderer and assets; no tests, no declaration
// maps; node_modules exactly the closure of the runtime dependencies, complete, with no dev dependency); native
// addons outside the asar; the fuses electron-builder flipped on the executable, read back from its fuse wire;
// the deb's metadata and desktop entry as electron-builder hands them to fpm.
// Not verified here: the .deb file itself (electron-builder downloads fpm from GitHub, unreachable here: the run
// stops at the fpm call through electron-builder's effectiveOptionComputed hook), the AppImage (same, its tools),
// addons rebuilt for Electron's ABI (Electron's headers cannot be downloaded: npmRebuild is off, the addons are
// those built for Node), and Electron honouring the fuses (a property of the real binary).
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const REPO = resolve(import.meta.dirname, '../..');

const PackageJson = z.object({
  name: z.string(),
  version: z.string(),
  productName: z.string().optional(),
  desktopName: z.string().optional(),
  // Some packages write `"main": false` (no entry point: they are imported by path).
  main: z.union([z.string(), z.literal(false)]).optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
});
type PackageJson = z.infer<typeof PackageJson>;

const project = PackageJson.parse(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')));

// Fuse wire bytes (@electron/fuses): '0' off, '1' on.
const OFF = 0x30;
const ON = 0x31;
/** Electron 45's wire as shipped: run as node, NODE_OPTIONS, --inspect and file:// privileges on; the rest off. */
const SHIPPED_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's linux-x64 layout as far as electron-builder reads it: the executable it renames and flips, the rest copied. */
function standInElectronDist(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'));
  const wire = Buffer.from([Number(FuseVersion.V1), SHIPPED_WIRE.length, ...SHIPPED_WIRE]);
  const executable = Buffer.concat([Buffer.from(`#!/bin/sh\n# stand-in Electron ${FUSE_SENTINEL}`), wire]);
  writeFileSync(join(dir, 'electron'), executable, { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in for Electron’s licence\n');
  writeFileSync(join(dir, 'version'), readPackage(join(REPO, 'node_modules/electron')).version);
}

function readPackage(dir: string): PackageJson {
  return PackageJson.parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** What fpm would have been called with: its arguments and the desktop entry electron-builder wrote. */
interface FpmCall {
  args: string[];
  desktopEntry: string;
}
const FpmHandoff = z.tuple([z.array(z.string()), z.string()]);

let work: string;
let appDir: string;
let asar: string;
let entries: Set<string>;
let fpm: FpmCall | undefined;

beforeAll(async () => {
  if (!existsSync(join(REPO, 'dist/main/electron/main.js')) || !existsSync(join(REPO, 'dist/renderer/index.html'))) {
    throw new Error('packaging needs the built app: run `npm run build` first (npm test does)');
  }
  // npm cannot read a tree through a symlinked node_modules (e.g. a git worktree sharing another's): electron-builder
  // would then pack an incomplete dependency set and every check below would fail for that reason.
  if (lstatSync(join(REPO, 'node_modules')).isSymbolicLink()) {
    throw new Error('node_modules is a symlink: `npm ls` sees no tree there; package from a checkout with its own');
  }
  work = mkdtempSync(join(tmpdir(), 'ioc-wall-packaging-'));
  const electronDist = join(work, 'electron-dist');
  standInElectronDist(electronDist);
  await build({
    projectDir: REPO,
    targets: Platform.LINUX.createTarget(['dir', 'deb'], Arch.x64),
    config: { electronDist, npmRebuild: false, directories: { output: join(work, 'release') } },
    // electron-builder's hook before each external packaging tool; only fpm (the deb) hands over an array.
    effectiveOptionComputed: (handoff: unknown) => {
      const call = FpmHandoff.safeParse(handoff);
      if (!call.success) return Promise.resolve(false);
      fpm = { args: call.data[0], desktopEntry: readFileSync(call.data[1], 'utf8') };
      return Promise.resolve(true);
    },
  });
  appDir = join(work, 'release/linux-unpacked');
  asar = join(appDir, 'resources/app.asar');
  entries = new Set(listPackage(asar, { isPack: false }).map((p) => p.replace(/^[/\\]/, '')));
}, 110_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

function packaged(path: string): PackageJson {
  return PackageJson.parse(JSON.parse(extractFile(asar, join(path, 'package.json')).toString('utf8')));
}

/** Node's lookup of `name` from a package at `from`: its own node_modules, then each enclosing one. */
function resolveInAsar(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (entries.has(`${candidate}/package.json`)) return candidate;
    if (dir === '') return undefined;
  }
}

/** The package folders in the asar: a package.json directly under node_modules/[@scope/]. */
function packageDirs(): string[] {
  return [...entries]
    .map((p) => /^((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/@][^/]*)\/package\.json$/.exec(p)?.[1])
    .filter((p) => p !== undefined);
}

describe('the package electron-builder makes (npm run dist)', () => {
  it('holds the built host, hub, Electron main and renderer and every shipped asset', () => {
    const built = filesUnder(join(REPO, 'dist'))
      .map((f) => relative(REPO, f))
      .filter((f) => !/^dist\/(types|\.tsbuildinfo)\//.test(f) && !/\.d\.[cm]?ts(\.map)?$/.test(f));
    const assets = filesUnder(join(REPO, 'assets')).map((f) => relative(REPO, f));
    for (const needed of ['dist/main/host/cli.js', 'dist/hub/hub-server.js', 'dist/renderer/index.html']) {
      expect(built).toContain(needed);
    }
    expect(assets.length).toBeGreaterThan(0);
    expect([...built, ...assets, 'NOTICE'].filter((f) => !entries.has(f))).toEqual([]);
    const manifest = packaged('');
    expect(manifest.main).toBe('dist/main/electron/main.js');
    expect(entries.has('dist/main/electron/main.js')).toBe(true);
  });

  it('holds no tests, no declarations and nothing of the source tree', () => {
    const app = [...entries].filter((p) => !p.startsWith('node_modules/'));
    expect(app.filter((p) => /\.test\.|(^|\/)test\/|\.d\.[cm]?ts(\.map)?$/.test(p))).toEqual([]);
    const topLevel = new Set(app.map((p) => p.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['NOTICE', 'assets', 'dist', 'node_modules', 'package.json']);
  });

  it('packs exactly the runtime dependencies and what they need, none of the dev dependencies', () => {
    const dirs = packageDirs();
    const missing: string[] = [];
    const reached = new Set<string>();
    const visit = (from: string, deps: Record<string, string>, optional: Record<string, string>) => {
      for (const name of [...Object.keys(deps), ...Object.keys(optional)]) {
        const dir = resolveInAsar(from, name);
        if (dir === undefined) {
          if (!(name in optional)) missing.push(`${name} (needed by ${from || 'the app'})`);
          continue;
        }
        if (reached.has(dir)) continue;
        reached.add(dir);
        const pkg = packaged(dir);
        visit(dir, pkg.dependencies ?? {}, pkg.optionalDependencies ?? {});
      }
    };
    visit('', project.dependencies ?? {}, project.optionalDependencies ?? {});
    expect(missing).toEqual([]);
    expect(dirs.filter((d) => !reached.has(d))).toEqual([]);
    // Build and test tools, and the renderer's libraries (bundled into dist/renderer by vite).
    const devOnly = ['vitest', 'eslint', 'typescript', 'playwright-core', 'electron-builder', 'knip', 'electron'];
    const bundled = ['vite', 'react', 'react-dom', 'echarts', '@deck.gl/core', 'hls.js', 'i18next'];
    for (const name of [...devOnly, ...bundled]) expect(project.devDependencies).toHaveProperty([name]);
    expect([...devOnly, ...bundled].filter((name) => dirs.some((d) => d.endsWith(`node_modules/${name}`)))).toEqual([]);
  });

  it('keeps native addons outside the asar, better-sqlite3 and argon2 among them', () => {
    const addons = [...entries].filter((p) => p.endsWith('.node'));
    expect(addons).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(addons.some((p) => p.startsWith('node_modules/argon2/') && /linux-x64|build\/Release/.test(p))).toBe(true);
    for (const addon of addons) {
      expect(statFile(asar, addon), addon).toMatchObject({ unpacked: true });
      expect(existsSync(join(`${asar}.unpacked`, addon)), addon).toBe(true);
    }
  });

  it('flips the fuses on the executable as electron-builder.yml asks', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'ioc-wall'));
    expect(wire).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: OFF,
      [FuseV1Options.EnableCookieEncryption]: ON,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: OFF,
      [FuseV1Options.EnableNodeCliInspectArguments]: OFF,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ON,
      [FuseV1Options.OnlyLoadAppFromAsar]: ON,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: OFF,
    });
  });

  it('describes the deb and its desktop entry so the desktop finds the running windows', () => {
    if (fpm === undefined) throw new Error('electron-builder never reached fpm for the deb');
    const args = fpm.args;
    const flag = (name: string) => args[args.indexOf(name) + 1];
    expect(flag('--name')).toBe('ioc-wall');
    expect(flag('--version')).toBe(project.version);
    expect(flag('--architecture')).toBe('amd64');
    expect(flag('--maintainer')).toBe('IOC Wall <ioc-wall@localhost>');
    expect(flag('--url')).toMatch(/^https:\/\//);
    expect(flag('--description')?.split('\n')[0]).toBe(
      'Video wall and operator console of an Integrated Operations Center',
    );
    expect(args).toContain(`${appDir}/=/opt/IOC Wall`);
    expect(args.some((a) => a.endsWith('=/usr/share/applications/ioc-wall.desktop'))).toBe(true);

    const lines = fpm.desktopEntry.split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    const entry = Object.fromEntries(
      lines
        .slice(1)
        .flatMap((l) => (l.includes('=') ? [[l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]] : [])),
    );
    const manifest = packaged('');
    expect(entry).toMatchObject({
      Name: 'IOC Wall',
      Exec: '"/opt/IOC Wall/ioc-wall" %U',
      Type: 'Application',
      Terminal: 'false',
      Icon: 'ioc-wall',
      Categories: 'Office;',
      'Comment[vi]': 'Trung tâm điều hành tích hợp — màn hình tường và bảng điều khiển',
    });
    // Electron names its X11 class after the app (productName, else name) and its Wayland app_id after desktopName.
    expect(entry.StartupWMClass).toBe(manifest.productName ?? manifest.name);
    expect(manifest.desktopName).toBe('ioc-wall.desktop');
    expect(existsSync(join(appDir, 'ioc-wall'))).toBe(true);
  });
});
