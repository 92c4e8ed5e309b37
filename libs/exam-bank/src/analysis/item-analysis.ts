/**
 * Item and test statistics with the definitions of Moodle's quiz statistics report
 * (docs.moodle.org/dev/Quiz_statistics_calculations). Sample variances use 1/(S−1).
 * Percent figures (facility, SD of an item, discrimination, efficiency, CIC, error ratio) are 0–100
 * like Moodle's; a figure that needs more attempts or any variance is null.
 */

export interface ItemRow {
  /** Points earned on the item in one attempt. */
  score: number;
  /** Points of the rest of the test in the same attempt (total minus this item). */
  rest: number;
}

export interface ItemStatistics {
  attempts: number;
  /** Mean score as a percentage of the item's range: 100·(x̄ − min)/(max − min). */
  facility: number | null;
  /** Sample SD of the item's score as a percentage of its range. */
  sd: number | null;
  /** 100 × correlation of the item's score with the rest of the test. */
  discrimination: number | null;
  /** 100 × C(x, X) / Cmax(x, X), Cmax pairing both sorted. */
  efficiency: number | null;
}

export interface TestStatistics {
  attempts: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  skewness: number | null;
  kurtosis: number | null;
  /** Coefficient of internal consistency (Cronbach's alpha; KR-20 for 0/1 items), percent. */
  cic: number | null;
  /** 100·√(1 − CIC/100): the share of the SD that is random. */
  errorRatio: number | null;
  /** ER/100 × SD, in the units of the total. */
  standardError: number | null;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample covariance with 1/(S−1). */
function covariance(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - mx) * (ys[i] - my);
  return s / (xs.length - 1);
}

const variance = (xs: readonly number[]): number => covariance(xs, xs);

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function itemStatistics(rows: readonly ItemRow[], maxScore: number, minScore = 0): ItemStatistics {
  const n = rows.length;
  const range = maxScore - minScore;
  const x = rows.map((r) => r.score);
  const rest = rows.map((r) => r.rest);
  const facility = n > 0 && range > 0 ? (100 * (mean(x) - minScore)) / range : null;
  if (n < 2 || range <= 0) return { attempts: n, facility, sd: null, discrimination: null, efficiency: null };
  const vx = variance(x);
  const vRest = variance(rest);
  const c = covariance(x, rest);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const cMax = covariance(sorted(x), sorted(rest));
  return {
    attempts: n,
    facility,
    sd: (100 * Math.sqrt(vx)) / range,
    discrimination: vx > 0 && vRest > 0 ? (100 * c) / Math.sqrt(vx * vRest) : null,
    efficiency: cMax > 0 ? (100 * c) / cMax : null,
  };
}

/**
 * Whole-test statistics from a matrix of attempts × slots (each slot one position of the test;
 * with random variants a slot holds different questions, as in Moodle).
 */
export function testStatistics(matrix: readonly (readonly number[])[]): TestStatistics {
  const s = matrix.length;
  const totals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const empty: TestStatistics = {
    attempts: s,
    mean: null,
    median: null,
    sd: null,
    skewness: null,
    kurtosis: null,
    cic: null,
    errorRatio: null,
    standardError: null,
  };
  if (s === 0) return empty;
  const m = mean(totals);
  const out: TestStatistics = { ...empty, mean: m, median: median(totals) };
  if (s < 2) return out;
  const vT = variance(totals);
  out.sd = Math.sqrt(vT);
  const moment = (p: number) => totals.reduce((a, t) => a + (t - m) ** p, 0) / s;
  const m2 = moment(2);
  const k2 = (s * m2) / (s - 1);
  if (s >= 3 && k2 > 0) out.skewness = (s * s * moment(3)) / ((s - 1) * (s - 2)) / k2 ** 1.5;
  if (s >= 4 && k2 > 0) {
    const k4 = (s * s * ((s + 1) * moment(4) - 3 * (s - 1) * m2 * m2)) / ((s - 1) * (s - 2) * (s - 3));
    out.kurtosis = k4 / (k2 * k2);
  }
  const k = matrix[0]?.length ?? 0;
  if (k >= 2 && vT > 0) {
    const sumItemVar = Array.from({ length: k }, (_, j) => variance(matrix.map((row) => row[j] ?? 0))).reduce(
      (a, b) => a + b,
      0,
    );
    const cic = 100 * (k / (k - 1)) * (1 - sumItemVar / vT);
    out.cic = cic;
    out.errorRatio = cic <= 100 ? 100 * Math.sqrt(Math.max(0, 1 - cic / 100)) : null;
    out.standardError = out.errorRatio !== null ? (out.errorRatio / 100) * out.sd : null;
  }
  return out;
}
