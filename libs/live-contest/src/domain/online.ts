/**
 * Online contests that run for days: several attempts, the best one counts; agencies ranked by
 * participation rate and mean score, those under the minimum participation left out; a prediction
 * question ("how many will answer all correctly?") breaks ties.
 */
export interface OnlineAttempt {
  score: number;
  /** Completion time, ms. */
  durationMs: number;
  /** The entrant's guess for the prediction question. */
  prediction: number | null;
}

/** The best of the first `maxAttempts` attempts: highest score, then the shortest time. */
export function bestAttempt(attempts: OnlineAttempt[], maxAttempts: number): OnlineAttempt | null {
  const counted = attempts.slice(0, maxAttempts);
  if (counted.length === 0) return null;
  return [...counted].sort((a, b) => b.score - a.score || a.durationMs - b.durationMs)[0];
}

/** Tie-breakers after the score: the prediction closest to the actual count, the shorter completion time. */
export type OnlineTieBreak = 'prediction' | 'time';
export const ONLINE_TIE_BREAKS: readonly OnlineTieBreak[] = ['prediction', 'time'];

/** Distance of a prediction from the actual count; no prediction ranks after every guess. */
export const predictionMiss = (prediction: number | null, actual: number): number =>
  prediction === null ? Number.POSITIVE_INFINITY : Math.abs(prediction - actual);

/**
 * Entrants in order: score, then the tie-breakers in `order` (by default the prediction closest to
 * the actual count, then completion time). Equal on all of them share a rank.
 */
export function rankOnlineEntrants<T extends { id: number; best: OnlineAttempt }>(
  entrants: T[],
  actualAllCorrect: number,
  order: readonly OnlineTieBreak[] = ['prediction', 'time'],
): (T & { rank: number })[] {
  const by: Record<OnlineTieBreak, (a: T, b: T) => number> = {
    prediction: (a, b) =>
      predictionMiss(a.best.prediction, actualAllCorrect) - predictionMiss(b.best.prediction, actualAllCorrect) || 0,
    time: (a, b) => a.best.durationMs - b.best.durationMs,
  };
  const cmp = (a: T, b: T): number => {
    let d = b.best.score - a.best.score;
    for (const key of order) d = d || by[key](a, b);
    return d;
  };
  const sorted = [...entrants].sort((a, b) => cmp(a, b) || a.id - b.id);
  const out: (T & { rank: number })[] = [];
  sorted.forEach((e, i) => out.push({ ...e, rank: i > 0 && cmp(sorted[i - 1], e) === 0 ? out[i - 1].rank : i + 1 }));
  return out;
}

/** Share of the agency's staff who took part, 0..1 (0 when the staff count is unknown or zero). */
export function participationRate(participants: number, staff: number | null): number {
  if (!staff || staff <= 0) return 0;
  return Math.min(participants / staff, 1);
}

export interface AgencyEntry {
  agencyId: number;
  participants: number;
  staff: number | null;
  /** The best score of each participant. */
  scores: number[];
}

export interface AgencyRankRow {
  agencyId: number;
  participationRate: number;
  meanScore: number;
  rank: number | null;
  /** Left out: under the minimum participation. */
  excluded: boolean;
}

/**
 * Agencies ranked by participation rate, then mean score; those under `minRate` are listed last,
 * excluded, without a rank.
 */
export function rankAgencies(entries: AgencyEntry[], minRate: number): AgencyRankRow[] {
  const rows = entries.map((e) => {
    const rate = participationRate(e.participants, e.staff);
    const mean = e.scores.length ? e.scores.reduce((s, x) => s + x, 0) / e.scores.length : 0;
    return {
      agencyId: e.agencyId,
      participationRate: Math.round(rate * 10000) / 10000,
      meanScore: Math.round(mean * 100) / 100,
      rank: null as number | null,
      excluded: rate < minRate,
    };
  });
  const cmp = (a: AgencyRankRow, b: AgencyRankRow): number =>
    b.participationRate - a.participationRate || b.meanScore - a.meanScore;
  const ranked = rows.filter((r) => !r.excluded).sort((a, b) => cmp(a, b) || a.agencyId - b.agencyId);
  ranked.forEach((r, i) => (r.rank = i > 0 && cmp(ranked[i - 1], r) === 0 ? ranked[i - 1].rank : i + 1));
  const excluded = rows.filter((r) => r.excluded).sort((a, b) => a.agencyId - b.agencyId);
  return [...ranked, ...excluded];
}

/** Whether an answer is right: exactly the options with a positive weight are chosen. */
export function isRightChoice(
  options: readonly { key: string; fraction: number }[],
  chosen: readonly string[],
): boolean {
  const right = options.filter((o) => o.fraction > 0).map((o) => o.key);
  const picked = new Set(chosen);
  return right.length > 0 && picked.size === right.length && right.every((k) => picked.has(k));
}

/** An attempt closes after its time limit, but never later than the contest closes. */
export function onlineDeadline(startedAt: Date, timeLimitSec: number, closesAt: Date): Date {
  return new Date(Math.min(startedAt.getTime() + timeLimitSec * 1000, closesAt.getTime()));
}

/** Completion time: from the start to the finish, never beyond the deadline. */
export function completionMs(startedAt: Date, finishedAt: Date, deadline: Date): number {
  return Math.max(0, Math.min(finishedAt.getTime(), deadline.getTime()) - startedAt.getTime());
}

export type StartRefusal = 'CONTEST_NOT_PUBLISHED' | 'CONTEST_NOT_OPEN' | 'CONTEST_CLOSED' | 'NO_ATTEMPTS_LEFT';

/**
 * Why an official may not start a new attempt now, or null when they may. The window is the
 * server's clock; attempts already started (finished or not) count toward the limit.
 */
export function startRefusal(
  contest: { published: boolean; opensAt: Date; closesAt: Date; maxAttempts: number },
  attemptsUsed: number,
  now: Date,
): StartRefusal | null {
  if (!contest.published) return 'CONTEST_NOT_PUBLISHED';
  if (now.getTime() < contest.opensAt.getTime()) return 'CONTEST_NOT_OPEN';
  if (now.getTime() >= contest.closesAt.getTime()) return 'CONTEST_CLOSED';
  if (attemptsUsed >= contest.maxAttempts) return 'NO_ATTEMPTS_LEFT';
  return null;
}
