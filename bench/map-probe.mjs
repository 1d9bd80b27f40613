// The page side of bench/map-surface.mjs. Playwright serialises each of these functions into the page
// (addInitScript, evaluate), so none may use anything from outside its own body.

/**
 * Run before any page script: the wall's probe (renderer/state/wall-probe.ts), to which the map reports each
 * indicator it applies. A frame counts as "the map repainted" when WebGL draw calls were made on the map's canvas
 * in it; its end is a message posted from requestAnimationFrame (after that frame's rendering update).
 */
export function installMapProbe() {
  const now = () => performance.now();
  const S = { arrivals: [], mapFrames: [], intervals: [], on: false };
  let mapDirty = false;
  let firstDraw = 0;
  let lastRaf = -1;
  const onMap = new WeakMap();
  const isMap = (canvas) => {
    let v = onMap.get(canvas);
    if (v === undefined) {
      v = Boolean(canvas?.closest?.('[data-tile-id="map"]'));
      if (canvas?.isConnected) onMap.set(canvas, v);
    }
    return v;
  };
  const wrap = (proto) => {
    if (!proto) return;
    for (const n of [
      'drawArrays',
      'drawElements',
      'drawArraysInstanced',
      'drawElementsInstanced',
      'drawRangeElements',
    ]) {
      const f = proto[n];
      if (typeof f !== 'function') continue;
      proto[n] = function (...args) {
        if (isMap(this.canvas)) {
          if (!mapDirty) firstDraw = now();
          mapDirty = true;
        }
        return f.apply(this, args);
      };
    }
  };
  wrap(window.WebGL2RenderingContext?.prototype);
  wrap(window.WebGLRenderingContext?.prototype);
  const mc = new MessageChannel();
  mc.port1.onmessage = () => {
    if (mapDirty && S.on) S.mapFrames.push([now(), firstDraw]);
    mapDirty = false;
  };
  const tick = (t) => {
    if (S.on && lastRaf >= 0) S.intervals.push(t - lastRaf);
    lastRaf = t;
    mc.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__wallProbe = {
    data(series, sourceEpochMs) {
      if (S.on && String(series).startsWith('econ.indicators/')) S.arrivals.push([now(), sourceEpochMs]);
    },
  };
  window.__bench = {
    start() {
      Object.assign(S, { arrivals: [], mapFrames: [], intervals: [], on: true });
      lastRaf = -1;
    },
    stop() {
      S.on = false;
      return { ...S, timeOrigin: performance.timeOrigin };
    },
  };
}

/** Starts a recording of arrivals, map frames and frame intervals. */
export function startRecording() {
  window.__bench.start();
}

/** Ends the recording and returns it. */
export function stopRecording() {
  return window.__bench.stop();
}

/** WebGL2's renderer string, as the page sees it. */
export function webgl2Renderer() {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}
