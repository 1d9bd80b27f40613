import { describe, expect, it } from 'vitest';
import { defaultSurfaces, virtualMonitors } from '../../src/domain/default-wall.js';
import { LatestValues } from '../../src/domain/latest-values.js';
import { hasMessage, MESSAGES } from '../../src/i18n/messages.js';
import { WIDGETS } from './index';
import { instantiateTile, widgetOfKind } from './registry';

const kinds = WIDGETS.map((w) => w.kind);

describe('widget registry', () => {
  it('knows the kinds every wall needs, each once', () => {
    expect(kinds).toEqual(expect.arrayContaining(['alerts', 'clock', 'connection', 'kpi', 'tasks']));
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('finds each listed kind by its name', () => {
    for (const widget of WIDGETS) expect(widgetOfKind(widget.kind)).toBe(widget);
    expect(widgetOfKind('radar')).toBeUndefined();
  });

  it('names each kind in the palette with a message of its own', () => {
    const labels = WIDGETS.map((w) => w.labelKey);
    for (const key of labels) expect(hasMessage(key), key).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    expect(MESSAGES.vi.widgetKind.map).toBe('Bản đồ');
  });

  it('instantiates every tile of the demo wall', () => {
    const monitors = virtualMonitors();
    for (const surface of defaultSurfaces(monitors)) {
      for (const tile of surface.layout.tiles) {
        const made = instantiateTile(tile.kind, tile.settings);
        expect(made.ok, `${surface.id}/${tile.id}: ${made.ok ? '' : made.detail}`).toBe(true);
      }
    }
  });

  it('shows every widget kind somewhere on the demo wall', () => {
    const monitors = virtualMonitors();
    const shown = new Set(defaultSurfaces(monitors).flatMap((s) => s.layout.tiles.map((t) => t.kind)));
    // The test pattern is a tool for checking bezels, not something to show the room.
    const missing = kinds.filter((k) => k !== 'test-pattern' && !shown.has(k));
    expect(missing).toEqual([]);
  });

  it('reports an unknown kind with the known ones', () => {
    const made = instantiateTile('radar', {});
    expect(made).toMatchObject({ ok: false, error: 'unknown-kind' });
    expect(!made.ok && made.detail).toMatch(/kpi/);
  });

  it('reports bad settings with the field at fault', () => {
    const made = instantiateTile('clock', { zones: ['Mars/Base'] });
    expect(made).toMatchObject({ ok: false, error: 'bad-settings' });
    expect(!made.ok && made.detail).toMatch(/zones/);
    expect(instantiateTile('alerts', { limit: 0 })).toMatchObject({ ok: false, error: 'bad-settings' });
    expect(instantiateTile('tasks', { timeZone: 'Nowhere' })).toMatchObject({ ok: false, error: 'bad-settings' });
  });

  it('fills defaults and derives topics from settings', () => {
    const clock = instantiateTile('clock', undefined);
    expect(clock.ok && clock.tile.topics).toEqual([]);
    const kpi = instantiateTile('kpi', { topic: 'econ.live', key: 'documents_processed_today' });
    expect(kpi.ok && kpi.tile.topics).toEqual(['econ.live']);
    const alerts = instantiateTile('alerts', {});
    expect(alerts.ok && alerts.tile.topics).toEqual(['ops.alerts']);
  });

  it('dates a tile by its newest event unless the kind says otherwise', () => {
    const values = new LatestValues();
    values.apply({ topic: 'ops.alerts', offset: 1, time: 500, source: 't', key: 'a', payload: {} });
    const alerts = instantiateTile('alerts', {});
    expect(alerts.ok && alerts.tile.asOf(values)).toBe(500);
    const kpi = instantiateTile('kpi', { topic: 'econ.live', key: 'documents_processed_today' });
    expect(kpi.ok && kpi.tile.asOf(values)).toBeNull();
  });
});
