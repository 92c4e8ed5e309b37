import { io, type Socket } from 'socket.io-client';
import { Role } from '@app/platform';
import type {
  ClientEvent,
  ClientToServerAcks,
  ClientToServerPayloads,
  HandshakeAuth,
  ServerEvent,
  ServerToClientPayloads,
} from '@app/live-contest';
import { makeAgency, makeUser } from '../support/builders.js';
import type { TestApp } from '../support/test-app.js';

export interface Received {
  event: string;
  payload: unknown;
  at: number;
}

/** A real socket.io client of the contest namespace that records everything it receives. */
export class ContestClient {
  readonly socket: Socket;
  readonly received: Received[] = [];
  private readonly waiters: {
    event: string;
    pred: (p: never) => boolean;
    resolve: (p: unknown) => void;
    from: number;
  }[] = [];
  private cursor = new Map<string, number>();

  constructor(url: string, auth: HandshakeAuth, extraHeaders?: Record<string, string>) {
    this.socket = io(`${url}/contest`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth,
      extraHeaders,
    });
    this.socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload, at: Date.now() });
      for (const w of [...this.waiters]) {
        if (w.event === event && w.pred(payload as never)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          this.cursor.set(event, this.received.length);
          w.resolve(payload);
        }
      }
    });
  }

  /** The next `event` (after the last one waited for) matching `pred`. */
  next<E extends ServerEvent>(
    event: E,
    pred: (p: ServerToClientPayloads[E]) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<ServerToClientPayloads[E]> {
    const from = this.cursor.get(event) ?? 0;
    const hit = this.received.slice(from).findIndex((r) => r.event === event && pred(r.payload as never));
    if (hit >= 0) {
      this.cursor.set(event, from + hit + 1);
      return Promise.resolve(this.received[from + hit].payload as ServerToClientPayloads[E]);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
      this.waiters.push({
        event,
        pred: pred as (p: never) => boolean,
        from,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as ServerToClientPayloads[E]);
        },
      });
    });
  }

  send<E extends ClientEvent>(
    event: E,
    payload?: ClientToServerPayloads[E],
    timeoutMs = 5000,
  ): Promise<ClientToServerAcks[E]> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload ?? {}) as Promise<ClientToServerAcks[E]>;
  }

  /** Events received, as [event, payload] pairs. */
  of<E extends ServerEvent>(event: E): ServerToClientPayloads[E][] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload as ServerToClientPayloads[E]);
  }

  disconnected(): Promise<void> {
    if (!this.socket.connected && this.socket.disconnected && this.received.length) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('disconnect', () => resolve()));
  }

  /** Lets `next(event)` find events already consumed again. */
  rewind(event: ServerEvent): void {
    this.cursor.delete(event);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface QuestionSpec {
  text: string;
  options?: string[];
  correct: string;
  points?: number;
  timeLimitSec?: number;
}

export interface RoundSpec {
  title: string;
  type: 'speed' | 'buzzer' | 'elimination' | 'judged';
  settings?: Record<string, unknown>;
  questions?: QuestionSpec[];
}

/** Builds a contest over REST as its organizer would; returns ids. */
export async function makeContest(
  t: TestApp,
  token: string,
  spec: { title?: string; mode?: 'individual' | 'team'; teamScoring?: 'sum' | 'mean'; rounds: RoundSpec[] },
): Promise<{ contestId: number; roundIds: number[] }> {
  const c = await t.api<{ id: number }>(
    'POST',
    '/api/contests',
    {
      title: spec.title ?? 'Hội thi tìm hiểu cải cách hành chính',
      mode: spec.mode ?? 'individual',
      teamScoring: spec.teamScoring ?? 'sum',
      tieBreak: ['correct_time', 'sudden_death'],
    },
    token,
  );
  if (c.status !== 201) throw new Error(`contest: ${c.status} ${JSON.stringify(c.body)}`);
  const roundIds: number[] = [];
  for (const r of spec.rounds) {
    const round = await t.api<{ id: number }>(
      'POST',
      `/api/contests/${c.body.id}/rounds`,
      { title: r.title, type: r.type, ...(r.settings ? { settings: r.settings } : {}) },
      token,
    );
    if (round.status !== 201) throw new Error(`round: ${round.status} ${JSON.stringify(round.body)}`);
    roundIds.push(round.body.id);
    for (const q of r.questions ?? []) {
      const res = await t.api(
        'POST',
        `/api/contests/${c.body.id}/rounds/${round.body.id}/questions`,
        {
          text: q.text,
          options: (q.options ?? ['a', 'b', 'c', 'd']).map((key) => ({ key, text: `Phương án ${key.toUpperCase()}` })),
          correctKey: q.correct,
          points: q.points ?? 1000,
          timeLimitSec: q.timeLimitSec ?? 20,
        },
        token,
      );
      if (res.status !== 201) throw new Error(`question: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  return { contestId: c.body.id, roundIds };
}

export interface Cast {
  organizer: { userId: number; token: string };
  agencies: number[];
}

export async function makeCast(t: TestApp, agencies = 2): Promise<Cast> {
  const ids: number[] = [];
  for (let i = 0; i < agencies; i++) ids.push((await makeAgency(t, { name: `Sở thử nghiệm ${i + 1}` })).id);
  const org = await makeUser(t, Role.Organizer, ids[0]);
  return { organizer: { userId: org.user.id, token: org.token }, agencies: ids };
}

export async function startSession(
  t: TestApp,
  token: string,
  contestId: number,
): Promise<{ sessionId: number; pin: string; viewToken: string }> {
  const s = await t.api<{ sessionId: number; pin: string; viewToken: string }>(
    'POST',
    `/api/contests/${contestId}/sessions`,
    {},
    token,
  );
  if (s.status !== 201) throw new Error(`session: ${s.status} ${JSON.stringify(s.body)}`);
  return s.body;
}

/** Connects and waits for the welcome (or the refusal). */
export async function join(
  url: string,
  auth: HandshakeAuth,
  extraHeaders?: Record<string, string>,
): Promise<ContestClient> {
  const c = new ContestClient(url, auth, extraHeaders);
  await Promise.race([
    c.next('welcome'),
    c.next('error').then((e) => Promise.reject(new Error(`${e.code}: ${e.message}`))),
  ]);
  c.rewind('welcome');
  c.rewind('error');
  return c;
}
