import { useEffect, useMemo, useState } from 'react';
import { ServerClock } from './server-clock.js';

export interface StartedAttempt<A> {
  attempt: A | null;
  error: unknown;
  clock: ServerClock;
  /** Start again after an error (the server resumes an attempt under way). */
  retry(): void;
}

/**
 * Starts (or resumes) an attempt once per `key`, and syncs a server clock from the answer's
 * serverTime: the timed test and the online contest open the same way.
 */
export function useStartedAttempt<A extends { serverTime: string | number }>(
  start: () => Promise<A>,
  key: string | undefined,
): StartedAttempt<A> {
  const clock = useMemo(() => new ServerClock(), []);
  const [attempt, setAttempt] = useState<A | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const sentAt = Date.now();
    start().then(
      (a) => {
        clock.addServerTime(a.serverTime, sentAt);
        setAttempt(a);
      },
      (e: unknown) => setError(e),
    );
    // `start` is a new closure each render; `key` names what it starts.
  }, [key, clock, tick]);

  return {
    attempt,
    error,
    clock,
    retry: () => {
      setError(null);
      setTick((n) => n + 1);
    },
  };
}
