import { useEffect, useMemo, useReducer } from 'react';
import { ServerClock } from './server-clock.js';

/**
 * A server clock synced from the HTTP Date header of /health (1 s resolution) until a page feeds it
 * better samples (API answers carrying `serverTime` in ms, via `clock.addServerTime`).
 */
export function useServerClock(): ServerClock {
  const clock = useMemo(() => new ServerClock(), []);
  const [, synced] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const controller = new AbortController();
    const sample = async (): Promise<void> => {
      const sentAt = Date.now();
      const res = await fetch('/health/live', { cache: 'no-store', signal: controller.signal });
      const receivedAt = Date.now();
      const date = res.headers.get('date');
      // The Date header is truncated to the second: +500 ms is the expected value of the lost part.
      if (date) clock.add({ sentAt, receivedAt, serverTime: Date.parse(date) + 500 });
    };
    sample()
      .then(synced)
      .catch(() => undefined);
    return () => controller.abort();
  }, [clock]);
  return clock;
}
