// Reads a password from standard input, never from the command line (a local user can read every process's
// argv in /proc). At a terminal: a prompt on stderr, nothing echoed, asked twice when it is being set. Piped: the
// first line, so an installer's script can `printf '%s\n' "$PW" | ioc-wall hub user add …`.
import { createInterface } from 'node:readline';

export class PasswordInputError extends Error {}

export async function readPassword(prompt: string, confirm: boolean): Promise<string> {
  if (!process.stdin.isTTY) return readLine();
  const first = await readHidden(prompt);
  if (confirm && (await readHidden('Again, to be sure: ')) !== first) {
    throw new PasswordInputError('the two passwords differ');
  }
  return first;
}

async function readLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new PasswordInputError('no password on standard input (pipe it in, one line)');
}

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new PasswordInputError('cancelled'));
          return;
        }
        typed = ch === '\u007f' || ch === '\b' ? [...typed].slice(0, -1).join('') : typed + ch;
      }
    };
    process.stderr.write(prompt);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
