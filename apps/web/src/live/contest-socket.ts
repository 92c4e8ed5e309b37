import { io, type Socket } from 'socket.io-client';
import {
  CONTEST_NAMESPACE,
  type AckError,
  type ClientEvent,
  type ClientToServerAcks,
  type ClientToServerPayloads,
  type HandshakeAuth,
  type ServerToClientPayloads,
} from '@protocol';

/**
 * The live contest's socket, typed by the one protocol file the server uses
 * (libs/live-contest/src/protocol.ts, imported as `@protocol`): a renamed event or a changed payload
 * breaks the web's type-check, not a contest in a hall.
 */
type ServerEvents = { [E in keyof ServerToClientPayloads]: (payload: ServerToClientPayloads[E]) => void };
type ClientEvents = {
  [E in ClientEvent]: (payload: ClientToServerPayloads[E], ack: (res: ClientToServerAcks[E]) => void) => void;
};
export type ContestSocket = Socket<ServerEvents, ClientEvents>;

/**
 * Connects to the contest namespace on this origin. socket.io reconnects by itself with backoff;
 * a player reconnects with the `playerToken` from `welcome` to keep score and place.
 */
export function connectContest(auth: HandshakeAuth): ContestSocket {
  return io(CONTEST_NAMESPACE, {
    auth,
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    randomizationFactor: 0.5,
  });
}

/** Sends a client event and resolves with its acknowledgement; no answer in time is an AckError TIMEOUT. */
export function send<E extends ClientEvent>(
  socket: ContestSocket,
  event: E,
  payload: ClientToServerPayloads[E],
  timeoutMs = 8000,
): Promise<ClientToServerAcks[E] | AckError> {
  return new Promise((resolve) => {
    // With a timeout, socket.io calls the acknowledgement with an error first.
    const timed = socket.timeout(timeoutMs) as unknown as {
      emit(e: E, p: ClientToServerPayloads[E], cb: (err: Error | null, res: ClientToServerAcks[E]) => void): void;
    };
    timed.emit(event, payload, (err, res) =>
      resolve(err ? { ok: false, code: 'TIMEOUT', message: `No answer to ${event} within ${timeoutMs} ms` } : res),
    );
  });
}
