import type { Role } from '../auth/roles.js';
import type {
  Difference,
  Distribution,
  PassRates,
  RankingView,
  SchemeDocument,
  SchemeNodeDoc,
  SchemeSummary,
  ScorecardNode,
  ScorecardState,
  TopicWeakness,
  WorkflowStep,
} from '../api/results-api.js';

/**
 * Pure rules of the inspector screens: what a chart shows, which workflow buttons a role sees,
 * how a typed score is read. No DOM, no React: each has a table-driven spec beside it.
 */

/** Data for one bar chart and its table fallback: a label and a value per row. */
export interface Series {
  labels: string[];
  values: number[];
}

/** Candidates per tenth of the scale, labelled "0–10 %" … "90–100 %". */
export function distributionSeries(d: Distribution): Series {
  return {
    labels: d.buckets.map((b) => `${b.from}–${b.to} %`),
    values: d.buckets.map((b) => b.count),
  };
}

/** Pass rate of each scored agency, highest first; agencies nobody from was tested are left out. */
export function agencyPassRateSeries(p: PassRates): Series & { candidates: number[] } {
  const rows = p.rows
    .filter((r) => r.passRate !== null)
    .sort((a, b) => b.passRate! - a.passRate! || a.agencyName.localeCompare(b.agencyName, 'vi'));
  return {
    labels: rows.map((r) => r.agencyName),
    values: rows.map((r) => r.passRate!),
    candidates: rows.map((r) => r.candidates),
  };
}

/** Pass rate of every commune under the scored agencies, highest first, named with their parent. */
export function communePassRateSeries(p: PassRates): Series & { candidates: number[] } {
  const rows = p.rows
    .flatMap((r) => r.communes.map((c) => ({ ...c, parent: r.agencyName })))
    .filter((c) => c.passRate !== null)
    .sort((a, b) => b.passRate! - a.passRate! || a.agencyName.localeCompare(b.agencyName, 'vi'));
  return {
    labels: rows.map((r) => `${r.agencyName} (${r.parent})`),
    values: rows.map((r) => r.passRate!),
    candidates: rows.map((r) => r.candidates),
  };
}

/** Candidates, passed and the pass rate over every scored agency and its communes. */
export function passTotals(p: PassRates): { candidates: number; passed: number; passRate: number | null } {
  const all = p.rows.flatMap((r) => [r, ...r.communes]);
  const candidates = all.reduce((s, r) => s + r.candidates, 0);
  const passed = all.reduce((s, r) => s + r.passed, 0);
  return { candidates, passed, passRate: candidates ? Math.round((passed * 10000) / candidates) / 100 : null };
}

/** The index of each ranked agency, in rank order, labelled "1. Sở Nội vụ". */
export function rankingSeries(r: RankingView): Series {
  return {
    labels: r.rows.map((row) => `${row.rank}. ${row.agencyName}`),
    values: r.rows.map((row) => row.index),
  };
}

/**
 * The component index of each area for one agency, beside the mean over every ranked agency.
 * An agency not in the ranking gives an empty series.
 */
export function areaBreakdown(
  r: RankingView,
  agencyId: number | null,
): { labels: string[]; agency: number[]; mean: number[] } {
  const row = r.rows.find((x) => x.agencyId === agencyId);
  if (!row) return { labels: [], agency: [], mean: [] };
  const mean = r.areas.map((a) => {
    const values = r.rows.map((x) => x.areas.find((y) => y.code === a.code)?.index ?? 0);
    return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
  });
  return {
    labels: r.areas.map((a) => `${a.code} – ${a.name}`),
    agency: r.areas.map((a) => row.areas.find((y) => y.code === a.code)?.index ?? 0),
    mean,
  };
}

/** Topics answered worst first, as a percentage of points earned. */
export function weakTopicSeries(topics: readonly TopicWeakness[], limit = 10): Series {
  const rows = [...topics].sort((a, b) => a.facility - b.facility).slice(0, limit);
  return { labels: rows.map((t) => t.topicName), values: rows.map((t) => Math.round(t.facility * 10000) / 100) };
}

/** Agencies whose self-scores and appraisals differ most, largest gap first. */
export function differenceSeries(diffs: readonly Difference[]): Series {
  const rows = [...diffs].sort((a, b) => b.absolute - a.absolute);
  return { labels: rows.map((d) => d.agencyName), values: rows.map((d) => d.absolute) };
}

/** The workflow buttons a role may press on a scorecard in a state (the server checks again). */
export type WorkflowButton = WorkflowStep | 'reopen';
export function workflowButtons(state: ScorecardState, role: Role): WorkflowButton[] {
  const out: WorkflowButton[] = [];
  if (state === 'draft' && (role === 'agency_officer' || role === 'admin')) out.push('submit');
  if (state === 'submitted' && (role === 'inspector' || role === 'admin')) out.push('start-appraisal');
  if (state === 'under_appraisal' && (role === 'inspector' || role === 'admin')) out.push('finish-appraisal');
  if (state === 'appraised' && role === 'admin') out.push('publish');
  if (state !== 'draft' && role === 'admin') out.push('reopen');
  return out;
}

