import {
  figureOf,
  parseSurveyCriterionConfig,
  surveyPoints,
  type MarginMethod,
  type SurveyCriterionConfig,
  type SurveyPointsReason,
} from '@app/survey';

/**
 * The survey criterion of the PAR Index: which form, which questions and which days a leaf counts,
 * on top of the survey's own mapping (rate → points, minimum responses). The points come from the
 * survey's `surveyPoints`, so the preview on the survey side and the scorecard give the same figure.
 */
export interface SurveyLeafConfig extends SurveyCriterionConfig {
  /** The survey form's stable code, e.g. "mac-dinh". */
  form: string;
  /** Question keys counted; null = every scale question of the form. */
  questionKeys: string[] | null;
  /** First and last day counted (Vietnam dates, both included); null = the scheme's year. */
  from: string | null;
  to: string | null;
}

const LEAF_KEYS = ['form', 'questionKeys', 'from', 'to'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[A-Za-z0-9._-]{1,64}$/;
/** Vietnam is UTC+7 all year; survey periods are cut at its midnight. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

const isDay = (v: unknown): v is string =>
  typeof v === 'string' && DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/**
 * Whether a survey leaf computes its points. A leaf without configuration keeps the older way: the
 * appraisal team enters the survey points by hand.
 */
export const isComputedSurveyLeaf = (config: Record<string, unknown> | null | undefined): boolean =>
  !!config && Object.keys(config).length > 0;

/** Reads a survey leaf's configuration, filling defaults; lists every problem. */
export function parseSurveyLeafConfig(raw: Record<string, unknown> | null | undefined): {
  config: SurveyLeafConfig;
  problems: string[];
} {
  const r = raw ?? {};
  const problems: string[] = [];
  const rest = Object.fromEntries(Object.entries(r).filter(([k]) => !LEAF_KEYS.includes(k)));
  const mapped = parseSurveyCriterionConfig(rest);
  problems.push(...mapped.problems);
  const form = typeof r.form === 'string' ? r.form.trim() : '';
  if (!KEY.test(form)) problems.push('form must name a survey form by its code, e.g. "mac-dinh"');
  let questionKeys: string[] | null = null;
  if (r.questionKeys !== undefined) {
    const keys = r.questionKeys;
    if (
      !Array.isArray(keys) ||
      !keys.length ||
      keys.length > 100 ||
      !keys.every((k) => typeof k === 'string' && KEY.test(k))
    )
      problems.push('questionKeys must list 1–100 question keys such as "C.1"');
    else if (new Set(keys).size !== keys.length) problems.push('questionKeys lists a key twice');
    else questionKeys = keys as string[];
  }
  const day = (name: 'from' | 'to'): string | null => {
    if (r[name] === undefined || r[name] === null) return null;
    if (isDay(r[name])) return r[name] as string;
    problems.push(`${name} must be a date YYYY-MM-DD`);
    return null;
  };
  const from = day('from');
  const to = day('to');
  if (from && to && from > to) problems.push('from must not be after to');
  return { config: { ...mapped.config, form, questionKeys, from, to }, problems };
}

/** The instants counted, [from, to): the configured Vietnam days, or the scheme's year in Vietnam time. */
export function surveyWindow(config: Pick<SurveyLeafConfig, 'from' | 'to'>, year: number): { from: Date; to: Date } {
  const midnight = (day: string, plusDays = 0): Date => {
    const d = new Date(`${day}T00:00:00Z`);
    return new Date(d.getTime() + plusDays * 86400_000 - VIETNAM_OFFSET_MS);
  };
  return {
    from: midnight(config.from ?? `${year}-01-01`),
    to: config.to ? midnight(config.to, 1) : midnight(`${year + 1}-01-01`),
  };
}

/** One agency's counts as the survey reports them. */
export interface AgencyCounts {
  agencyId: number;
  responses: number;
  answers: number;
  satisfied: number;
}

/** The figures and points of a survey leaf, stored as the evidence behind the points. */
export interface SurveyFigures {
  pointsCenti: number;
  flagged: boolean;
  reason: SurveyPointsReason;
  responses: number;
  answers: number;
  satisfied: number;
  /** satisfied / answers in hundredths of a percent, exact, half away from zero; null without answers. */
  rateHundredths: number | null;
  /** 95 % margin of error in percentage points (n = responses), two decimals; null without answers. */
  margin95: number | null;
  low: number | null;
  high: number | null;
  marginMethod: MarginMethod;
  perAgency: AgencyCounts[];
}

/**
 * Points of a survey leaf from the counts of the agencies it covers, a pure function: the same
 * stored responses and configuration give the same points. Each response belongs to one agency,
 * so the counts add up without double counting.
 */
export function deriveSurveyPoints(
  rows: AgencyCounts[],
  config: SurveyCriterionConfig,
  maxCenti: number,
): SurveyFigures {
  const perAgency = [...rows]
    .map((r) => ({ agencyId: r.agencyId, responses: r.responses, answers: r.answers, satisfied: r.satisfied }))
    .sort((a, b) => a.agencyId - b.agencyId);
  const sum = (k: 'responses' | 'answers' | 'satisfied'): number => perAgency.reduce((s, r) => s + r[k], 0);
  const counts = { responses: sum('responses'), answers: sum('answers'), satisfied: sum('satisfied') };
  const p = surveyPoints(counts, config, maxCenti);
  const f = figureOf(counts.satisfied, counts.answers, counts.responses);
  return {
    pointsCenti: p.pointsCenti,
    flagged: p.flagged,
    reason: p.reason,
    ...counts,
    rateHundredths: p.rateHundredths,
    margin95: f.margin95,
    low: f.low,
    high: f.high,
    marginMethod: f.method,
    perAgency,
  };
}

/** The evidence behind a survey leaf's points, kept on the scorecard item and shown with it. */
export interface SurveyDerivation extends SurveyFigures {
  kind: 'survey';
  form: { id: number; code: string; name: string };
  /** The questions counted, with the wording of the form's current version. */
  questions: { key: string; text: string }[];
  /** The instants counted, [from, to), ISO. */
  from: string;
  to: string;
  agencyIds: number[];
  config: SurveyLeafConfig;
  computedAt: string;
}
