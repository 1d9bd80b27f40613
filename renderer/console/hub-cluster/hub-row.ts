// How the console says a hub's state, from the host's view of it: one shape and words, then what needs attention.
// A hub that does not answer, answers nonsense or has lost NATS is a fault; otherwise it produces or stands by.
import type { HubView } from '../../../src/contract/hub-cluster.js';

export type HubHealth = 'producing' | 'standby' | 'fault' | 'pending';

/** The shape beside the words, for whoever cannot tell the colours apart. */
export const HUB_MARK: Record<HubHealth, string> = { producing: '✓', standby: '⏸', fault: '✕', pending: '…' };

export type HubNote =
  | { key: 'pending' | 'unreachable' | 'invalid' | 'producing' | 'standby' | 'natsLost' }
  | { key: 'waiting' | 'refused'; n: number };

export interface HubRow {
  health: HubHealth;
  /** In reading order: the state first, then what an admin should look at. */
  notes: HubNote[];
}

export function hubRow(view: HubView): HubRow {
  if (view.reach === 'pending') return { health: 'pending', notes: [{ key: 'pending' }] };
  if (view.reach !== 'ok') return { health: 'fault', notes: [{ key: view.reach }] };
  const { answer } = view;
  if (!answer) return { health: 'fault', notes: [{ key: 'invalid' }] };
  const natsLost = answer.natsConnected === false;
  const notes: HubNote[] = [
    ...(natsLost ? [{ key: 'natsLost' } as const] : []),
    { key: answer.producer ? 'producing' : 'standby' },
    ...(answer.waiting > 0 ? [{ key: 'waiting', n: answer.waiting } as const] : []),
    ...(answer.refused > 0 ? [{ key: 'refused', n: answer.refused } as const] : []),
  ];
  return { health: natsLost ? 'fault' : answer.producer ? 'producing' : 'standby', notes };
}
