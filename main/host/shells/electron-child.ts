// The host's side of the Electron shell: when Electron runs the host as a utilityProcess, they talk over
// process.parentPort with the messages of src/contract/shell-ipc.ts, validated on arrival.
import { z } from 'zod';
import { type HostToShell, ShellToHost } from '../../../src/contract/shell-ipc.js';
import type { Logger } from '../../../platform/logger.js';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function electronParentPort(): ParentPort | undefined {
  return (process as unknown as { parentPort?: ParentPort }).parentPort;
}

export class ElectronChannel {
  constructor(
    private readonly port: ParentPort,
    private readonly logger: Logger,
  ) {}

  onMessage(listener: (msg: ShellToHost) => void): void {
    this.port.on('message', (e) => {
      const parsed = ShellToHost.safeParse(e.data);
      if (!parsed.success) {
        this.logger.warn('malformed message from the Electron shell ignored', { error: z.prettifyError(parsed.error) });
        return;
      }
      listener(parsed.data);
    });
  }

  /** Resolves with the first `displays` message: the host cannot lay out surfaces before it. */
  displays(timeoutMs = 15_000): Promise<Extract<ShellToHost, { type: 'displays' }>['monitors']> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the Electron shell sent no displays')), timeoutMs);
      this.onMessage((msg) => {
        if (msg.type === 'displays') {
          clearTimeout(timer);
          resolve(msg.monitors);
        }
      });
    });
  }

  send(msg: HostToShell): void {
    this.port.postMessage(msg);
  }
}
