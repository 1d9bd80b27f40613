import { NO_CONNECTORS } from '../connectors/connector-replay.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import type { AlarmEvent } from '../../src/domain/alarms/alarm-events.js';
import { apply, newAlarm } from '../../src/domain/alarms/alarm-lifecycle.js';
import type { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import type { AlarmResponse } from '../../src/domain/alarms/alarm-rules.js';
import { executeCommand } from '../commands/command-handlers.js';
import { wallResponsesOf } from '../commands/response-commands.js';
import { EventLog } from '../event-log.js';
import { openHubDatabaseFile } from '../hub-database.js';
import { Choreographer } from './choreographer.js';

const system = { kind: 'system', source: 'engine' } as const;
const person = { kind: 'person', person: 'an', device: 'console-1' } as const;
const RESPONSE: AlarmResponse = {
  kind: 'show-preset',
  presetId: 'ung-pho-khan-cap',
  monitors: ['m2'],
  revertAfterS: 5,
};

let log: EventLog;
let listeners: ((alarm: Alarm) => void)[];
let choreographer: Choreographer;
let briefing: boolean;

function raise(id: string): Alarm {
  const a = newAlarm(
    { id, ruleId: 'lu', dedupKey: id, priority: 'emergency', title: 'Lũ', area: { province: '46', unit: null } },
    Date.now(),
  );
  const r = apply(a, { kind: 'condition-active', by: system }, Date.now());
  if (!r.ok) throw new Error(r.reason);
  return write(r.alarm);
}

function step(alarm: Alarm, event: AlarmEvent): Alarm {
  const r = apply(alarm, event, Date.now());
  if (!r.ok) throw new Error(r.reason);
  return write(r.alarm);
}

/** As the rule engine does: the record on the log, then the news to its listeners. */
function write(alarm: Alarm): Alarm {
  log.append([{ topic: 'ops.alerts', key: alarm.id, source: 'engine', time: Date.now(), payload: alarm }]);
  for (const l of listeners) l(alarm);
  return alarm;
}

const onWall = (): string[] => wallResponsesOf(log)?.active.map((r) => r.alarmId) ?? [];
const ctx = () => ({
  log,
  issuer: 'an@console-1',
  person: 'an',
  device: 'console-1',
  now: Date.now(),
  connectors: NO_CONNECTORS,
});

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  log = new EventLog(openHubDatabaseFile(null));
  listeners = [];
  briefing = false;
  choreographer = new Choreographer({
    log,
    publish: (events) => log.append(events),
    onAlarm: (l) => {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
    responseOf: (ruleId) => (ruleId === 'lu' ? RESPONSE : undefined),
    briefingActive: () => briefing,
    clock: Date.now,
    logger: createLogger('test', 'error'),
  });
  choreographer.start();
});

afterEach(() => {
  choreographer.close();
  vi.useRealTimers();
});

describe('choreographer', () => {
  it('publishes a response as the system when an alarm rises, and reverts it the rule’s delay after acknowledgement', () => {
    const a = raise('lu:46');
    expect(onWall()).toEqual(['lu:46']);
    expect(log.latestOf('wall.responses', 'wall')?.source).toBe('system:choreographer');
    vi.advanceTimersByTime(1_000);
    step(a, { kind: 'acknowledge', by: person });
    expect(wallResponsesOf(log)?.active[0]?.revertAt).toBe(Date.now() + 5_000);
    vi.advanceTimersByTime(4_999);
    expect(onWall()).toEqual(['lu:46']);
    vi.advanceTimersByTime(1);
    expect(onWall()).toEqual([]);
  });

  it('keeps an operator’s cancellation for that activation only', () => {
    const a = raise('lu:46');
    const cancel = executeCommand('wall.cancelResponse', { alarmId: 'lu:46' }, ctx());
    expect(cancel.result.status).toBe('applied');
    choreographer.refresh();
    expect(onWall()).toEqual([]);
    expect(executeCommand('wall.cancelResponse', { alarmId: 'lu:46' }, ctx()).result).toMatchObject({
      status: 'rejected',
      reason: 'not-found',
    });
    vi.advanceTimersByTime(1_000);
    const cleared = step(a, { kind: 'condition-clear', by: system });
    const acked = step(cleared, { kind: 'acknowledge', by: person });
    vi.advanceTimersByTime(1_000);
    step(acked, { kind: 'condition-active', by: system });
    expect(onWall()).toEqual(['lu:46']);
    expect(wallResponsesOf(log)?.cancelled).toEqual([]);
  });

  it('gives way to a manual preset made after the alarm and to a briefing, and comes back after', () => {
    raise('lu:46');
    vi.advanceTimersByTime(1_000);
    const override = { presetId: 'giao-ban-sang', at: Date.now(), by: 'an@console-1' };
    const state = {
      schedule: { entries: [], fallbackPresetId: null },
      override,
      updatedAt: Date.now(),
      updatedBy: 'an',
    };
    log.append([{ topic: 'wall.state', key: 'wall', source: 't', time: Date.now(), payload: state }]);
    choreographer.refresh();
    expect(onWall()).toEqual([]);
    log.append([
      { topic: 'wall.state', key: 'wall', source: 't', time: Date.now(), payload: { ...state, override: null } },
    ]);
    choreographer.refresh();
    expect(onWall()).toEqual(['lu:46']);
    briefing = true;
    choreographer.refresh();
    expect(wallResponsesOf(log)).toMatchObject({ active: [], heldByBriefing: true });
  });
});
