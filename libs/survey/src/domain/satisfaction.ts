/**
 * The satisfaction figures of the survey: the share of satisfied answers on the 1–5 scale, its 95 %
 * margin of error, and the aggregation by question, section, desk, agency and period.
 */

/** Answers at or above this value count as satisfied (4 = "Hài lòng", 5 = "Rất hài lòng"). */
export const DEFAULT_SATISFIED_MIN = 4;

/** The z value of a two-sided 95 % interval. */
export const Z95 = 1.96;

/** Below this many responses, or fewer than 5 expected on either side, the Wilson interval is used. */
export const NORMAL_MIN_N = 30;

export type MarginMethod = 'normal' | 'wilson' | 'none';

export interface SatisfactionFigure {
  /** Distinct responses that answered at least one counted question. */
  responses: number;
  /** Scale answers counted (one response answers several questions). */
  answers: number;
  /** Of those, answers ≥ the satisfied minimum. */
  satisfied: number;
  /** satisfied / answers, 0..1; null with no answers. */
  rate: number | null;
  /** The rate as a percentage, two decimals. */
  ratePercent: number | null;
  /** Half-width of the 95 % interval in percentage points, two decimals. */
  margin95: number | null;
  /** The 95 % interval in percent, two decimals, inside 0..100. */
  low: number | null;
  high: number | null;
  method: MarginMethod;
}

const round2 = (x: number): number => Math.round(x * 100 + Number.EPSILON * 100) / 100;

/**
 * The 95 % interval of a proportion p observed on n independent units.
 * Normal approximation p ± 1.96·√(p(1−p)/n) when n ≥ 30 and n·p ≥ 5 and n·(1−p) ≥ 5; otherwise the
 * Wilson score interval, which stays inside 0..1 and does not collapse to ±0 at p = 0 or 1.
 */
export function interval95(p: number, n: number): { margin: number; low: number; high: number; method: MarginMethod } {
  if (n <= 0) return { margin: 0, low: 0, high: 0, method: 'none' };
  const z = Z95;
  if (n >= NORMAL_MIN_N && n * p >= 5 && n * (1 - p) >= 5) {
    const margin = z * Math.sqrt((p * (1 - p)) / n);
    return { margin, low: Math.max(0, p - margin), high: Math.min(1, p + margin), method: 'normal' };
  }
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { margin: half, low: Math.max(0, centre - half), high: Math.min(1, centre + half), method: 'wilson' };
}

/**
 * The figure of a group. The rate pools every counted answer; the margin uses the number of
 * responses as n, because answers of one respondent are not independent of each other (for a
 * single question the two are the same).
 */
export function figureOf(satisfied: number, answers: number, responses: number): SatisfactionFigure {
  if (answers <= 0) {
    return {
      responses,
      answers: 0,
      satisfied: 0,
      rate: null,
      ratePercent: null,
      margin95: null,
      low: null,
      high: null,
      method: 'none',
    };
  }
  const rate = satisfied / answers;
  const i = interval95(rate, responses);
  return {
    responses,
    answers,
    satisfied,
    rate,
    ratePercent: round2(rate * 100),
    margin95: i.method === 'none' ? null : round2(i.margin * 100),
    low: round2(i.low * 100),
    high: round2(i.high * 100),
    method: i.method,
  };
}

export type Granularity = 'month' | 'quarter' | 'year';

/** Vietnam keeps UTC+7 all year: periods are cut at local midnight. */
const VN_OFFSET_MS = 7 * 3600 * 1000;

/** The period a moment falls in, in Vietnam time: 2026-11, 2026-Q4 or 2026. */
export function periodKey(at: Date, granularity: Granularity): string {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  if (granularity === 'year') return String(y);
  if (granularity === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** One stored scale answer, as the aggregation needs it. */
export interface ScaleAnswerRow {
  responseId: number;
  questionKey: string;
  sectionKey: string;
  deskId: number;
  agencyId: number;
  submittedAt: Date;
  value: number;
  /** The satisfied minimum of the form version the answer was given on. */
  satisfiedMin: number;
}

export type Dimension = 'overall' | 'question' | 'section' | 'desk' | 'agency' | 'period';

export interface SatisfactionGroup extends SatisfactionFigure {
  key: string;
}

function keyOf(row: ScaleAnswerRow, by: Dimension, granularity: Granularity): string {
  switch (by) {
    case 'overall':
      return 'all';
    case 'question':
      return row.questionKey;
    case 'section':
      return row.sectionKey;
    case 'desk':
      return String(row.deskId);
    case 'agency':
      return String(row.agencyId);
    case 'period':
      return periodKey(row.submittedAt, granularity);
  }
}

/** Satisfaction per group, groups in key order (numeric keys numerically). */
export function aggregateSatisfaction(
  rows: readonly ScaleAnswerRow[],
  by: Dimension,
  granularity: Granularity = 'month',
): SatisfactionGroup[] {
  const groups = new Map<string, { answers: number; satisfied: number; responses: Set<number> }>();
  for (const row of rows) {
    const key = keyOf(row, by, granularity);
    const g = groups.get(key) ?? { answers: 0, satisfied: 0, responses: new Set<number>() };
    g.answers += 1;
    if (row.value >= row.satisfiedMin) g.satisfied += 1;
    g.responses.add(row.responseId);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, g]) => ({ key, ...figureOf(g.satisfied, g.answers, g.responses.size) }));
}

/** One response's counted answers, as the per-period aggregation reads them. */
export interface ResponseCounts {
  submittedAt: Date;
  answers: number;
  satisfied: number;
}

/** Satisfaction per period from per-response counts: the same figures as aggregating the answers by 'period'. */
export function aggregateByPeriod(rows: readonly ResponseCounts[], granularity: Granularity): SatisfactionGroup[] {
  const groups = new Map<string, { answers: number; satisfied: number; responses: number }>();
  for (const r of rows) {
    if (r.answers <= 0) continue;
    const key = periodKey(r.submittedAt, granularity);
    const g = groups.get(key) ?? { answers: 0, satisfied: 0, responses: 0 };
    g.answers += r.answers;
    g.satisfied += r.satisfied;
    g.responses += 1;
    groups.set(key, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, g]) => ({ key, ...figureOf(g.satisfied, g.answers, g.responses) }));
}
