import { divRound, ratioAtLeast, ratioToHundredths, toCenti, type Ratio } from './decimal.js';

/**
 * The test-derived criterion: an agency's inspection-test attempts turned into index points.
 * No official text maps test results to points, so every choice is configuration per criterion.
 */
export type TestFigure = 'pass_rate' | 'mean_score_percent';

export type TestMapping =
  /** points = max × figure */
  | { mode: 'proportional' }
  /** the first step whose minPercent the figure reaches gives sharePercent of the maximum; none → 0 */
  | { mode: 'step'; steps: { minPercent: number; sharePercent: number }[] }
  /** max − perFailing × failing officials, never below floor (points) */
  | { mode: 'penalty'; perFailing: number; floor: number };

export interface CoverageGuard {
  /** Fewer distinct candidates than this is a shortfall. */
  minCandidates?: number;
  /** Fewer candidates than this share of the agency's staff (staff_count) is a shortfall. */
  minStaffPercent?: number;
  /** zero: the criterion scores 0; flag: the points stand but the appraisal team must look. */
  onShortfall: 'zero' | 'flag';
}

export interface TestDerivedConfig {
  /** A candidate passes at ≥ this % of the test's points. */
  passThresholdPercent: number;
  figure: TestFigure;
  mapping: TestMapping;
  coverage: CoverageGuard | null;
  /** A district's criterion also counts the attempts of its communes. */
  rollUpCommunes: boolean;
  /** Only these sessions count (all inspection sessions of the year when absent). */
  sessionIds: number[] | null;
}

export const DEFAULT_TEST_DERIVED: TestDerivedConfig = {
  passThresholdPercent: 50,
  figure: 'pass_rate',
  mapping: { mode: 'proportional' },
  coverage: null,
  rollUpCommunes: false,
  sessionIds: null,
};

const isPercent = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 100 && toCenti(v) !== null;
const isPoints = (v: unknown): v is number => typeof v === 'number' && v >= 0 && toCenti(v) !== null;

/** Reads a leaf's stored configuration, filling defaults; lists every problem found. */
export function parseTestDerivedConfig(
  raw: Record<string, unknown> | null | undefined,
  maxPoints: number,
): { config: TestDerivedConfig; problems: string[] } {
  const r = raw ?? {};
  const problems: string[] = [];
  const known = ['passThresholdPercent', 'figure', 'mapping', 'coverage', 'rollUpCommunes', 'sessionIds'];
  for (const key of Object.keys(r)) if (!known.includes(key)) problems.push(`unknown setting "${key}"`);
  const config: TestDerivedConfig = { ...DEFAULT_TEST_DERIVED };

  if (r.passThresholdPercent !== undefined) {
    if (isPercent(r.passThresholdPercent)) config.passThresholdPercent = r.passThresholdPercent;
    else problems.push('passThresholdPercent must be a percentage 0–100 with at most two decimals');
  }
  if (r.figure !== undefined) {
    if (r.figure === 'pass_rate' || r.figure === 'mean_score_percent') config.figure = r.figure;
    else problems.push('figure must be pass_rate or mean_score_percent');
  }
  if (r.mapping !== undefined) {
    const m = r.mapping as Record<string, unknown> | null;
    if (m?.mode === 'proportional') config.mapping = { mode: 'proportional' };
    else if (m?.mode === 'step') {
      const steps = m.steps;
      if (
        !Array.isArray(steps) ||
        steps.length === 0 ||
        !steps.every((s: Record<string, unknown>) => isPercent(s?.minPercent) && isPercent(s?.sharePercent))
      ) {
        problems.push('a step mapping needs steps [{ minPercent, sharePercent }] with percentages 0–100');
      } else {
        const sorted = [...(steps as { minPercent: number; sharePercent: number }[])]
          .map((s) => ({ minPercent: s.minPercent, sharePercent: s.sharePercent }))
          .sort((a, b) => b.minPercent - a.minPercent);
        if (new Set(sorted.map((s) => s.minPercent)).size !== sorted.length)
          problems.push('step thresholds must differ');
        config.mapping = { mode: 'step', steps: sorted };
      }
    } else if (m?.mode === 'penalty') {
      const floor = m.floor ?? 0;
      if (!isPoints(m.perFailing) || !isPoints(floor)) {
        problems.push('a penalty mapping needs perFailing and floor as points ≥ 0 with at most two decimals');
      } else if (floor > maxPoints) {
        problems.push(`the penalty floor ${floor} is above the criterion's maximum ${maxPoints}`);
      } else config.mapping = { mode: 'penalty', perFailing: m.perFailing, floor };
    } else problems.push('mapping.mode must be proportional, step or penalty');
  }
  if (r.coverage !== undefined && r.coverage !== null) {
    const c = r.coverage as Record<string, unknown>;
    const guard: CoverageGuard = { onShortfall: 'flag' };
    if (c.onShortfall === 'zero' || c.onShortfall === 'flag') guard.onShortfall = c.onShortfall;
    else problems.push('coverage.onShortfall must be zero or flag');
    if (c.minCandidates !== undefined) {
      if (Number.isInteger(c.minCandidates) && (c.minCandidates as number) >= 0)
        guard.minCandidates = c.minCandidates as number;
      else problems.push('coverage.minCandidates must be a whole number ≥ 0');
    }
    if (c.minStaffPercent !== undefined) {
      if (isPercent(c.minStaffPercent)) guard.minStaffPercent = c.minStaffPercent;
      else problems.push('coverage.minStaffPercent must be a percentage 0–100');
    }
    config.coverage = guard;
  }
  if (r.rollUpCommunes !== undefined) {
    if (typeof r.rollUpCommunes === 'boolean') config.rollUpCommunes = r.rollUpCommunes;
    else problems.push('rollUpCommunes must be true or false');
  }
  if (r.sessionIds !== undefined && r.sessionIds !== null) {
    if (Array.isArray(r.sessionIds) && r.sessionIds.every((s) => Number.isInteger(s) && s > 0)) {
      config.sessionIds = [...(r.sessionIds as number[])];
    } else problems.push('sessionIds must be a list of session ids');
  }
  return { config, problems };
}

