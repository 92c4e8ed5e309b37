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
/** Why joins failed (after retries), by error code. */
const joinFailureCodes: Record<string, number> = {};
/** Joins refused by the per-PIN flood limit and tried again, as a player's phone does. */
let joinRetries = 0;
const sockets: Socket[] = [];

/**
 * One player joins; a join refused with RATE_LIMITED (the per-PIN flood limit) is tried again after
 * a random 0.5–1.5 s, as a phone would. Join time counts from the first try.
 */
async function connectOne(s: Start, i: number): Promise<void> {
  const t0 = Date.now();
  for (let tries = 1; ; tries++) {
    const code = await tryJoin(s, i, t0);
    if (code !== 'RATE_LIMITED' || tries >= 20) {
      if (code !== null) {
        joinFailures++;
        joinFailureCodes[code] = (joinFailureCodes[code] ?? 0) + 1;
      }
      return;
    }
    joinRetries++;
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
  }
}

/** Resolves null once joined, or the refusal's code. */
function tryJoin(s: Start, i: number, t0: number): Promise<string | null> {
  return new Promise((resolve) => {
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
    const finish = (code: string | null): void => {
      if (done) return;
      done = true;
      if (code === null) {
        joinMs.push(Date.now() - t0);
        sockets.push(socket);
      } else socket.close();
      resolve(code);
    };
    socket.once('welcome', () => finish(null));
    socket.once('error', (e: { code?: string } | undefined) => finish(e?.code ?? 'ERROR'));
    socket.once('connect_error', () => finish('CONNECT_ERROR'));
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
  });
}

async function start(s: Start): Promise<void> {
  const inFlight = 40;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < s.players) await connectOne(s, next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  process.send!({ type: 'ready', joined: joinMs.length, joinFailures, joinFailureCodes, joinRetries });
}

process.on('message', (m: Start | { type: 'report' } | { type: 'stop' }) => {
  if (m.type === 'start') void start(m);
  if (m.type === 'report') {
    process.send!({
      type: 'report',
      joinMs,
      broadcastMs,
      ackMs,
      answersSent,
      answersAcked,
      ackErrors,
      joinFailures,
      joinFailureCodes,
      joinRetries,
    });
  }
  if (m.type === 'stop') {
    for (const s of sockets) s.disconnect();
    setTimeout(() => process.exit(0), 200);
  }
});
