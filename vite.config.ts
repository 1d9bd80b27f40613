// Builds the renderer (wall surfaces, console, briefing) into dist/renderer. The same page is served by the host
// over http and loaded by Electron from app://ioc-wall/, hence relative asset paths; it runs under a strict CSP
// (no inline script or style), so nothing may be inlined into index.html and nothing is fetched from outside.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The policy the page is built for; the host and the Electron shell send the same one as a header. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Video tiles load streams from camera/VMS origins only a site knows. A page obeys both this meta policy and the
  // header, so the meta admits any http(s) stream origin for media, images and connections, and the header the
  // host and the shell send (main/host/http/http-server.ts pageCsp) narrows them to the --media-origin list.
  "connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:* http: https:",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob: http: https:",
  "font-src 'self' data:",
].join('; ');

/**
 * Puts the policy into the built page too, so it holds however the page is served (headless shell, a plain
 * static server). Build only: the dev server's hot-reload preamble is an inline script.
 */
function cspMeta(): Plugin {
  return {
    name: 'ioc-wall-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Small assets may become data: URLs (the CSP allows data: for fonts and images, never for scripts).
    assetsInlineLimit: 4096,
    sourcemap: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
});