/** What one graded attempt must say (a subset of the exam bank's GradedAttemptRow). */
export interface AttemptInput {
  attemptId: number;
  sessionId: number;
  sessionName: string;
  agencyId: number;
  candidateId: number;
  candidateName: string;
  candidateNumber: string | null;
  score: number;
  maxScore: number;
  submittedAt: Date;
}

export type DerivationReason = 'OK' | 'NO_ATTEMPTS' | 'TOO_FEW_CANDIDATES' | 'LOW_COVERAGE' | 'STAFF_COUNT_UNKNOWN';

export interface CountedAttempt {
  attemptId: number;
  sessionId: number;
  agencyId: number;
  candidateId: number;
  candidateName: string;
  candidateNumber: string | null;
  score: number;
  maxScore: number;
  /** Hundredths of a percent, for display. */
  percentHundredths: number;
  passed: boolean;
}

/** The result and the evidence behind it; stored as the item's derivation snapshot. */
export interface Derivation {
  pointsCenti: number;
  flagged: boolean;
  reason: DerivationReason;
  candidates: number;
  passed: number;
  failed: number;
  passRateHundredths: number | null;
  meanScoreHundredths: number | null;
  /** Tested candidates / staff, hundredths of a percent; null when staff is unknown. */
  coverageHundredths: number | null;
  staffCount: number | null;
  sessions: { sessionId: number; sessionName: string; candidates: number; passed: number }[];
  attempts: CountedAttempt[];
}

const MICRO = 1_000_000n;
const micro = (x: number): bigint => BigInt(Math.round(x * 1_000_000));

/**
 * Points for a test-derived leaf, a pure function of the attempts, the configuration, the leaf's
 * maximum and the staff count. When a candidate has several attempts, the latest submitted counts
 * (by time, then attempt id), so the result does not depend on the order the rows arrive in.
 */
