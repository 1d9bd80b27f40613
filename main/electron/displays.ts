// Electron displays → the Monitor[] of the wall contract. Pure (takes plain objects shaped like
// Electron.Display), so it is unit-tested without Electron.
import { Monitor } from '../../src/contract/wall.js';

/** The fields of Electron.Display this conversion reads. */
export interface DisplayInfo {
  id: number;
  label: string;
  bounds: { x: number; y: number; width: number; height: number };
}

const MAX_NAME = 120;

/**
 * One Monitor per display, in reading order (top to bottom, then left to right) so that "Màn hình N"
 * numbers follow the wall as people see it. Bounds are in DIP, as BrowserWindow positions expect.
 */
export function monitorsFromDisplays(displays: readonly DisplayInfo[], primaryId: number | null): Monitor[] {
  const sorted = [...displays].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x || a.id - b.id);
  const seen = new Set<string>();
  const monitors: Monitor[] = [];
  sorted.forEach((display, index) => {
    const id = `display-${Math.trunc(Math.abs(display.id))}`;
    // Electron display ids are unique; this only guards the contract's "no duplicate id" rule.
    if (seen.has(id)) return;
    seen.add(id);
    const label = display.label.trim();
    monitors.push(
      Monitor.parse({
        id,
        name: (label === '' ? `Màn hình ${index + 1}` : label).slice(0, MAX_NAME),
        x: Math.round(display.bounds.x),
        y: Math.round(display.bounds.y),
        width: Math.max(1, Math.round(display.bounds.width)),
        height: Math.max(1, Math.round(display.bounds.height)),
        primary: display.id === primaryId,
      }),
    );
  });
  return monitors;
}
