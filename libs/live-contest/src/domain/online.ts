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

/**
 * Entrants in order: score, then the prediction closest to the actual count, then completion time.
 * Equal on all three share a rank.
 */
export function rankOnlineEntrants<T extends { id: number; best: OnlineAttempt }>(
  entrants: T[],
  actualAllCorrect: number,
): (T & { rank: number })[] {
  const miss = (e: T): number =>
    e.best.prediction === null ? Number.POSITIVE_INFINITY : Math.abs(e.best.prediction - actualAllCorrect);
  const cmp = (a: T, b: T): number =>
    b.best.score - a.best.score || miss(a) - miss(b) || a.best.durationMs - b.best.durationMs;
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
