// An operator action from the editor: queued through the host's outbox (so it survives going offline and is
// applied once), then followed until the hub's answer — applied, rejected (e.g. a conflicting save) or failed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxItem, OutboxView } from '../../../src/contract/bridge.js';
import type { CommandName } from '../../../src/contract/hub-protocol.js';
import { useSession } from '../../state/session-context';

export type CommandPhase =
  | { phase: 'idle' }
  | { phase: 'queued'; name: CommandName }
  | { phase: 'applied' | 'rejected' | 'failed'; name: CommandName; message: string; args: unknown };

function phaseOf(item: OutboxItem): CommandPhase | null {
  if (item.state === 'queued') return null;
  const result = item.result;
  if (!result) return { phase: 'failed', name: item.name, message: 'no result', args: item.args };
  if ('error' in result) return { phase: 'failed', name: item.name, message: result.error, args: item.args };
  return { phase: result.status, name: item.name, message: result.message, args: item.args };
}

export function useCommand(onDone?: (done: CommandPhase) => void): {
  state: CommandPhase;
  run: (name: CommandName, args: unknown) => void;
  reset: () => void;
} {
  const session = useSession();
  const [state, setState] = useState<CommandPhase>({ phase: 'idle' });
  const waiting = useRef<number | null>(null);
  const lastView = useRef<OutboxView | null>(null);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);

  const settle = useCallback((view: OutboxView): void => {
    const item = view.items.find((i) => i.id === waiting.current);
    const phase = item && phaseOf(item);
    if (!phase) return;
    waiting.current = null;
    setState(phase);
    done.current?.(phase);
  }, []);

  useEffect(
    () =>
      session.client.on('outbox', (view) => {
        lastView.current = view;
        settle(view);
      }),
    [session, settle],
  );

  const run = useCallback(
    (name: CommandName, args: unknown): void => {
      setState({ phase: 'queued', name });
      session.client
        .call('command', { name, args })
        .then((item) => {
          waiting.current = item.id;
          // The answer may already have come while the call's own answer was on its way.
          if (lastView.current) settle(lastView.current);
        })
        .catch((err: unknown) =>
          setState({ phase: 'failed', name, message: err instanceof Error ? err.message : String(err), args }),
        );
    },
    [session, settle],
  );

  return { state, run, reset: useCallback(() => setState({ phase: 'idle' }), []) };
}
