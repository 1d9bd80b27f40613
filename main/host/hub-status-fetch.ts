// One GET of a hub's /api/status (no credential: the hub serves its status to anyone who can reach it), bounded in
// time and size, read as hostile: no answer is `unreachable`, anything but a hub's status is `invalid`.
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { checkOfAnswer, failedCheck, type HubCheck } from '../../src/domain/hub-cluster/hub-check.js';

/** A hub's status is a few kB; more is not a hub. */
const MAX_BYTES = 1_000_000;

export interface HubStatusFetchOptions {
  timeoutMs: number;
  /** `--hub-ca`: the one CA trusted for an https hub, as the feed trusts it. */
  ca?: string;
  /** Closing the host stops a check under way. */
  signal: AbortSignal;
  clock: () => number;
}

export async function fetchHubStatus(hubUrl: string, options: HubStatusFetchOptions): Promise<HubCheck> {
  let body: string;
  try {
    body = await getText(new URL('/api/status', hubUrl), options);
  } catch (err) {
    const invalid = err instanceof NotAHubStatus;
    return failedCheck(
      invalid ? 'invalid' : 'unreachable',
      options.clock(),
      String(err instanceof Error ? err.message : err),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return failedCheck('invalid', options.clock(), 'the answer is not JSON');
  }
  return checkOfAnswer(raw, options.clock());
}

class NotAHubStatus extends Error {}

function getText(url: URL, options: HubStatusFetchOptions): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const onResponse = (res: IncomingMessage): void => {
      if (res.statusCode !== 200) {
        res.resume();
        return fail(new NotAHubStatus(`HTTP ${res.statusCode ?? '?'} instead of a status`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BYTES) return fail(new NotAHubStatus(`an answer larger than ${MAX_BYTES} bytes`));
        chunks.push(chunk);
      });
      res.on('end', () => done(() => resolve(Buffer.concat(chunks).toString('utf8'))));
      res.on('error', fail);
    };
    const request =
      url.protocol === 'https:'
        ? httpsGet(url, options.ca ? { ca: options.ca } : {}, onResponse)
        : httpGet(url, onResponse);
    // One timer for the whole exchange: a hub that never answers, or sends its headers and stalls mid-body.
    const timer = setTimeout(() => fail(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    const stop = (): void => fail(new Error('the host is closing'));
    options.signal.addEventListener('abort', stop, { once: true });
    let settled = false;
    function done(settle: () => void): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', stop);
      settle();
    }
    function fail(err: Error): void {
      done(() => reject(err));
      request.destroy();
    }
    request.on('error', fail);
  });
}
