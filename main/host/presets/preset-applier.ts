// The host's side of presets: follows `wall.presets` and `wall.state` from the feed cache, decides which preset
// the wall shows (a briefing's scene, else override, else schedule, else the fallback, else the default layouts;
// the scene's preset comes with its tiles' focus, and ending the briefing gives back the rest), gives each surface its
// layout in the SurfaceRegistry, and tells every window through the bridge so it swaps its grid in place.
// An alarm's show-preset response (`wall.responses`, decided by the hub) takes over the surfaces of the monitors
// it names, over that; the other surfaces keep theirs. Zoom-map and camera responses focus a map tile on the
// alarm's province or put the alarm's camera in a video tile, on whatever the surface shows.
// The schedule is looked at every 15 s, so a daypart starts within 15 s of its minute.
import type { LayoutChange } from '../../../src/contract/bridge.js';
import type { WallPresetStatus } from '../../../src/contract/host-status.js';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { Surface, SurfaceLayout } from '../../../src/contract/wall.js';
import { WallResponsesPayload } from '../../../src/domain/alarms/response-schema.js';
import { type CameraFor, respondOnLayout } from '../../../src/domain/alarms/response-layout.js';
import { takeoverBySurface } from '../../../src/domain/alarms/wall-takeover.js';
import { BriefingPayload, BriefingStatePayload } from '../../../src/domain/briefing/briefing-schema.js';
import { currentScene, idleBriefingState } from '../../../src/domain/briefing/presentation.js';
import { sceneLayouts } from '../../../src/domain/briefing/scene-layouts.js';
import { PresetPayload, WallStatePayload } from '../../../src/domain/presets/preset-schema.js';
import { emptyWallState } from '../../../src/domain/presets/wall-state.js';
import { activePresetAt, type ActivePreset } from '../../../src/domain/presets/wall-schedule.js';
import { describeWall } from '../../../src/domain/presets/wall-status.js';
import type { Logger } from '../../../platform/logger.js';
import type { SurfaceRegistry } from '../surface-registry.js';

export interface PresetApplierOptions {
  surfaces: SurfaceRegistry;
  emit: (change: LayoutChange) => void;
  logger: Logger;
  clock?: () => number;
  /** How often the schedule is looked at. */
  tickMs?: number;
  /** The camera a camera response without one of its own shows: the first of the alarm's province. */
  cameraFor?: CameraFor;
}

export class PresetApplier {
  private readonly presets = new Map<string, PresetPayload>();
  private state: WallStatePayload = emptyWallState();
  private responses: WallResponsesPayload['active'] = [];
  private readonly briefings = new Map<string, BriefingPayload>();
  private briefing: BriefingStatePayload = idleBriefingState();
  /** Each surface's layout before any preset: what it shows when the active preset does not cover it. */
  private readonly defaults = new Map<string, SurfaceLayout>();
  private active: ActivePreset = { presetId: null, source: 'none', entry: null };
  private appliedAt: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly clock: () => number;

