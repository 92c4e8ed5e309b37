import type { SessionPhase } from '../protocol.js';

/** The shared, fast-changing state of one live session. */
export interface LiveState {
  phase: SessionPhase;
  /** Index of the current question in the session's plan; -1 in the lobby. */
  index: number;
  /** Epoch ms the current question went out (moved forward by pauses). */
  startedAt: number;
  /** Epoch ms the answer window closes. */
  deadline: number;
  /** While paused: what was left of the window. */
  remainingMs: number | null;
  /** Buzzer rounds: who pressed first, and until when they may answer. */
  buzz: { playerId: number; deadline: number } | null;
  locked: boolean;
  /** Bumped on every change; compare-and-set keeps concurrent hosts or instances consistent. */
  rev: number;
}

export interface LivePlayer {
  id: number;
  name: string;
  agencyId: number;
  score: number;
  streak: number;
  /** Plan index of the question that eliminated the player, or null. */
  eliminatedAt: number | null;
  correctCount: number;
  answerCount: number;
  correctTimeMs: number;
  suddenDeath: number;
  kicked: boolean;
}

export interface LiveAnswer {
  choice: string;
  /** Server receive time, epoch ms. */
  at: number;
  responseMs: number;
}

/**
 * Where live state lives: in this process (the embedded default) or in Redis (several instances
 * serve one contest). Every method is atomic on its own; `casState` is the only way to change the
 * session's phase.
 */
export interface LiveStore {
  state(sessionId: number): Promise<LiveState | null>;
  /** Writes `next` (with rev = expectedRev + 1) only if the stored rev is still expectedRev (0: absent). */
  casState(sessionId: number, expectedRev: number, next: LiveState): Promise<boolean>;
  putPlayers(sessionId: number, players: LivePlayer[]): Promise<void>;
  player(sessionId: number, playerId: number): Promise<LivePlayer | null>;
  players(sessionId: number): Promise<LivePlayer[]>;
  playerCount(sessionId: number): Promise<number>;
  /** Records the answer unless the player already answered this question; true when recorded. */
  addAnswer(sessionId: number, index: number, playerId: number, answer: LiveAnswer): Promise<boolean>;
  answer(sessionId: number, index: number, playerId: number): Promise<LiveAnswer | null>;
  answers(sessionId: number, index: number): Promise<Map<number, LiveAnswer>>;
  answerCount(sessionId: number, index: number): Promise<number>;
  /** The first claim wins; returns the winner's id (the caller's when it came first). */
  claimBuzz(sessionId: number, index: number, playerId: number): Promise<number>;
  /** Forgets a finished session. */
  drop(sessionId: number, questions: number): Promise<void>;
  close(): Promise<void>;
}

export const LIVE_STORE = Symbol('LIVE_STORE');

/** The embedded default: one process, no Redis. */
export class MemoryLiveStore implements LiveStore {
  private readonly states = new Map<number, LiveState>();
  private readonly playersBy = new Map<number, Map<number, LivePlayer>>();
  private readonly answersBy = new Map<string, Map<number, LiveAnswer>>();
  private readonly buzzes = new Map<string, number>();

  async state(sessionId: number): Promise<LiveState | null> {
    const s = this.states.get(sessionId);
    return s ? structuredClone(s) : null;
  }

  async casState(sessionId: number, expectedRev: number, next: LiveState): Promise<boolean> {
    const cur = this.states.get(sessionId);
    if ((cur?.rev ?? 0) !== expectedRev) return false;
    this.states.set(sessionId, { ...structuredClone(next), rev: expectedRev + 1 });
    return true;
  }

  private ps(sessionId: number): Map<number, LivePlayer> {
    let m = this.playersBy.get(sessionId);
    if (!m) this.playersBy.set(sessionId, (m = new Map()));
    return m;
  }

  async putPlayers(sessionId: number, players: LivePlayer[]): Promise<void> {
    const m = this.ps(sessionId);
    for (const p of players) m.set(p.id, { ...p });
  }

  async player(sessionId: number, playerId: number): Promise<LivePlayer | null> {
    const p = this.ps(sessionId).get(playerId);
    return p ? { ...p } : null;
  }

  async players(sessionId: number): Promise<LivePlayer[]> {
    return [...this.ps(sessionId).values()].map((p) => ({ ...p }));
  }

  async playerCount(sessionId: number): Promise<number> {
    return this.ps(sessionId).size;
  }

  private as(sessionId: number, index: number): Map<number, LiveAnswer> {
    const k = `${sessionId}:${index}`;
    let m = this.answersBy.get(k);
    if (!m) this.answersBy.set(k, (m = new Map()));
    return m;
  }

  async addAnswer(sessionId: number, index: number, playerId: number, answer: LiveAnswer): Promise<boolean> {
    const m = this.as(sessionId, index);
    if (m.has(playerId)) return false;
    m.set(playerId, { ...answer });
    return true;
  }

  async answer(sessionId: number, index: number, playerId: number): Promise<LiveAnswer | null> {
    return this.as(sessionId, index).get(playerId) ?? null;
  }

  async answers(sessionId: number, index: number): Promise<Map<number, LiveAnswer>> {
    return new Map(this.as(sessionId, index));
  }

  async answerCount(sessionId: number, index: number): Promise<number> {
    return this.as(sessionId, index).size;
  }

  async claimBuzz(sessionId: number, index: number, playerId: number): Promise<number> {
    const k = `${sessionId}:${index}`;
    if (!this.buzzes.has(k)) this.buzzes.set(k, playerId);
    return this.buzzes.get(k)!;
  }

  async drop(sessionId: number, questions: number): Promise<void> {
    this.states.delete(sessionId);
    this.playersBy.delete(sessionId);
    for (let i = 0; i < questions; i++) {
      this.answersBy.delete(`${sessionId}:${i}`);
      this.buzzes.delete(`${sessionId}:${i}`);
    }
  }

  async close(): Promise<void> {}
}
