// Refused handshakes in the audit log, without letting a flood of them fill it: one row per peer address per
// minute, the next row of that peer saying how many refusals it stands for. Keyed by address, not by the device
// name a stranger sends (any string), and with a bounded number of addresses: past that, one row a minute for
// all the others together.
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';

const WINDOW_MS = 60_000;
const MAX_PEERS = 1000;
const OTHERS = '*';

export interface RefusedHandshake {
  peer: string;
  /** The device name presented, if any: what the stranger claimed, not who they are. */
  device: string | null;
  reason: string;
}

export class HandshakeAudit {
  private readonly byPeer = new Map<string, { since: number; unwritten: number }>();

  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  refused(r: RefusedHandshake): void {
    const now = this.clock();
    const key = this.keyFor(r.peer, now);
    const seen = this.byPeer.get(key);
    if (seen && now - seen.since < WINDOW_MS) {
      seen.unwritten++;
      return;
    }
    this.audit.append({
      person: null,
      device: r.device,
      peer: key === OTHERS ? `${r.peer} (and other peers)` : r.peer,
      action: 'connect',
      target: null,
      outcome: 'rejected',
      // Refusals of the minute before this one that got no row of their own.
      detail: { reason: r.reason, alsoRefusedBefore: seen?.unwritten ?? 0 },
    });
    this.byPeer.set(key, { since: now, unwritten: 0 });
  }

  private keyFor(peer: string, now: number): string {
    if (this.byPeer.has(peer) || this.byPeer.size < MAX_PEERS) return peer;
    for (const [p, seen] of this.byPeer)
      if (now - seen.since >= WINDOW_MS && seen.unwritten === 0) this.byPeer.delete(p);
    return this.byPeer.size < MAX_PEERS ? peer : OTHERS;
  }
}
