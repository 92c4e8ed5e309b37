/**
 * Standings: order by score, then the contest's tie-break chain; exact ties share a rank
 * (competition ranking 1, 1, 3).
 */
export type TieBreakKey = 'correct_time' | 'sudden_death' | 'correct_count';
export const TIE_BREAK_KEYS: readonly TieBreakKey[] = ['correct_time', 'sudden_death', 'correct_count'];

export interface Standing {
  id: number;
  score: number;
  /** Total response time of right answers, ms: lower is better. */
  correctTimeMs: number;
  /** Points from a sudden-death question: higher is better. */
  suddenDeath: number;
  correctCount: number;
}

function compareBy(key: TieBreakKey, a: Standing, b: Standing): number {
  switch (key) {
    case 'correct_time':
      return a.correctTimeMs - b.correctTimeMs;
    case 'sudden_death':
      return b.suddenDeath - a.suddenDeath;
    case 'correct_count':
      return b.correctCount - a.correctCount;
  }
}

export function rankStandings<T extends Standing>(rows: T[], chain: TieBreakKey[]): (T & { rank: number })[] {
  const cmp = (a: T, b: T): number => {
    if (b.score !== a.score) return b.score - a.score;
    for (const k of chain) {
      const c = compareBy(k, a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
  const sorted = [...rows].sort((a, b) => cmp(a, b) || a.id - b.id);
  const out: (T & { rank: number })[] = [];
  sorted.forEach((r, i) => {
    const rank = i > 0 && cmp(sorted[i - 1], r) === 0 ? out[i - 1].rank : i + 1;
    out.push({ ...r, rank });
  });
  return out;
}

export type TeamScoring = 'sum' | 'mean';

/** A team (agency) score from its members': the sum or the mean (2 decimals). */
export function teamScore(memberScores: number[], how: TeamScoring): number {
  if (memberScores.length === 0) return 0;
  const sum = memberScores.reduce((s, x) => s + x, 0);
  return how === 'sum' ? sum : Math.round((sum / memberScores.length) * 100) / 100;
}