  constructor(private readonly options: PresetApplierOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** Loads what the cache holds and starts the schedule's timer. */
  start(latest: readonly Envelope[]): void {
    this.take(latest);
    this.apply();
    this.timer = setInterval(() => this.apply(), this.options.tickMs ?? 15_000);
    this.timer.unref();
  }

  /** New events from the feed: applied at once when they touch presets or the wall's state. */
  ingest(events: readonly Envelope[]): void {
    if (this.take(events)) this.apply();
  }

  /** The cache started a topic again from a snapshot: forget what it held and take the new picture. */
  reload(latest: readonly Envelope[]): void {
    this.presets.clear();
    this.state = emptyWallState();
    this.responses = [];
    this.briefings.clear();
    this.briefing = idleBriefingState();
    this.take(latest);
    this.apply();
  }

  close(): void {
    clearInterval(this.timer);
  }

  status(): WallPresetStatus {
    return describeWall(this.state, this.presets, this.clock(), this.appliedAt);
  }

  /** Decides the active preset and gives every surface its layout; only surfaces that change are told. */
  apply(): void {
    this.active = activePresetAt(this.state.schedule, this.clock(), this.state.override, {
      available: this.available,
    });
    const scene = currentScene(this.briefing, this.briefings.get(this.briefing.briefingId ?? ''));
    // A scene whose preset has gone leaves the wall to the schedule rather than blank.
    const presenting = scene && this.available(scene.presetId) ? scene : null;
    const preset = this.presets.get(presenting?.presetId ?? this.active.presetId ?? '');
    const layouts = preset && presenting ? sceneLayouts(preset, presenting) : preset?.layouts;
    const changes: LayoutChange[] = [];
    const surfaces = this.options.surfaces.all();
    const home = surfaces.map((s) => ({ id: s.id, monitors: s.homeMonitorIds ?? s.monitorIds ?? [s.monitorId] }));
    const takeover = takeoverBySurface(this.responses, home);
    const next: Surface[] = surfaces.map((surface) => {
      if (!this.defaults.has(surface.id)) this.defaults.set(surface.id, surface.layout);
      // A presented scene holds the wall: an alarm's response does not take it over (the banner tells of it).
      const responding = presenting ? undefined : this.presets.get(takeover.get(surface.id)?.presetId ?? '');
      const taken = responding?.layouts[surface.id] && !responding.deleted ? responding : undefined;
      const shown = taken ?? preset;
      const fromPreset = taken ? taken.layouts[surface.id] : layouts?.[surface.id];
      // Zoom-map and camera responses act on tiles of whatever the surface shows; a presented scene is left alone.
      const layout = respondOnLayout(
        fromPreset ?? this.defaults.get(surface.id) ?? surface.layout,
        presenting ? [] : this.responses,
        this.options.cameraFor ?? (() => undefined),
      );
      if (JSON.stringify(layout) === JSON.stringify(surface.layout)) return surface;
      changes.push({
        surfaceId: surface.id,
        layout,
        presetId: fromPreset && shown ? shown.id : null,
        version: fromPreset && shown ? shown.version : null,
      });
      return { ...surface, layout };
    });
    if (changes.length === 0) return;
    this.options.surfaces.set(next);
    this.appliedAt = this.clock();
    this.options.logger.info('wall layout changed', {
      preset: preset ? `${preset.id}@${preset.version}` : 'default',
      source: presenting ? `briefing ${this.briefing.briefingId}/${presenting.id}` : this.active.source,
      surfaces: changes.map((c) => c.surfaceId).join(','),
    });
    for (const change of changes) this.options.emit(change);
  }

  private readonly available = (id: string): boolean => {
    const p = this.presets.get(id);
    return p !== undefined && !p.deleted;
  };

  /** Keeps the newest valid value of each key; true when something of ours changed. */
  private take(events: readonly Envelope[]): boolean {
    let changed = false;
    for (const e of events) {
      if (e.topic === 'wall.presets') {
        const parsed = PresetPayload.safeParse(e.payload);
        if (!parsed.success) {
          this.options.logger.warn('preset ignored: invalid', { key: e.key });
          continue;
        }
        const held = this.presets.get(e.key);
        if (held && held.version >= parsed.data.version) continue;
        this.presets.set(e.key, parsed.data);
        changed = true;
      } else if (e.topic === 'wall.responses') {
        const parsed = WallResponsesPayload.safeParse(e.payload);
        if (parsed.success) {
          this.responses = parsed.data.active;
          changed = true;
        }
      } else if (e.topic === 'wall.state') {
        const parsed = WallStatePayload.safeParse(e.payload);
        if (parsed.success) {
          this.state = parsed.data;
          changed = true;
        }
      } else if (e.topic === 'briefing.briefings') {
        const parsed = BriefingPayload.safeParse(e.payload);
        if (parsed.success) {
          this.briefings.set(e.key, parsed.data);
          changed = true;
        }
      } else if (e.topic === 'briefing.state') {
        const parsed = BriefingStatePayload.safeParse(e.payload);
        if (parsed.success) {
          this.briefing = parsed.data;
          changed = true;
        }
      }
    }
    return changed;
  }
}
