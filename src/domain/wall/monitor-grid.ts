// Monitors of the contract (wall file, xrandr, Electron) placed in the wall's grid, with their pixel pitch.
import type { Monitor } from '../../contract/wall.js';
import { NO_BEZELS, type PhysicalMonitor } from './wall-types.js';

/**
 * Grid places: the ones the wall file gives when every monitor has one; otherwise derived from positions (each
 * distinct x is a column, each distinct y a row), which is what xrandr and Electron report.
 */
export function toPhysicalMonitors(monitors: readonly Monitor[]): PhysicalMonitor[] {
  const explicit = monitors.every((m) => m.row !== undefined && m.col !== undefined);
  const xs = [...new Set(monitors.map((m) => m.x))].sort((a, b) => a - b);
  const ys = [...new Set(monitors.map((m) => m.y))].sort((a, b) => a - b);
  return monitors.map((m) => ({
    id: m.id,
    row: explicit ? (m.row as number) : ys.indexOf(m.y),
    col: explicit ? (m.col as number) : xs.indexOf(m.x),
    x: m.x,
    y: m.y,
    width: m.width,
    height: m.height,
    bezelMm: { ...NO_BEZELS, ...m.bezelMm },
    pitchMm: pitchOf(m),
  }));
}

function pitchOf(m: Monitor): PhysicalMonitor['pitchMm'] {
  if (m.pixelPitchMm !== undefined) return { x: m.pixelPitchMm, y: m.pixelPitchMm };
  if (m.physicalMm) return { x: m.physicalMm.width / m.width, y: m.physicalMm.height / m.height };
  return null;
}

/** Bezel mm in pixels of the monitor's own pitch, unrounded (0 when its pitch is unknown). */
export function bezelPx(mm: number, pitch: number | undefined): number {
  return pitch ? mm / pitch : 0;
}
