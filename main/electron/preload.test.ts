// Runs preload.cts the way Electron runs a sandboxed preload: compiled to CommonJS, called as a function of
// (require, process, exports, module) in a context that has web globals but no Node, with a `require` that
// only knows `electron`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BRIDGE_ARG_PREFIX, encodeBridgeArgument } from './window-options.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = readFileSync(path.join(here, 'preload.cts'), 'utf8');
const compiled = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;

interface Run {
  exposed: Map<string, unknown>;
  errors: string[];
  required: string[];
}

function runPreload(argv: string[]): Run {
  const run: Run = { exposed: new Map(), errors: [], required: [] };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => run.exposed.set(key, api),
    },
  };
  const fakeRequire = (name: string): unknown => {
    run.required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const context = vm.createContext({
    URL,
    console: { error: (...args: unknown[]) => run.errors.push(args.join(' ')), log: () => undefined },
  });
  const fn = vm.compileFunction(compiled, ['require', 'process', 'exports', 'module'], { parsingContext: context });
  const exports = {};
  fn(fakeRequire, { argv }, exports, { exports });
  return run;
}

const argv = (...extra: string[]) => ['/x/electron', '--type=renderer', ...extra];
const params = { bridgeUrl: 'http://127.0.0.1:41234', token: 'abcdefghijklmnop_-12', surfaceId: 'wall-1' };

describe('preload', () => {
  it('uses the same argument prefix as the windows', () => {
    expect(source).toContain(`const ARG_PREFIX = '${BRIDGE_ARG_PREFIX}';`);
  });

  it('requires only electron', () => {
    expect(runPreload(argv(encodeBridgeArgument(params))).required).toEqual(['electron']);
  });

  it('exposes exactly bridgeUrl, token and surfaceId, frozen', () => {
    const run = runPreload(argv(encodeBridgeArgument(params)));
    expect([...run.exposed.keys()]).toEqual(['iocWall']);
    const api = run.exposed.get('iocWall');
    expect(api).toEqual(params);
    expect(Object.keys(api as object).sort()).toEqual(['bridgeUrl', 'surfaceId', 'token']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(run.errors).toEqual([]);
  });

  it('exposes no surfaceId for the console', () => {
    const api = runPreload(argv(encodeBridgeArgument({ bridgeUrl: params.bridgeUrl, token: params.token }))).exposed;
    expect(Object.keys(api.get('iocWall') as object).sort()).toEqual(['bridgeUrl', 'token']);
  });

  it('drops keys it does not know', () => {
    const arg = BRIDGE_ARG_PREFIX + encodeURIComponent(JSON.stringify({ ...params, ipc: 'x', __proto__: { a: 1 } }));
    expect(runPreload(argv(arg)).exposed.get('iocWall')).toEqual(params);
  });

  const refused: [string, string[]][] = [
    ['no argument', argv()],
    ['two arguments', argv(encodeBridgeArgument(params), encodeBridgeArgument(params))],
    ['not JSON', argv(`${BRIDGE_ARG_PREFIX}%7Bnope`)],
    ['broken encoding', argv(`${BRIDGE_ARG_PREFIX}%E0%A4%A`)],
    ['an array', argv(BRIDGE_ARG_PREFIX + encodeURIComponent('[]'))],
    ['a file URL', argv(encodeBridgeArgument({ ...params, bridgeUrl: 'file:///etc/passwd' }))],
    ['credentials in the URL', argv(encodeBridgeArgument({ ...params, bridgeUrl: 'http://u:p@127.0.0.1:1' }))],
    ['a short token', argv(encodeBridgeArgument({ ...params, token: 'short' }))],
    ['a token with spaces', argv(encodeBridgeArgument({ ...params, token: 'abcdefgh ijklmnopq' }))],
    ['a bad surface id', argv(encodeBridgeArgument({ ...params, surfaceId: '../Wall' }))],
  ];
  it.each(refused)('exposes nothing for %s, and says why', (_name, args) => {
    const run = runPreload(args);
    expect(run.exposed.size).toBe(0);
    expect(run.errors.join('\n')).toMatch(/bridge parameters refused/);
  });
});
