import { useEffect, useRef, useState } from 'react';
import type { HandshakeAuth, ServerToClientPayloads } from '@protocol';
import { connectContest, type ContestSocket } from './contest-socket.js';

export type ContestHandlers = {
  [E in keyof ServerToClientPayloads]?: (
    payload: ServerToClientPayloads[E],
    receivedAt: number,
    socket: ContestSocket,
  ) => void;
};

/**
 * One contest socket for the lifetime of a screen (or until `auth` changes to another key). The
 * handlers are read through a ref, so they may change on every render without reconnecting; each
 * receives the device time the message arrived (to count down from the server's deadline) and the socket.
 */
export function useContestSocket(
  auth: HandshakeAuth | null,
  authKey: string,
  handlers: ContestHandlers,
): { socket: ContestSocket | null; connected: boolean } {
  const ref = useRef(handlers);
  ref.current = handlers;
  const [socket, setSocket] = useState<ContestSocket | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!auth) return;
    const s = connectContest(auth);
    const events = [
      'welcome',
      'error',
      'session:phase',
      'question',
      'question:closed',
      'question:timing',
      'buzzer:won',
      'question:reveal',
      'question:result',
      'leaderboard',
      'lobby:players',
      'host:answers',
      'kicked',
      'session:ended',
    ] as const satisfies readonly (keyof ServerToClientPayloads)[];
    const on = s as unknown as { on(e: string, fn: (p: unknown) => void): void };
    for (const e of events) {
      on.on(e, (payload) => {
        const fn = ref.current[e] as ((p: unknown, at: number, socket: ContestSocket) => void) | undefined;
        fn?.(payload, Date.now(), s);
      });
    }
    s.on('connect', () => setConnected(true));
    s.on('disconnect', () => setConnected(false));
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
      setConnected(false);
    };
    // authKey names the identity: a new object with the same key must not reconnect.
  }, [authKey]);

  return { socket, connected };
}
