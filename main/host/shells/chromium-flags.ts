// The Chromium flags of every browser IOC Wall starts: the browser shell's wall windows, and the headless browsers
// of the end-to-end tests and the benchmarks, so what the tests and the benchmarks measure is what a wall PC runs.

/** Nothing fetched from the network or updated behind the room's back. */
export const QUIET_CHROMIUM_FLAGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * WebGL for the map without a GPU (DESIGN.md): Mesa's llvmpipe through ANGLE's GL backend, the faster software
 * path (Chromium's own fallback, SwiftShader, takes seconds per map frame). On an X display ANGLE reaches GL
 * through GLX and X-level screenshots show the canvas; headless has no display and goes through EGL. With a GPU
 * these use it.
 */
export function softwareGlFlags(display: 'x11' | 'headless'): string[] {
  return ['--use-gl=angle', `--use-angle=${display === 'x11' ? 'gl' : 'gl-egl'}`, '--ignore-gpu-blocklist'];
}
