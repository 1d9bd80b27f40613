// Alarm → wall, carried out once for the whole wall: the hub follows every alarm record on `ops.alerts` (whoever
// wrote it: the rule engine, an operator's command, the demo), the wall's override and the cancellations, runs the
// pure choreography (src/domain/alarms/choreography.ts) and publishes what it decides on `wall.responses` as a
// system actor. Hosts apply it; a timer runs it again at the next revert.
import type { AlarmResponse } from '../../src/domain/alarms/alarm-rules.js';
import { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { choreograph } from '../../src/domain/alarms/choreography.js';
import { WALL_RESPONSES_KEY, type WallResponsesPayload } from '../../src/domain/alarms/response-schema.js';
import { WALL_STATE_KEY, WallStatePayload } from '../../src/domain/presets/preset-schema.js';
import type { Logger } from '../../platform/logger.js';
import { wallResponsesOf } from '../commands/response-commands.js';
import type { EventLog, NewEvent } from '../event-log.js';

const CHOREOGRAPHER = 'system:choreographer';
/** Alarm records read from the log per pass; a flood is taken in over several passes. */
const READ_BATCH = 5_000;

export interface ChoreographerOptions {
  log: EventLog;
  publish: (events: readonly NewEvent[]) => void;
  /** The rule engine's news of an alarm change (alarm-engine.ts); the record itself is read from the log. */
  onAlarm: (listener: (alarm: Alarm) => void) => () => void;
  /** The response of a rule, as the rule engine holds it. */
  responseOf: (ruleId: string) => AlarmResponse | undefined;
  /** True while a briefing holds the wall: then no response takes it over. */
  briefingActive: () => boolean;
  clock: () => number;
  logger: Logger;
}

export class Choreographer {
  private readonly alarms = new Map<string, Alarm>();
  private offset = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;

  constructor(private readonly options: ChoreographerOptions) {}

  start(): void {
    for (const e of this.options.log.snapshot('ops.alerts')) this.take(e.key, e.payload);
    this.offset = this.options.log.head('ops.alerts');
    this.stopListening = this.options.onAlarm(() => this.refresh());
    this.refresh();
  }

  close(): void {
    this.stopListening?.();
    clearTimeout(this.timer);
  }

  /** Something the wall's answer depends on may have changed (an alarm, the override, a cancellation). */
  refresh(): void {
    const { log, clock } = this.options;
    for (;;) {
      const batch = log.read('ops.alerts', this.offset, READ_BATCH);
      for (const e of batch) this.take(e.key, e.payload);
      if (batch.length < READ_BATCH) break;
      this.offset = batch.at(-1)!.offset;
    }
    this.offset = log.head('ops.alerts');
    const now = clock();
    const state = WallStatePayload.safeParse(log.latestOf('wall.state', WALL_STATE_KEY)?.payload);
    const current = wallResponsesOf(log);
    const result = choreograph({
      alarms: this.alarms.values(),
      responseOf: this.options.responseOf,
      override: state.success ? state.data.override : null,
      cancelled: current?.cancelled ?? [],
      briefingActive: this.options.briefingActive(),
      now,
    });
    clearTimeout(this.timer);
    if (result.nextChangeAt !== null) {
      this.timer = setTimeout(() => this.refresh(), Math.max(0, result.nextChangeAt - now));
      this.timer.unref();
    }
    const decided = { active: result.active, cancelled: result.cancelled, heldByBriefing: result.heldByBriefing };
    const key = JSON.stringify(decided);
    const unchanged = current
      ? key ===
        JSON.stringify({ active: current.active, cancelled: current.cancelled, heldByBriefing: current.heldByBriefing })
      : result.active.length === 0 && !result.heldByBriefing;
    if (unchanged) return;
    const payload: WallResponsesPayload = { ...decided, updatedAt: now, updatedBy: CHOREOGRAPHER };
    this.options.logger.info('wall responses', { active: result.active.map((r) => r.alarmId).join(',') || 'none' });
    this.options.publish([
      { topic: 'wall.responses', key: WALL_RESPONSES_KEY, source: CHOREOGRAPHER, time: now, payload },
    ]);
  }

  private take(key: string, payload: unknown): void {
    const parsed = Alarm.safeParse(payload);
    if (!parsed.success) return;
    // A resolved alarm is back to normal and answers nothing: keep the map to the alarms that may.
    if (parsed.data.state === 'normal') this.alarms.delete(key);
    else this.alarms.set(key, parsed.data);
  }
}
