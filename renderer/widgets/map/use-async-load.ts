// A tile's asynchronous load (a basemap, a points file) as React state: none while there is nothing to load,
// then loading, ready or failed. An answer for a key that is no longer wanted is dropped.
import { useEffect, useState } from 'react';

export type AsyncLoad<T> =
  { state: 'none' | 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: Error };

/** `load()` for `key` (null: nothing to load); loaded again when `key` changes. */
export function useAsyncLoad<T>(key: string | null, load: () => Promise<T>): AsyncLoad<T> {
  const [result, setResult] = useState<AsyncLoad<T>>({ state: key === null ? 'none' : 'loading' });
  useEffect(() => {
    if (key === null) {
      setResult({ state: 'none' });
      return;
    }
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (error: unknown) =>
        live && setResult({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
    // `key` names what `load` loads: a new function with the same key is the same load.
  }, [key]);
  return result;
}
