// The alert handlers on a real (in-memory) event log, through the handler table as the journal calls them.
import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../src/contract/topics.js';
import { openHubDatabaseFile } from '../hub-database.js';
import { EventLog } from '../event-log.js';
import { NO_CONNECTORS } from '../connectors/connector-replay.js';
import { executeCommand } from './command-handlers.js';

const alert: AlertPayload = {
  id: 'a-1',
  severity: 'major',
  title: 'Ngập lụt tại Huế',
  category: 'flood',
  province: '46',
  state: 'active',
  raisedAt: 1000,
};

function logWithAlert(): EventLog {
  const log = new EventLog(openHubDatabaseFile(null));
  log.append([{ topic: 'ops.alerts', key: alert.id, source: 'test', time: 1000, payload: alert }]);
  return log;
}

describe('alert commands', () => {
  it('acknowledges an active alert once, with a note, in the issuer name', () => {
    const log = logWithAlert();
    const ctx = { log, issuer: 'an', now: 2000, connectors: NO_CONNECTORS };
    const first = executeCommand('alert.acknowledge', { alertId: 'a-1', note: 'đã cử đội' }, ctx);
    expect(first.result).toEqual({ status: 'applied', message: 'alert.acknowledge a-1', appliedAt: 2000 });
    expect(first.events).toMatchObject([{ topic: 'ops.alerts', key: 'a-1', source: 'operator:an', time: 2000 }]);
    expect(log.latestOf('ops.alerts', 'a-1')?.payload).toEqual({
      ...alert,
      state: 'acknowledged',
      acknowledgedBy: 'an',
      acknowledgedAt: 2000,
      notes: [{ by: 'an', at: 2000, text: 'đã cử đội' }],
    });
    const again = executeCommand('alert.acknowledge', { alertId: 'a-1' }, { ...ctx, now: 3000 });
    expect(again).toEqual({
      result: {
        status: 'rejected',
        reason: 'invalid-state',
        message: 'alert a-1 is already acknowledged',
        appliedAt: 3000,
      },
      events: [],
    });
  });

  it('resolves once and adds notes without changing the state', () => {
    const log = logWithAlert();
    const ctx = { log, issuer: 'binh', now: 2000, connectors: NO_CONNECTORS };
    expect(executeCommand('alert.note', { alertId: 'a-1', note: 'nước rút' }, ctx).result.status).toBe('applied');
    expect(executeCommand('alert.resolve', { alertId: 'a-1' }, ctx).result.status).toBe('applied');
    expect(executeCommand('alert.resolve', { alertId: 'a-1' }, ctx).result).toMatchObject({ reason: 'invalid-state' });
    expect(log.latestOf('ops.alerts', 'a-1')?.payload).toMatchObject({
      state: 'resolved',
      notes: [{ by: 'binh', text: 'nước rút' }],
    });
  });

  it('rejects an unknown alert as not found and writes nothing', () => {
    const log = logWithAlert();
    const outcome = executeCommand(
      'alert.resolve',
      { alertId: 'khong-co' },
      { log, issuer: 'an', now: 2000, connectors: NO_CONNECTORS },
    );
    expect(outcome.result).toMatchObject({ status: 'rejected', reason: 'not-found', message: 'no alert khong-co' });
    expect(log.head('ops.alerts')).toBe(1);
  });
});
