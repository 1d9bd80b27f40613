// A uniform wall for tests: rows × cols identical monitors side by side, as xrandr lists them.
import type { Monitor } from '../../src/contract/wall.js';

export function gridMonitors(
  rows: number,
  cols: number,
  opts: { width?: number; height?: number; bezel?: number; bezelY?: number; pitch?: number } = {},
): Monitor[] {
  const { width = 1920, height = 1080, bezel = 0, bezelY = bezel, pitch } = opts;
  const monitors: Monitor[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      monitors.push({
        id: `M${r}${c}`,
        name: `M${r}${c}`,
        x: c * width,
        y: r * height,
        width,
        height,
        primary: r === 0 && c === 0,
        bezelMm: { top: bezelY, right: bezel, bottom: bezelY, left: bezel },
        ...(pitch === undefined ? {} : { pixelPitchMm: pitch }),
      });
    }
  }
  return monitors;
}