export function deriveTestPoints(
  rows: AttemptInput[],
  config: TestDerivedConfig,
  maxCenti: number,
  staffCount: number | null,
): Derivation {
  const sessionFilter = config.sessionIds ? new Set(config.sessionIds) : null;
  const latest = new Map<number, AttemptInput>();
  for (const row of rows) {
    if (sessionFilter && !sessionFilter.has(row.sessionId)) continue;
    if (!(row.maxScore > 0)) continue;
    const seen = latest.get(row.candidateId);
    const t = row.submittedAt.getTime();
    if (
      !seen ||
      t > seen.submittedAt.getTime() ||
      (t === seen.submittedAt.getTime() && row.attemptId > seen.attemptId)
    ) {
      latest.set(row.candidateId, row);
    }
  }
  const thresholdH = BigInt(toCenti(config.passThresholdPercent)!);
  const attempts: CountedAttempt[] = [...latest.values()]
    .map((a) => {
      const s = micro(a.score);
      const m = micro(a.maxScore);
      return {
        attemptId: a.attemptId,
        sessionId: a.sessionId,
        agencyId: a.agencyId,
        candidateId: a.candidateId,
        candidateName: a.candidateName,
        candidateNumber: a.candidateNumber,
        score: a.score,
        maxScore: a.maxScore,
        percentHundredths: Number(divRound(s * 10000n, m)),
        // score / max ≥ threshold % ⇔ score × 10000 ≥ threshold(hundredths) × max
        passed: s * 10000n >= thresholdH * m,
      };
    })
    .sort((a, b) => a.sessionId - b.sessionId || a.agencyId - b.agencyId || a.attemptId - b.attemptId);

  const sessionNames = new Map(rows.map((r) => [r.sessionId, r.sessionName]));
  const sessions = new Map<number, { sessionId: number; sessionName: string; candidates: number; passed: number }>();
  for (const a of attempts) {
    const s = sessions.get(a.sessionId) ?? {
      sessionId: a.sessionId,
      sessionName: sessionNames.get(a.sessionId) ?? '',
      candidates: 0,
      passed: 0,
    };
    s.candidates += 1;
    if (a.passed) s.passed += 1;
    sessions.set(a.sessionId, s);
  }

  const n = attempts.length;
  const passed = attempts.filter((a) => a.passed).length;
  const passRate: Ratio | null = n ? { num: BigInt(passed) * 100n, den: BigInt(n) } : null;
  // Each attempt's percentage in millionths of a percent, summed exactly.
  const sumMicroPercent = attempts.reduce((s, a) => s + divRound(micro(a.score) * 100n * MICRO, micro(a.maxScore)), 0n);
  const mean: Ratio | null = n ? { num: sumMicroPercent, den: BigInt(n) * MICRO } : null;
  const coverageHundredths =
    staffCount && staffCount > 0 ? Number(divRound(BigInt(n) * 10000n, BigInt(staffCount))) : null;

  const base = {
    candidates: n,
    passed,
    failed: n - passed,
    passRateHundredths: passRate && ratioToHundredths(passRate),
    meanScoreHundredths: mean && ratioToHundredths(mean),
    coverageHundredths,
    staffCount,
    sessions: [...sessions.values()].sort((a, b) => a.sessionId - b.sessionId),
    attempts,
  };

  const shortfall = coverageShortfall(n, staffCount, config.coverage);
  if (n === 0) {
    const zeroWithoutFlag = config.coverage?.onShortfall === 'zero';
    return { ...base, pointsCenti: 0, flagged: !zeroWithoutFlag, reason: 'NO_ATTEMPTS' };
  }
  if (shortfall && shortfall !== 'STAFF_COUNT_UNKNOWN' && config.coverage?.onShortfall === 'zero') {
    return { ...base, pointsCenti: 0, flagged: false, reason: shortfall };
  }
  const figure = config.figure === 'pass_rate' ? passRate! : mean!;
  return {
    ...base,
    pointsCenti: mapToPoints(figure, n - passed, config.mapping, maxCenti),
    flagged: shortfall !== null,
    reason: shortfall ?? 'OK',
  };
}

function coverageShortfall(n: number, staffCount: number | null, guard: CoverageGuard | null): DerivationReason | null {
  if (!guard) return null;
  if (guard.minCandidates !== undefined && n < guard.minCandidates) return 'TOO_FEW_CANDIDATES';
  if (guard.minStaffPercent !== undefined) {
    // Without a staff count the share cannot be proven short: flag it, never zero it.
    if (!staffCount || staffCount <= 0) return 'STAFF_COUNT_UNKNOWN';
    if (BigInt(n) * 10000n < BigInt(toCenti(guard.minStaffPercent)!) * BigInt(staffCount)) return 'LOW_COVERAGE';
  }
  return null;
}

/** The mapping from the figure (a percentage, exact) to centi-points. */
export function mapToPoints(figure: Ratio, failing: number, mapping: TestMapping, maxCenti: number): number {
  switch (mapping.mode) {
    case 'proportional':
      return Number(divRound(BigInt(maxCenti) * figure.num, figure.den * 100n));
    case 'step': {
      const steps = [...mapping.steps].sort((a, b) => b.minPercent - a.minPercent);
      const step = steps.find((s) => ratioAtLeast(figure, toCenti(s.minPercent)!));
      return step ? Number(divRound(BigInt(maxCenti) * BigInt(toCenti(step.sharePercent)!), 10000n)) : 0;
    }
    case 'penalty': {
      const points = maxCenti - failing * toCenti(mapping.perFailing)!;
      return Math.max(Math.min(toCenti(mapping.floor)!, maxCenti), points);
    }
  }
}

/** The agencies whose attempts count for an agency: itself, plus its communes when rolling up. */
export function agenciesCounted(
  agencyId: number,
  agencies: { id: number; parentId: number | null; levelCode: string; staffCount: number | null }[],
  rollUpCommunes: boolean,
): { agencyIds: number[]; staffCount: number | null } {
  const self = agencies.find((a) => a.id === agencyId);
  const included = [
    ...(self ? [self] : []),
    ...(rollUpCommunes ? agencies.filter((a) => a.parentId === agencyId && a.levelCode === 'commune') : []),
  ];
  const ids = included.length ? included.map((a) => a.id) : [agencyId];
  // The denominator is known only when every counted agency has a staff count.
  const staff =
    included.length && included.every((a) => a.staffCount !== null)
      ? included.reduce((s, a) => s + a.staffCount!, 0)
      : null;
  return { agencyIds: ids.sort((a, b) => a - b), staffCount: staff };
}
