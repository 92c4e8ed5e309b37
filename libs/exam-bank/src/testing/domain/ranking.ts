/**
 * Recruitment ranking within a job position's quota: by total (score + priority points), ties
 * broken by a configured chain of keys; candidates still equal share a rank (1, 2, 2, 4). Only
 * candidates who passed are ranked.
 */
export interface TieBreak {
  /** A key of the entries' `keys`: e.g. "part:0" (score of part 1), "priority", "submittedAt". */
  key: string;
  order: 'asc' | 'desc';
}

export interface RankEntry {
  id: number;
  total: number;
  passed: boolean;
  keys: Record<string, number | null | undefined>;
}

export interface RankedEntry {
  id: number;
  rank: number | null;
  /** Ranked at or above the quota. */
  withinQuota: boolean;
  /** Shares the rank at the quota's edge with others so that more than `quota` are within it. */
  tiedAtEdge: boolean;
}

function compare(a: RankEntry, b: RankEntry, chain: readonly TieBreak[]): number {
  if (a.total !== b.total) return b.total - a.total;
  for (const t of chain) {
    const x = a.keys[t.key];
    const y = b.keys[t.key];
    if (x === y || (x == null && y == null)) continue;
    if (x == null) return 1; // a missing value ranks last
    if (y == null) return -1;
    return t.order === 'desc' ? y - x : x - y;
  }
  return 0;
}

export function rankWithinQuota(
  entries: readonly RankEntry[],
  quota: number,
  chain: readonly TieBreak[] = [],
): RankedEntry[] {
  const eligible = entries.filter((e) => e.passed).sort((a, b) => compare(a, b, chain) || a.id - b.id);
  const ranks = new Map<number, number>();
  eligible.forEach((e, i) => {
    const prev = eligible[i - 1];
    ranks.set(e.id, prev && compare(prev, e, chain) === 0 ? ranks.get(prev.id)! : i + 1);
  });
  const within = eligible.filter((e) => ranks.get(e.id)! <= quota);
  const edgeRank = within.length > quota ? Math.max(...within.map((e) => ranks.get(e.id)!)) : null;
  const ranked: RankedEntry[] = eligible.map((e) => {
    const rank = ranks.get(e.id)!;
    return { id: e.id, rank, withinQuota: rank <= quota, tiedAtEdge: rank === edgeRank };
  });
  const unranked: RankedEntry[] = entries
    .filter((e) => !e.passed)
    .sort((a, b) => a.id - b.id)
    .map((e) => ({ id: e.id, rank: null, withinQuota: false, tiedAtEdge: false }));
  return [...ranked, ...unranked];
}
