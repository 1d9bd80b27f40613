// What another client wrote into a stream or a bucket is read as JSON without trusting it to be JSON.

/** The value of `text`, or undefined when it is not JSON (JSON itself has no undefined). */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
