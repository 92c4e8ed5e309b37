/**
 * Points for one question of a live round. Pure: no clock, no storage.
 */

export interface SpeedSettings {
  /** 'speed': round(P × (1 − t / (2T))) for a right answer; 'fixed': P for a right answer. */
  scoring: 'speed' | 'fixed';
  /** Extra points per consecutive right answer before this one (0 = off), capped at streakCap steps. */
  streakBonus: number;
  streakCap: number;
}

export interface BuzzerSettings {
  /** Seconds the first to press has to answer. */
  answerSeconds: number;
  plus: number;
  minus: number;
}

/** round(P × (1 − t / (2T))): full points at t = 0, half at the deadline; t clamped to [0, T]. */
export function speedPoints(points: number, responseMs: number, timeLimitMs: number): number {
  if (timeLimitMs <= 0) return points;
  const t = Math.min(Math.max(responseMs, 0), timeLimitMs);
  return Math.round(points * (1 - t / (2 * timeLimitMs)));
}

export interface PlayerRunState {
  score: number;
  streak: number;
  eliminated: boolean;
}

export interface SpeedOutcome {
  correct: boolean;
  points: number;
  streak: number;
}

/** A speed (or fixed-points) question for one player: null choice means no answer. */
export function scoreSpeedAnswer(
  s: SpeedSettings,
  q: { points: number; timeLimitMs: number; correctKey: string },
  answer: { choice: string; responseMs: number } | null,
  streakBefore: number,
): SpeedOutcome {
  const correct = answer !== null && answer.choice === q.correctKey;
  if (!correct) return { correct: false, points: 0, streak: 0 };
  const base = s.scoring === 'fixed' ? q.points : speedPoints(q.points, answer.responseMs, q.timeLimitMs);
  const bonus = s.streakBonus > 0 ? s.streakBonus * Math.min(streakBefore, s.streakCap) : 0;
  return { correct: true, points: base + bonus, streak: streakBefore + 1 };
}

/** Buzzer: the winner's answer moves their score by +plus or −minus, never below zero. */
export function scoreBuzzerAnswer(
  s: BuzzerSettings,
  correctKey: string,
  choice: string | null,
  scoreBefore: number,
): { correct: boolean; points: number } {
  const correct = choice !== null && choice === correctKey;
  if (correct) return { correct, points: s.plus };
  return { correct, points: scoreBefore > 0 ? -Math.min(s.minus, scoreBefore) : 0 };
}

/**
 * The first press wins: among presses inside the window, the earliest receive time, then the lowest
 * player id (a stable order for presses stamped in the same millisecond).
 */
export function buzzWinner(
  presses: { playerId: number; at: number }[],
  window: { opensAt: number; closesAt: number },
): number | null {
  const inside = presses.filter((p) => p.at >= window.opensAt && p.at <= window.closesAt);
  if (inside.length === 0) return null;
  inside.sort((a, b) => a.at - b.at || a.playerId - b.playerId);
  return inside[0].playerId;
}

/**
 * Elimination ("Rung chuông vàng"): among those still standing, a wrong answer or none eliminates.
 * Returns the ids eliminated by this question.
 */
export function eliminatedBy(standing: number[], correctKey: string, choices: Map<number, string>): number[] {
  return standing.filter((id) => choices.get(id) !== correctKey);
}

/**
 * Winners of an elimination round: those still standing; when nobody is, those who fell at the
 * latest question (they share the win).
 */
export function eliminationWinners(players: { playerId: number; eliminatedAt: number | null }[]): number[] {
  const standing = players.filter((p) => p.eliminatedAt === null).map((p) => p.playerId);
  if (standing.length > 0 || players.length === 0) return standing;
  const last = Math.max(...players.map((p) => p.eliminatedAt!));
  return players.filter((p) => p.eliminatedAt === last).map((p) => p.playerId);
}
