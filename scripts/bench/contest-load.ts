/**
 * Load generator of bench:contest, run in its own process: opens N socket.io-client players
 * (websocket only, one connection each), joins them, and answers each question after a random
 * delay inside the window, measuring join, broadcast and acknowledgement latency. Controlled by
 * the runner over IPC.
 */
import { io, type Socket } from 'socket.io-client';

interface Start {
  type: 'start';
  mode: 'contest' | 'baseline';
  url: string;
  pin: string;
  agencies: number[];
  players: number;
  offset: number;
  /** Latest answer delay, ms after the question arrives. */
  answerWithinMs: number;
}

const joinMs: number[] = [];
const broadcastMs: number[] = [];
const ackMs: number[] = [];
const ackErrors: Record<string, number> = {};
let answersSent = 0;
let answersAcked = 0;
let joinFailures = 0;
const sockets: Socket[] = [];

function connectOne(s: Start, i: number): Promise<void> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const auth =
      s.mode === 'contest'
        ? {
            role: 'player',
            pin: s.pin,
            name: `Người chơi ${s.offset + i + 1}`,
            agencyId: s.agencies[i % s.agencies.length],
          }
        : {};
    const socket = io(s.mode === 'contest' ? `${s.url}/contest` : s.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth,
      timeout: 60_000,
    });
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      if (ok) joinMs.push(Date.now() - t0);
      else joinFailures++;
      resolve();
    };
    socket.once('welcome', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('connect_error', () => finish(false));
    socket.on('question', (q: { index: number; serverTime: number; options?: { key: string }[] }) => {
      broadcastMs.push(Date.now() - q.serverTime);
      if (s.mode !== 'contest') return;
      const options = q.options ?? [{ key: 'a' }];
      const choice = options[Math.floor(Math.random() * options.length)].key;
      setTimeout(
        () => {
          const sent = Date.now();
          answersSent++;
          socket
            .timeout(30_000)
            .emitWithAck('answer', { index: q.index, choice })
            .then((ack: { ok: boolean; code?: string }) => {
              if (ack.ok) {
                answersAcked++;
                ackMs.push(Date.now() - sent);
              } else ackErrors[ack.code ?? '?'] = (ackErrors[ack.code ?? '?'] ?? 0) + 1;
            })
            .catch(() => (ackErrors.TIMEOUT = (ackErrors.TIMEOUT ?? 0) + 1));
        },
        200 + Math.random() * Math.max(0, s.answerWithinMs - 200),
      );
    });
    sockets.push(socket);
  });
}

async function start(s: Start): Promise<void> {
  const inFlight = 40;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < s.players) await connectOne(s, next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  process.send!({ type: 'ready', joined: joinMs.length, joinFailures });
}

process.on('message', (m: Start | { type: 'report' } | { type: 'stop' }) => {
  if (m.type === 'start') void start(m);
  if (m.type === 'report') {
    process.send!({ type: 'report', joinMs, broadcastMs, ackMs, answersSent, answersAcked, ackErrors, joinFailures });
  }
  if (m.type === 'stop') {
    for (const s of sockets) s.disconnect();
    setTimeout(() => process.exit(0), 200);
  }
});
