// An operator action from the editor: queued through the host's outbox (so it survives going offline and is
// applied once), then followed until the hub's answer — applied, rejected (e.g. a conflicting save) or failed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxItem, OutboxView } from '../../../src/contract/bridge.js';
import { type CommandArgs, CommandName, type CommandReason } from '../../../src/contract/commands.js';
import { useSession } from '../../state/session-context';

export type CommandPhase =
  | { phase: 'idle' }
  | { phase: 'queued'; name: CommandName }
  | { phase: 'applied' | 'failed'; name: CommandName; message: string; args: unknown }
  | { phase: 'rejected'; name: CommandName; reason: CommandReason; message: string; args: unknown };

/** Sends a command with the arguments its name takes. */
export type RunCommand = <K extends CommandName>(name: K, args: CommandArgs<K>) => void;

function phaseOf(item: OutboxItem): CommandPhase | null {
  // Only items this console sent are followed, so the name is one of this version's commands.
  const known = CommandName.safeParse(item.name);
  if (item.state === 'queued' || !known.success) return null;
  const name = known.data;
  const { args, result } = item;
  if (!result) return { phase: 'failed', name, message: 'no result', args };
  if ('error' in result) return { phase: 'failed', name, message: result.error, args };
  if (result.status === 'rejected')
    return { phase: 'rejected', name, reason: result.reason, message: result.message, args };
  return { phase: 'applied', name, message: result.message, args };
}

export function useCommand(onDone?: (done: CommandPhase) => void): {
  state: CommandPhase;
  run: RunCommand;
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

  const run = useCallback<RunCommand>(
    (name, args) => {
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