/** Whether the role edits self-scores and evidence (a draft, the agency or an admin). */
export const canSelfScore = (state: ScorecardState, role: Role): boolean =>
  state === 'draft' && (role === 'agency_officer' || role === 'admin');
/** Whether the role enters appraisals (under appraisal, an inspector or an admin). */
export const canAppraise = (state: ScorecardState, role: Role): boolean =>
  state === 'under_appraisal' && (role === 'inspector' || role === 'admin');
/** Whether the agency scores this source itself. */
export const selfScored = (source: string | null): boolean => source === 'self_assessed' || source === 'bonus_penalty';

export type ScoreInput = { ok: true; value: number | null } | { ok: false; reason: 'format' | 'range' };

/**
 * A score as typed: empty clears it; "2,5" and "2.5" are both 2.5 (Vietnamese writes a decimal
 * comma); at most two decimals; within [min, max].
 */
export function parseScore(text: string, max: number, min = 0): ScoreInput {
  const s = text.trim().replace(',', '.');
  if (s === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return { ok: false, reason: 'format' };
  const value = Number(s);
  if (value < min || value > max) return { ok: false, reason: 'range' };
  return { ok: true, value };
}

/** A number the way the user reads it: Vietnamese decimal comma, at most two decimals. */
export function formatNumber(n: number | null | undefined, lang: 'vi' | 'en', fixed = false): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: fixed ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(n);
}

/** "▲ 2" (moved up), "▼ 1", "=" or null when the agency was not ranked the year before. */
export function rankChangeText(change: number | null): string | null {
  if (change === null) return null;
  if (change > 0) return `▲ ${change}`;
  if (change < 0) return `▼ ${-change}`;
  return '=';
}

/** One row of a scheme tree as shown: depth from 1, whether its children add up to its maximum. */
export interface SchemeRow {
  node: SchemeNodeDoc;
  depth: number;
  leaf: boolean;
  /** Sum of the children's maxima when it differs from this node's (the server refuses such a tree). */
  childSumMismatch: number | null;
}

export function schemeRows(doc: Pick<SchemeDocument, 'areas'>): SchemeRow[] {
  const out: SchemeRow[] = [];
  const walk = (n: SchemeNodeDoc, depth: number): void => {
    const children = n.children ?? [];
    const sum = Math.round(children.reduce((s, c) => s + c.max * 100, 0)) / 100;
    out.push({
      node: n,
      depth,
      leaf: children.length === 0,
      childSumMismatch: children.length && sum !== n.max ? sum : null,
    });
    children.forEach((c) => walk(c, depth + 1));
  };
  doc.areas.forEach((a) => walk(a, 1));
  return out;
}

/** The years and levels that have schemes, newest year first, for the pickers. */
export function schemeChoices(schemes: readonly SchemeSummary[]): { years: number[]; levels: string[] } {
  return {
    years: [...new Set(schemes.map((s) => s.year))].sort((a, b) => b - a),
    levels: [...new Set(schemes.map((s) => s.levelCode))].sort(),
  };
}

/** The scheme a screen opens on: the active one of the year and level, else the newest of them. */
export function pickScheme(
  schemes: readonly SchemeSummary[],
  year: number | null,
  levelCode: string | null,
): SchemeSummary | null {
  const match = schemes.filter((s) => (year === null || s.year === year) && (!levelCode || s.levelCode === levelCode));
  return match.find((s) => s.status === 'active') ?? match[0] ?? null;
}

/** Leaves of a scorecard grouped under their area, in tree order, with the criteria in between as headings. */
export function scorecardSections(
  nodes: readonly ScorecardNode[],
): { area: ScorecardNode; rows: { node: ScorecardNode; leaf: boolean }[] }[] {
  const sections: { area: ScorecardNode; rows: { node: ScorecardNode; leaf: boolean }[] }[] = [];
  const parents = new Set(nodes.map((n) => n.parentCode).filter((c): c is string => c !== null));
  for (const n of nodes) {
    if (n.parentCode === null) sections.push({ area: n, rows: [] });
    else sections.at(-1)?.rows.push({ node: n, leaf: !parents.has(n.code) });
  }
  return sections;
}

/** Human size of a file: bytes, KB or MB with the decimal comma in Vietnamese. */
export function fileSize(bytes: number, lang: 'vi' | 'en'): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024) * 10) / 10, lang)} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, lang)} MB`;
}

/** Evidence files the server takes; the picker refuses a larger one before sending it (the type is judged by content on the server). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';
export const tooLarge = (file: { size: number }): boolean => file.size > EVIDENCE_MAX_BYTES;
