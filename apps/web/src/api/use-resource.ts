import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-error.js';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** The endpoint answered 404 NOT_FOUND for the route itself: the API is not there yet. */
  missing: boolean;
  reload(): void;
}

/** The server has no such route (Nest answers "Cannot GET /api/…"): the feature is not on this server yet. */
export const isMissingRoute = (err: unknown): boolean =>
  err instanceof ApiError && err.status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(err.message);

/** Loads data for a screen; re-runs when `deps` change or on reload(). */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: null, loading: false }),
      (error: unknown) => !controller.signal.aborted && setState({ data: null, error, loading: false }),
    );
    return () => controller.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const missing = isMissingRoute(state.error);
  return { ...state, missing, reload };
}
