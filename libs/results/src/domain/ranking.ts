import { toCenti } from './decimal.js';

/**
 * Ranking high to low by index (two decimals). Entries equal on the index are ordered by the
 * tie-break chain; entries still equal on every key share a rank, and the next rank skips
 * (1, 2, 2, 4).
 *   appraised_points  points of the self-assessed leaves after appraisal
 *   total_points      total points before rounding to the index (differs only when scale ≠ 100)
 *   area:CODE         points achieved in that area
 */
export type TieBreakKey = 'appraised_points' | 'total_points' | `area:${string}`;

export interface Band {
  name: string;
  /** The band holds indexes ≥ this percentage (up to the next band's minimum). */
  minPercent: number;
}

export interface RankingConfig {
  tieBreak: TieBreakKey[];
  bands: Band[];
}

export const DEFAULT_BANDS: Band[] = [
  { name: 'Tốt', minPercent: 90 },
  { name: 'Khá', minPercent: 80 },
  { name: 'Trung bình', minPercent: 70 },
  { name: 'Yếu', minPercent: 0 },
];

export const DEFAULT_RANKING: RankingConfig = { tieBreak: ['appraised_points'], bands: DEFAULT_BANDS };

export interface RankEntry {
  agencyId: number;
  indexHundredths: number;
  totalCenti: number;
  appraisedCenti: number;
  /** Achieved centi-points by area code. */
  areas: Record<string, number>;
}

export type Ranked<T extends RankEntry> = T & { rank: number; band: string | null };

function keyValue(e: RankEntry, key: TieBreakKey): number {
  if (key === 'appraised_points') return e.appraisedCenti;
  if (key === 'total_points') return e.totalCenti;
  return e.areas[key.slice('area:'.length)] ?? 0;
}

/** b before a when positive: index first, then every tie-break key, all high to low. */
function compare(a: RankEntry, b: RankEntry, chain: TieBreakKey[]): number {
  if (a.indexHundredths !== b.indexHundredths) return b.indexHundredths - a.indexHundredths;
  for (const key of chain) {
    const d = keyValue(b, key) - keyValue(a, key);
    if (d !== 0) return d;
  }
  return 0;
}

/** Entries ranked with shared ranks and their band; equal entries are listed by agency id. */
export function rankEntries<T extends RankEntry>(entries: T[], config: RankingConfig = DEFAULT_RANKING): Ranked<T>[] {
  const sorted = [...entries].sort((a, b) => compare(a, b, config.tieBreak) || a.agencyId - b.agencyId);
  const out: Ranked<T>[] = [];
  sorted.forEach((e, i) => {
    const prev = out[i - 1];
    const rank = prev && compare(prev, e, config.tieBreak) === 0 ? prev.rank : i + 1;
    out.push({ ...e, rank, band: bandFor(e.indexHundredths, config.bands) });
  });
  return out;
}

/** The band an index (hundredths of a percent) falls in; null when below every band. */
export function bandFor(indexHundredths: number, bands: Band[]): string | null {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  return sorted.find((b) => indexHundredths >= toCenti(b.minPercent)!)?.name ?? null;
}

/** Reads a scheme's ranking settings, filling defaults; lists every problem. */
export function parseRankingConfig(
  raw: Record<string, unknown> | null | undefined,
  areaCodes: string[],
): { config: RankingConfig; problems: string[] } {
  const r = raw ?? {};
  const problems: string[] = [];
  for (const key of Object.keys(r))
    if (key !== 'tieBreak' && key !== 'bands') problems.push(`unknown ranking setting "${key}"`);
  const config: RankingConfig = { ...DEFAULT_RANKING };
  if (r.tieBreak !== undefined) {
    const chain = r.tieBreak;
    if (!Array.isArray(chain)) problems.push('tieBreak must be a list');
    else {
      for (const key of chain) {
        const ok =
          key === 'appraised_points' ||
          key === 'total_points' ||
          (typeof key === 'string' && key.startsWith('area:') && areaCodes.includes(key.slice(5)));
        if (!ok)
          problems.push(`tie-breaker "${String(key)}" must be appraised_points, total_points or area:<an area code>`);
      }
      config.tieBreak = chain as TieBreakKey[];
    }
  }
  if (r.bands !== undefined) {
    const bands = r.bands;
    if (
      !Array.isArray(bands) ||
      bands.length === 0 ||
      !bands.every(
        (b: Record<string, unknown>) =>
          typeof b?.name === 'string' &&
          b.name.trim() !== '' &&
          typeof b.minPercent === 'number' &&
          b.minPercent >= 0 &&
          b.minPercent <= 100 &&
          toCenti(b.minPercent) !== null,
      )
    ) {
      problems.push('bands must be a list of { name, minPercent } with percentages 0–100');
    } else {
      const mins = bands.map((b: Band) => b.minPercent);
      if (new Set(mins).size !== mins.length) problems.push('two bands start at the same percentage');
      config.bands = (bands as Band[]).map((b) => ({ name: b.name, minPercent: b.minPercent }));
    }
  }
  return { config, problems };
}

export interface ScoreDifference {
  agencyId: number;
  /** Σ |self − appraised| over leaves that have both. */
  absoluteCenti: number;
  /** Σ (self − appraised): positive when the agency scored itself higher than the appraisal. */
  netCenti: number;
  itemsChanged: number;
}

/** Agencies whose self-scores and appraisals differ most, largest first (ties by agency id). */
export function largestDifferences(
  cards: { agencyId: number; items: { selfCenti: number | null; appraisedCenti: number | null }[] }[],
  limit = 10,
): ScoreDifference[] {
  return cards
    .map((c) => {
      let abs = 0;
      let net = 0;
      let changed = 0;
      for (const i of c.items) {
        if (i.selfCenti === null || i.appraisedCenti === null) continue;
        const d = i.selfCenti - i.appraisedCenti;
        abs += Math.abs(d);
        net += d;
        if (d !== 0) changed += 1;
      }
      return { agencyId: c.agencyId, absoluteCenti: abs, netCenti: net, itemsChanged: changed };
    })
    .sort((a, b) => b.absoluteCenti - a.absoluteCenti || a.agencyId - b.agencyId)
    .slice(0, limit);
}
