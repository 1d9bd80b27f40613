// One GET of a polled source: conditional on what the last answer said (ETag, Last-Modified), so an unchanged
// source costs a 304 and publishes nothing; bounded in time and in size, since the server is not ours.
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult = { changed: false } | { changed: true; body: string; contentType: string };

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new Error(`${url}: body of ${declared} bytes exceeds ${maxBytes}`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`${url}: body exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GETs `url`; updates `validators` from a 200. Throws on a network error, a timeout or a status other than 2xx/304. */
export async function fetchIfChanged(
  url: string,
  headers: Record<string, string>,
  validators: Validators,
  limits: FetchLimits,
): Promise<FetchResult> {
  const conditional: Record<string, string> = {};
  if (validators.etag) conditional['If-None-Match'] = validators.etag;
  if (validators.lastModified) conditional['If-Modified-Since'] = validators.lastModified;
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const response = await fetch(url, {
    headers: { ...headers, ...conditional },
    signal: limits.signal ? AbortSignal.any([timeout, limits.signal]) : timeout,
    redirect: 'follow',
  });
  if (response.status === 304) {
    await response.body?.cancel();
    return { changed: false };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  const body = await readCapped(response, limits.maxBytes, url);
  validators.etag = response.headers.get('etag') ?? undefined;
  validators.lastModified = response.headers.get('last-modified') ?? undefined;
  return { changed: true, body, contentType: response.headers.get('content-type') ?? '' };
}
