/**
 * The survey criterion of the PAR Index: an agency's satisfaction rate on chosen questions of a
 * form turned into points. Like the test-derived mapping, it is configuration per criterion and
 * year, computed exactly in integers (centi-points, hundredths of a percent), half away from zero.
 */
export type SurveyMapping =
  /** points = max × rate */
  | { mode: 'proportional' }
  /** the highest step whose minPercent the rate reaches gives sharePercent of the maximum; none → 0 */
  | { mode: 'step'; steps: { minPercent: number; sharePercent: number }[] };

export interface SurveyCriterionConfig {
  mapping: SurveyMapping;
  /** Fewer responses than this is a shortfall. */
  minResponses: number;
  /** zero: the criterion scores 0; flag: the points stand but the appraisal team must look. */
  onShortfall: 'zero' | 'flag';
}

export const DEFAULT_SURVEY_CRITERION: SurveyCriterionConfig = {
  mapping: { mode: 'proportional' },
  minResponses: 30,
  onShortfall: 'flag',
};

export type SurveyPointsReason = 'OK' | 'NO_RESPONSES' | 'TOO_FEW_RESPONSES';

export interface SurveyPoints {
  pointsCenti: number;
  /** satisfied / answers in hundredths of a percent; null with no answers. */
  rateHundredths: number | null;
  flagged: boolean;
  reason: SurveyPointsReason;
  responses: number;
  answers: number;
  satisfied: number;
}

/** A number with at most two decimals as hundredths; null otherwise. */
function toCenti(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const scaled = value * 100;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}

/** n / d rounded half away from zero (d > 0). */
function divRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

const isPercent = (v: unknown): boolean => {
  const c = toCenti(v);
  return c !== null && c >= 0 && c <= 10000;
};

/** Reads a criterion's stored configuration, filling defaults; lists every problem. */
export function parseSurveyCriterionConfig(raw: Record<string, unknown> | null | undefined): {
  config: SurveyCriterionConfig;
  problems: string[];
} {
  const r = raw ?? {};
  const problems: string[] = [];
  for (const key of Object.keys(r)) {
    if (!['mapping', 'minResponses', 'onShortfall'].includes(key)) problems.push(`unknown setting "${key}"`);
  }
  const config: SurveyCriterionConfig = { ...DEFAULT_SURVEY_CRITERION };
  if (r.mapping !== undefined) {
    const m = r.mapping as Record<string, unknown> | null;
    if (m?.mode === 'proportional') config.mapping = { mode: 'proportional' };
    else if (m?.mode === 'step') {
      const steps = m.steps as Record<string, unknown>[] | undefined;
      if (
        !Array.isArray(steps) ||
        !steps.length ||
        !steps.every((s) => isPercent(s?.minPercent) && isPercent(s?.sharePercent))
      ) {
        problems.push(
          'a step mapping needs steps [{ minPercent, sharePercent }] with percentages 0–100, two decimals at most',
        );
      } else {
        const sorted = steps
          .map((s) => ({ minPercent: s.minPercent as number, sharePercent: s.sharePercent as number }))
          .sort((a, b) => b.minPercent - a.minPercent);
        if (new Set(sorted.map((s) => s.minPercent)).size !== sorted.length)
          problems.push('step thresholds must differ');
        config.mapping = { mode: 'step', steps: sorted };
      }
    } else problems.push('mapping.mode must be proportional or step');
  }
  if (r.minResponses !== undefined) {
    if (Number.isInteger(r.minResponses) && (r.minResponses as number) >= 0)
      config.minResponses = r.minResponses as number;
    else problems.push('minResponses must be a whole number ≥ 0');
  }
  if (r.onShortfall !== undefined) {
    if (r.onShortfall === 'zero' || r.onShortfall === 'flag') config.onShortfall = r.onShortfall;
    else problems.push('onShortfall must be zero or flag');
  }
  return { config, problems };
}

/**
 * Points for one agency from its counts, a pure function: the same stored responses give the
 * same points every time. `maxCenti` is the criterion's maximum in centi-points (1.5 → 150).
 */
export function surveyPoints(
  counts: { responses: number; answers: number; satisfied: number },
  config: SurveyCriterionConfig,
  maxCenti: number,
): SurveyPoints {
  const { responses, answers, satisfied } = counts;
  const base = {
    responses,
    answers,
    satisfied,
    rateHundredths: answers > 0 ? Number(divRound(BigInt(satisfied) * 10000n, BigInt(answers))) : null,
  };
  if (responses === 0 || answers === 0) {
    return { ...base, pointsCenti: 0, flagged: config.onShortfall === 'flag', reason: 'NO_RESPONSES' };
  }
  const short = responses < config.minResponses;
  if (short && config.onShortfall === 'zero') {
    return { ...base, pointsCenti: 0, flagged: false, reason: 'TOO_FEW_RESPONSES' };
  }
  return {
    ...base,
    pointsCenti: mapRate(satisfied, answers, config.mapping, maxCenti),
    flagged: short,
    reason: short ? 'TOO_FEW_RESPONSES' : 'OK',
  };
}

/** The exact rate satisfied / answers mapped to centi-points. */
export function mapRate(satisfied: number, answers: number, mapping: SurveyMapping, maxCenti: number): number {
  const s = BigInt(satisfied);
  const n = BigInt(answers);
  if (mapping.mode === 'proportional') return Number(divRound(BigInt(maxCenti) * s, n));
  // rate ≥ minPercent ⇔ satisfied × 10000 ≥ minHundredths × answers
  const step = [...mapping.steps]
    .sort((a, b) => b.minPercent - a.minPercent)
    .find((st) => s * 10000n >= BigInt(toCenti(st.minPercent)!) * n);
  return step ? Number(divRound(BigInt(maxCenti) * BigInt(toCenti(step.sharePercent)!), 10000n)) : 0;
}
