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
    if (err instanceof NotAHubStatus) return failedCheck('invalid', options.clock(), err.message);
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const error = timedOut ? `no answer within ${options.timeoutMs} ms` : String(err);
    return failedCheck('unreachable', options.clock(), error);
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
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  const onResponse =
    (resolve: (text: string) => void, reject: (err: Error) => void) =>
    (res: IncomingMessage): void => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new NotAHubStatus(`HTTP ${res.statusCode ?? '?'} instead of a status`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BYTES) {
          res.destroy();
          return reject(new NotAHubStatus(`an answer larger than ${MAX_BYTES} bytes`));
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    };
  return new Promise<string>((resolve, reject) => {
    const request =
      url.protocol === 'https:'
        ? httpsGet(url, { signal, ...(options.ca ? { ca: options.ca } : {}) }, onResponse(resolve, reject))
        : httpGet(url, { signal }, onResponse(resolve, reject));
    request.on('error', reject);
  });
}
