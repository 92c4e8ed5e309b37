/**
 * Simulated contest players for the fault suites: socket.io-client, websocket only, one connection
 * each, as a phone behind the load balancer. A player answers each question with a choice fixed in
 * advance, retries an answer the server could not take (INTERNAL, a timeout), and comes back with
 * its player token when its connection drops, on whichever instance `reconnectTo` names.
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, QuestionView, WelcomePlayer } from '@app/live-contest';
import { sleep } from './processes.js';

/** Refusals after which trying again cannot help. */
const FINAL = new Set(['TOO_LATE', 'QUESTION_CLOSED', 'ALREADY_ANSWERED', 'ELIMINATED', 'KICKED', 'UNKNOWN_OPTION']);

export interface AckedAnswer {
  choice: string;
  receivedAt: number;
}

export interface PlayerStats {
  sent: number;
  acked: number;
  retries: number;
  refusals: Record<string, number>;
  reconnects: number;
  reconnectMs: number[];
}

export class FaultPlayer {
  socket!: Socket;
  token = '';
  playerId = 0;
  url = '';
  /** Acknowledged answers by question index. */
  readonly acked = new Map<number, AckedAnswer>();
  /** When each question opened on the server (deadline − time limit), by index. */
  readonly openedAt = new Map<number, number>();
  /** What the welcome after each reconnection said this player had answered, by question index. */
  readonly restored: { index: number; choice: string | null }[] = [];
  /** Questions this player is done with (acknowledged, refused for good, or out of time). */
  readonly settled = new Set<number>();
  private leaving = false;
  /** Whether the current connection got its welcome (the server takes messages only after it). */
  private welcomed = false;

  constructor(
    readonly name: string,
    private readonly choices: (index: number) => string,
    private readonly delayMs: () => number,
    private readonly stats: PlayerStats,
    /** Where to come back after a dropped connection (the load balancer's choice). */
    public reconnectTo: () => string,
  ) {}

  /** Joins with PIN, name and agency; resolves after the welcome. */
  async join(url: string, pin: string, agencyId: number): Promise<void> {
    const w = await this.connect(url, { role: 'player', pin, name: this.name, agencyId });
    this.token = w.playerToken;
    this.playerId = w.self.playerId;
  }

  private connect(url: string, auth: Record<string, unknown>): Promise<WelcomePlayer> {
    this.url = url;
    const socket = io(`${url}/contest`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth,
      timeout: 20_000,
    });
    this.socket = socket;
    this.welcomed = false;
    return new Promise((resolve, reject) => {
      const refused = (why: string): void => {
        socket.removeAllListeners();
        socket.disconnect();
        reject(new Error(why));
      };
      socket.once('welcome', (w: WelcomePlayer) => {
        this.welcomed = true;
        socket.removeAllListeners('error');
        socket.removeAllListeners('connect_error');
        socket.on('question', (q: QuestionView) => this.onQuestion(q));
        socket.on('disconnect', (reason: string) => {
          if (!this.leaving && reason !== 'io client disconnect') void this.comeBack();
        });
        if (w.question) this.onQuestion(w.question, w.answered?.choice ?? null);
        resolve(w);
      });
      socket.once('error', (e: { code: string; message: string }) => refused(`${e.code}: ${e.message}`));
      socket.once('connect_error', (e: Error) => refused(e.message));
    });
  }

  /** Back after a dropped connection, with the token; tries until an instance takes it. */
  private async comeBack(): Promise<void> {
    const t0 = Date.now();
    this.socket.removeAllListeners();
    for (let tries = 0; tries < 100 && !this.leaving; tries++) {
      try {
        const w = await this.connect(this.reconnectTo(), { role: 'player', playerToken: this.token });
        this.stats.reconnects++;
        this.stats.reconnectMs.push(Date.now() - t0);
        if (w.question) this.restored.push({ index: w.question.index, choice: w.answered?.choice ?? null });
        return;
      } catch (e) {
        const key = `rejoin refused: ${(e as Error).message.split(':')[0]}`;
        this.stats.refusals[key] = (this.stats.refusals[key] ?? 0) + 1;
        await sleep(200 + Math.random() * 300);
      }
    }
  }

  /** Moves to another instance on purpose (a phone that reconnects elsewhere). */
  async moveTo(url: string): Promise<void> {
    this.leaving = true;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.leaving = false;
    await this.connect(url, { role: 'player', playerToken: this.token });
  }

  private onQuestion(q: QuestionView, alreadyAnswered: string | null = null): void {
    this.openedAt.set(q.index, q.deadline - q.timeLimitMs);
    if (alreadyAnswered !== null || this.acked.has(q.index)) this.settled.add(q.index);
    if (this.settled.has(q.index)) return;
    // one timer per question: a welcome after a reconnection replaces the first question's timer
    const fresh = !this.pending.has(q.index);
    this.pending.add(q.index);
    clearTimeout(this.timers.get(q.index));
    this.timers.set(
      q.index,
      setTimeout(() => void this.answer(q.index, q.deadline), fresh ? this.delayMs() : 0),
    );
  }

  private readonly pending = new Set<number>();
  private readonly timers = new Map<number, NodeJS.Timeout>();

  /** Sends the answer until it is acknowledged or refused for good; a dropped connection hands over to the next welcome. */
  private async answer(index: number, deadline: number): Promise<void> {
    const choice = this.choices(index);
    const socket = this.socket;
    while (!this.settled.has(index) && !this.leaving) {
      // a connection being made sends nothing before its welcome, which takes over this question
      if (socket !== this.socket || !socket.connected || !this.welcomed) return;
      if (Date.now() > deadline + 2000) break;
      this.stats.sent++;
      let r: Ack<{ receivedAt: number }>;
      try {
        r = (await socket.timeout(5000).emitWithAck('answer', { index, choice })) as Ack<{ receivedAt: number }>;
      } catch {
        r = { ok: false, code: 'TIMEOUT', message: 'no acknowledgement' };
      }
      if (r.ok) {
        this.acked.set(index, { choice, receivedAt: r.receivedAt });
        this.stats.acked++;
        break;
      }
      const key = `${r.code} (question ${index + 1})`;
      this.stats.refusals[key] = (this.stats.refusals[key] ?? 0) + 1;
      if (FINAL.has(r.code)) break;
      if (socket !== this.socket || !socket.connected) return;
      this.stats.retries++;
      await sleep(300 + Math.random() * 400);
    }
    this.settled.add(index);
    this.pending.delete(index);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.leaving = true;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
