import { useEffect, useMemo, useReducer } from 'react';
import { ApiError } from '../api/api-error.js';
import { Outbox, type OutboxEntry } from './outbox.js';

/**
 * An outbox for one attempt, kept in localStorage under `storageKey`, that follows the browser's
 * online/offline events and re-renders the page when any save state changes.
 */
export function useOutbox<P>(storageKey: string, send: (entry: OutboxEntry<P>) => Promise<void>): Outbox<P> {
  const outbox = useMemo(
    () =>
      new Outbox<P>({
        storage: localStorage,
        storageKey,
        send,
        isTransient: (e) => !(e instanceof ApiError) || e.transient,
        online: navigator.onLine,
      }),
    // The sender is fixed for an attempt; a new key means a new attempt.
    [storageKey],
  );
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const off = outbox.subscribe(rerender);
    const online = (): void => outbox.setOnline(true);
    const offline = (): void => outbox.setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    outbox.setOnline(navigator.onLine);
    void outbox.flush();
    return () => {
      off();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      outbox.dispose();
    };
  }, [outbox]);
  return outbox;
}
