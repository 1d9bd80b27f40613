// The preload of every shell window. It runs sandboxed, so it is CommonJS (sandboxed preloads cannot be
// ESM) and self-contained: its `require` only knows `electron` and a few Node built-ins, not our modules or
// zod. It gives the page the bridge address and nothing else: no ipcRenderer, no Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS file: verbatimModuleSyntax forbids `import … from` here
import electron = require('electron');

/** Same prefix as BRIDGE_ARG_PREFIX in window-options.ts (checked by preload.test.ts). */
const ARG_PREFIX = '--ioc-bridge=';
/** BridgeParams.token in src/contract/bridge.ts. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
/** SurfaceId in src/contract/wall.ts. */
const SURFACE_ID = /^[a-z0-9-]{1,64}$/;

interface IocWallBridge {
  readonly bridgeUrl: string;
  readonly token: string;
  readonly surfaceId?: string;
}

/** The bridge parameters from process.argv, or the reason they are unusable. */
function readBridgeArgument(argv: readonly string[]): IocWallBridge | string {
  const args = argv.filter((arg) => arg.startsWith(ARG_PREFIX));
  if (args.length !== 1) return `expected one ${ARG_PREFIX} argument, found ${args.length}`;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent((args[0] as string).slice(ARG_PREFIX.length)));
  } catch {
    return `${ARG_PREFIX} is not encoded JSON`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'bridge parameters: not an object';
  const { bridgeUrl, token, surfaceId } = value as Record<string, unknown>;
  if (typeof bridgeUrl !== 'string') return 'bridgeUrl: not a string';
  let url: URL;
  try {
    url = new URL(bridgeUrl);
  } catch {
    return 'bridgeUrl: not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'bridgeUrl: not http(s)';
  if (url.username !== '' || url.password !== '') return 'bridgeUrl: must not carry credentials';
  if (typeof token !== 'string' || !TOKEN.test(token)) return 'token: malformed';
  if (surfaceId !== undefined && (typeof surfaceId !== 'string' || !SURFACE_ID.test(surfaceId))) {
    return 'surfaceId: malformed';
  }
  // Only the known keys, in a fresh frozen object: nothing else from the argument reaches the page.
  return Object.freeze(surfaceId === undefined ? { bridgeUrl, token } : { bridgeUrl, token, surfaceId });
}

const bridge = readBridgeArgument(process.argv);
if (typeof bridge === 'string') {
  // The page notices the missing window.iocWall and says so; the reason is logged here.
  console.error(`[preload] bridge parameters refused: ${bridge}`);
} else {
  electron.contextBridge.exposeInMainWorld('iocWall', bridge);
}
