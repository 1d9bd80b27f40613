// How many messages and connections the guard refused, by why: shown in the hub's /api/status.
export type RefusalKind =
  | 'handshake'
  | 'rate'
  | 'flood'
  | 'shape'
  | 'arguments'
  | 'unknown-event'
  | 'malformed-frame'
  | 'transport'
  | 'handler-error';

export class Refusals {
  private readonly counts = new Map<RefusalKind, number>();

  note(kind: RefusalKind): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  snapshot(): Partial<Record<RefusalKind, number>> {
    return Object.fromEntries(this.counts);
  }
}
