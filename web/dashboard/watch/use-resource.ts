import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../ui/api.ts';

export type Resource<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Loads something from the API, again whenever `key` changes or `reload()` is called, and every
 * `refreshMs` while the view is open (incidents and rumours grow while a scenario plays). A 401
 * signs the user out through `onUnauthorized`.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  onUnauthorized: () => void,
  refreshMs = 0,
): { resource: Resource<T>; reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) {
          setResource({ status: 'ready', value });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) {
          return;
        }
        if (error instanceof ApiError && error.status === 401) {
          onUnauthorized();
          return;
        }
        setResource({ status: 'error', error });
      },
    );
    const timer = refreshMs > 0 ? globalThis.setTimeout(reload, refreshMs) : undefined;
    return () => {
      controller.abort();
      if (timer !== undefined) {
        globalThis.clearTimeout(timer);
      }
    };
    // `load` is recreated by callers on every render; `key` says when it really changed.
  }, [key, tick, refreshMs, onUnauthorized, reload]);

  return { resource, reload };
}
