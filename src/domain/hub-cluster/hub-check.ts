// A host's last check of one hub (its /api/status) and what the console is told of it. Pure: the polling is in
// main/host/hub-cluster-watch.ts. Whatever a hub answers is hostile until HubStatus has parsed it.
import { z } from 'zod';
import type { ConnectorStatusRow } from '../../contract/connector-status.js';
import type { HubAnswer, HubView } from '../../contract/hub-cluster.js';
import { HubStatus } from '../../contract/hub-protocol.js';

export type HubCheck =
  | { reach: 'pending' }
  | { reach: 'ok'; at: number; status: HubStatus }
  | { reach: 'unreachable' | 'invalid'; at: number; error: string };

/** What a hub's words may take of the host's status and the console (HubView's bounds). */
const MAX_ERROR = 500;
const MAX_NAME = 200;
const clip = (text: string, max = MAX_ERROR): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const failedCheck = (reach: 'unreachable' | 'invalid', at: number, error: string): HubCheck => ({
  reach,
  at,
  error: clip(error),
});

/** A hub's answer (already JSON): its status if it is one, else `invalid` saying what is wrong. */
export function checkOfAnswer(raw: unknown, at: number): HubCheck {
  const parsed = HubStatus.safeParse(raw);
  if (parsed.success) return { reach: 'ok', at, status: parsed.data };
  return failedCheck('invalid', at, `not a hub's status: ${z.prettifyError(parsed.error)}`);
}

function answerOf(status: HubStatus): HubAnswer {
  const { log } = status;
  const version = clip(status.version, MAX_NAME);
  if (log.kind === 'sqlite') {
    // One hub, its own log: it produces, and there is no NATS to lose nor stream to wait for.
    return { version, log: 'sqlite', name: null, producer: true, natsConnected: null, waiting: 0, refused: 0 };
  }
  return {
    version,
    log: 'jetstream',
    name: clip(log.hub, MAX_NAME),
    producer: log.producer,
    natsConnected: log.connected,
    waiting: log.waiting,
    refused: log.refused,
  };
}

export function viewOf(url: string, check: HubCheck, current: string | null): HubView {
  const base = { url, current: url === current };
  switch (check.reach) {
    case 'pending':
      return { ...base, reach: 'pending', error: null, checkedAt: null, answer: null };
    case 'ok':
      return { ...base, reach: 'ok', error: null, checkedAt: check.at, answer: answerOf(check.status) };
    default:
      return { ...base, reach: check.reach, error: check.error, checkedAt: check.at, answer: null };
  }
}

/**
 * The connectors to show: the producing hub runs them, so its list (the one the host is on first, if it produces);
 * else the list of the hub the host is on; null while none of them has answered.
 */
export function clusterConnectors(
  checks: ReadonlyMap<string, HubCheck>,
  current: string | null,
): ConnectorStatusRow[] | null {
  const answered = [...checks].flatMap(([url, c]) => (c.reach === 'ok' ? [{ url, status: c.status }] : []));
  const producing = answered.filter((a) => answerOf(a.status).producer);
  const chosen =
    producing.find((a) => a.url === current) ?? producing[0] ?? answered.find((a) => a.url === current) ?? null;
  return chosen ? chosen.status.connectors : null;
}
