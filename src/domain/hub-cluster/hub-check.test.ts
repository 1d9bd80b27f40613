import { describe, expect, it } from 'vitest';
import { HubView } from '../../contract/hub-cluster.js';
import type { HubStatus } from '../../contract/hub-protocol.js';
import { checkOfAnswer, clusterConnectors, type HubCheck, viewOf } from './hub-check.js';

const connector = (id: string) => ({
  id,
  kind: 'rest' as const,
  lastRunAt: null,
  accepted: 0,
  refused: 0,
  lastError: null,
  nextRunAt: null,
  deadLetters: 0,
});

function hubStatus(log: HubStatus['log'], connectors: HubStatus['connectors'] = []): HubStatus {
  return {
    app: 'ioc-wall',
    role: 'hub',
    version: '1.2.3',
    startedAt: 1,
    demo: false,
    clients: 2,
    topics: {},
    commands: 0,
    refused: {},
    connectors,
    log,
  };
}
const jetstream = (hub: string, over: Partial<{ connected: boolean; producer: boolean; waiting: number }> = {}) =>
  hubStatus({ kind: 'jetstream', hub, connected: true, producer: false, waiting: 0, refused: 0, ...over });

describe('a hub check', () => {
  it('reads a JetStream hub: name, producer, NATS, waiting and refused', () => {
    const raw: unknown = JSON.parse(
      JSON.stringify(
        hubStatus({ kind: 'jetstream', hub: 'hub-b', connected: false, producer: true, waiting: 7, refused: 3 }),
      ),
    );
    const view = viewOf('http://b', checkOfAnswer(raw, 1000), 'http://b');
    expect(view).toEqual({
      url: 'http://b',
      current: true,
      reach: 'ok',
      error: null,
      checkedAt: 1000,
      answer: {
        version: '1.2.3',
        log: 'jetstream',
        name: 'hub-b',
        producer: true,
        natsConnected: false,
        waiting: 7,
        refused: 3,
      },
    });
  });

  it('reads a SQLite hub (or one from before `log`) as producing its own log, without NATS', () => {
    const { log: _log, ...old } = hubStatus({ kind: 'sqlite' });
    const view = viewOf('http://a', checkOfAnswer(old, 5), 'http://b');
    expect(view.current).toBe(false);
    expect(view.answer).toMatchObject({ log: 'sqlite', name: null, producer: true, natsConnected: null, waiting: 0 });
  });

  it('takes anything but a hub status as invalid, saying what is wrong, with no answer', () => {
    for (const raw of [null, 'ok', [], { app: 'ioc-wall', role: 'host' }, { ...jetstream('x'), clients: -1 }]) {
      const view = viewOf('http://x', checkOfAnswer(raw, 9), null);
      expect(view.reach).toBe('invalid');
      expect(view.answer).toBeNull();
      expect(view.error).toMatch(/^not a hub's status/);
      expect(view.error!.length).toBeLessThanOrEqual(500);
    }
  });

  it("bounds a hub's own words (version, name) to what the host's status admits", () => {
    const long = 'v'.repeat(10_000);
    const view = viewOf('http://x', checkOfAnswer({ ...jetstream(long), version: long }, 9), null);
    expect(HubView.parse(view).answer).toMatchObject({ version: expect.stringMatching(/^v{199}…$/) });
    expect(view.answer?.name).toHaveLength(200);
  });

  it('is pending before the first check', () => {
    expect(viewOf('http://x', { reach: 'pending' }, null)).toMatchObject({ reach: 'pending', checkedAt: null });
  });
});

describe('the connectors of a cluster', () => {
  const ok = (status: HubStatus): HubCheck => ({ reach: 'ok', at: 1, status });
  it("are the producing hub's, even when the host is on another", () => {
    const checks = new Map<string, HubCheck>([
      ['http://a', ok(jetstream('a'))],
      [
        'http://b',
        ok(
          hubStatus({ kind: 'jetstream', hub: 'b', connected: true, producer: true, waiting: 0, refused: 0 }, [
            connector('rest-1'),
          ]),
        ),
      ],
    ]);
    expect(clusterConnectors(checks, 'http://a')?.map((c) => c.id)).toEqual(['rest-1']);
  });
  it("are the current hub's when no producer answers, and unknown when no hub does", () => {
    const checks = new Map<string, HubCheck>([
      ['http://a', ok(jetstream('a'))],
      ['http://b', { reach: 'unreachable', at: 1, error: 'down' }],
    ]);
    expect(clusterConnectors(checks, 'http://a')).toEqual([]);
    expect(
      clusterConnectors(new Map([['http://b', { reach: 'unreachable', at: 1, error: 'down' }]]), 'http://b'),
    ).toBeNull();
  });
});
