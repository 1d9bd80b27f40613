// Lint, and the layer rules of DESIGN.md: each folder may import only what its runtime has.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const node = {
  group: ['node:*', ...NODE_BUILTINS],
  message: 'node APIs are not allowed in this layer (DESIGN.md: layers)',
};
const electron = { group: ['electron', 'electron/*'], message: 'electron is only for main/electron/' };
const dom = { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'React belongs in renderer/' };
const nodeOnly = {
  group: ['better-sqlite3', 'socket.io', 'commander'],
  message: 'node-only packages stay in platform/, hub/ and main/host/',
};
const folder = (name, why) => ({ group: [`**/${name}/**`, `**/${name}`], message: why });
const noMain = folder('main', 'only main/ may import main/');
const noHub = folder('hub', 'hub/ is imported only by main/host/ (to embed it)');
const noRenderer = folder('renderer', 'renderer/ is imported by nothing else');
const noTest = folder('test', 'test/ is imported by nothing that ships');
const noElectronShell = folder('electron', 'the Electron shell is imported by nothing else');
const noPlatform = folder('platform', 'platform/ (shared Node code) is imported only by hub/ and main/host/');

const layer = (files, patterns, extraGlobals) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  languageOptions: { globals: extraGlobals },
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'assets/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'no default exports' }],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { ...globals.node } } },
  { files: ['*.config.{js,ts}', 'eslint.config.js'], rules: { 'no-restricted-syntax': 'off' } },
  layer(['src/**/*.ts'], [node, electron, dom, nodeOnly, noPlatform, noMain, noHub, noRenderer, noTest], {}),
  layer(['platform/**/*.ts'], [electron, dom, noMain, noHub, noRenderer, noTest], globals.node),
  layer(['hub/**/*.ts'], [electron, dom, noMain, noRenderer, noTest], globals.node),
  layer(['main/host/**/*.ts'], [electron, dom, noElectronShell, noRenderer, noTest], globals.node),
  layer(
    ['main/electron/**/*.{ts,cts}'],
    [
      dom,
      nodeOnly,
      noPlatform,
      noHub,
      folder('host', 'the shell talks to the host over parentPort, not by import'),
      noRenderer,
      noTest,
    ],
    globals.node,
  ),
  layer(['renderer/**/*.{ts,tsx}'], [node, electron, nodeOnly, noPlatform, noMain, noHub, noTest], globals.browser),
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['test/**', 'bench/**', '**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Functions the benchmarks inject into the page (Playwright's addInitScript) run in the browser.
  { files: ['bench/*-probe.mjs'], languageOptions: { globals: { ...globals.browser } } },
);
