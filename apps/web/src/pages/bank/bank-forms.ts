import type { ImportJobShape, NumberedCandidateInput, QuestionType, TopicNodeView } from '@bank-views';

/**
 * The pure side of the bank and session screens: reading what people type (percentages with a
 * decimal comma, pasted candidate lists, local date-times) and the live checks the editor shows
 * before the server has its say. No DOM, no React: each function has a table-driven spec.
 */

/** An option as the editor holds it: the weight as typed, in percent. */
export interface OptionRow {
  text: string;
  percent: string;
  feedback: string;
}

/** "33,333", "33.333", " -100 " → the number; anything else (or empty) → null. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** A fraction as the percent people read: at most five decimals, the language's decimal mark. */
export function formatPercent(fraction: number, lang: 'vi' | 'en' = 'vi'): string {
  const s = String(Math.round(fraction * 100 * 100000) / 100000);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

export type FractionProblem =
  | 'badPercent'
  | 'outOfRange'
  | 'tooFewOptions'
  | 'emptyOption'
  | 'singleNeedsOneFull'
  | 'multipleSum'
  | 'trueFalseShape';

/** Tolerance of the sum of a multiple-answer question's right options (Moodle's 3 × 33.33333 %). */
const SUM_TOLERANCE = 0.1;

/**
 * The same rules the server checks (libs/exam-bank bank/domain/question-rules.ts), so the editor
 * can say what is wrong while typing; the server still decides.
 */
export function optionProblems(type: QuestionType, rows: readonly OptionRow[]): FractionProblem[] {
  const out = new Set<FractionProblem>();
  const percents = rows.map((r) => parsePercent(r.percent));
  if (rows.length < 2) out.add('tooFewOptions');
  if (rows.some((r) => r.text.trim() === '')) out.add('emptyOption');
  if (percents.some((p) => p === null)) out.add('badPercent');
  const ps = percents.filter((p): p is number => p !== null);
  if (ps.some((p) => p < -100 || p > 100)) out.add('outOfRange');
  if (type === 'single' && ps.filter((p) => p === 100).length !== 1) out.add('singleNeedsOneFull');
  if (type === 'multiple') {
    const sum = ps.filter((p) => p > 0).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > SUM_TOLERANCE) out.add('multipleSum');
  }
  if (type === 'true_false') {
    const sorted = [...ps].sort((a, b) => a - b);
    if (rows.length !== 2 || sorted.length !== 2 || sorted[0] !== 0 || sorted[1] !== 100) out.add('trueFalseShape');
  }
  return [...out];
}

/** The sum of the positive weights, in percent (what "the right options share 100 %" means). */
export const rightShare = (rows: readonly OptionRow[]): number =>
  rows.map((r) => parsePercent(r.percent) ?? 0).reduce((a, p) => (p > 0 ? a + p : a), 0);

/** What the option list becomes when the type changes: true/false has its two fixed options. */
export function optionsForType(type: QuestionType, rows: readonly OptionRow[]): OptionRow[] {
  if (type === 'true_false') {
    const trueRight = (parsePercent(rows[0]?.percent ?? '') ?? 100) > 0;
    return [
      { text: 'Đúng', percent: trueRight ? '100' : '0', feedback: rows[0]?.feedback ?? '' },
      { text: 'Sai', percent: trueRight ? '0' : '100', feedback: rows[1]?.feedback ?? '' },
    ];
  }
  return rows.length >= 2 ? [...rows] : [...rows, ...blankOptions(2 - rows.length)];
}

export const blankOptions = (n: number): OptionRow[] =>
  Array.from({ length: n }, () => ({ text: '', percent: '0', feedback: '' }));

/** Letters the candidate sees beside the options: A, B, … Z, then AA. */
export const optionLetter = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : optionLetter(Math.floor(i / 26) - 1) + optionLetter(i % 26);

/** "tag1; tag2, tag3" → ["tag1", "tag2", "tag3"], trimmed, empty and repeated ones dropped. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[;,]/)) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

// ── candidates ─────────────────────────────────────────────────────────────────────────────────

/** The server's rule for a candidate number (số báo danh). */
const CANDIDATE_NUMBER = /^[\p{L}\p{N}._-]{1,32}$/u;

export interface CandidateLineProblem {
  line: number;
  reason: 'badNumber' | 'noName' | 'repeated';
  text: string;
}

/**
 * A candidate list pasted from a spreadsheet or typed: one candidate a line, the number then the
 * full name, separated by a tab, a comma or a semicolon. Blank lines and a header line ("Số báo
 * danh …", "SBD …") are skipped; each bad line is named, so nothing is sent until all are right.
 */
export function parseCandidateList(text: string): {
  candidates: NumberedCandidateInput[];
  problems: CandidateLineProblem[];
} {
  const candidates: NumberedCandidateInput[] = [];
  const problems: CandidateLineProblem[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    if (candidates.length === 0 && problems.length === 0 && /^(s[ốo] b[áa]o danh|sbd)\b/i.test(trimmed)) return;
    const sep = trimmed.includes('\t') ? '\t' : trimmed.includes(';') ? ';' : ',';
    const [number = '', ...rest] = trimmed.split(sep);
    const candidateNumber = number.trim();
    const fullName = rest
      .join(sep === '\t' ? ' ' : sep)
      .trim()
      .replace(/\s+/g, ' ');
    if (!CANDIDATE_NUMBER.test(candidateNumber)) return problems.push({ line, reason: 'badNumber', text: trimmed });
    if (!fullName) return problems.push({ line, reason: 'noName', text: trimmed });
    const key = candidateNumber.toUpperCase();
    if (seen.has(key)) return problems.push({ line, reason: 'repeated', text: trimmed });
    seen.set(key, line);
    candidates.push({ candidateNumber, fullName });
  });
  return { candidates, problems };
}

// ── times ──────────────────────────────────────────────────────────────────────────────────────

const pad = (n: number): string => String(n).padStart(2, '0');

/** A time as an <input type="datetime-local"> shows it, in the browser's time zone. */
export function toLocalInput(time: Date | string): string {
  const d = typeof time === 'string' ? new Date(time) : time;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input (local time) as an ISO instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

// ── import and topics ──────────────────────────────────────────────────────────────────────────

/** How far an import job is, 0–100 (a finished job is 100 whatever it counted). */
export function importPercent(job: Pick<ImportJobShape, 'state' | 'processed' | 'total'>): number {
  if (job.state !== 'running') return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.floor((job.processed / job.total) * 100));
}

/** The topic tree as a flat list in display order with each topic's depth (for indented pickers). */
export function flattenTopics(
  nodes: readonly TopicNodeView[],
  level = 0,
): { id: number; name: string; level: number; path: string[] }[] {
  return nodes.flatMap((n) => [
    { id: n.id, name: n.name, level, path: n.path },
    ...flattenTopics(n.children, level + 1),
  ]);
}

/** Questions in a topic and all its sub-topics. */
export const subtreeCount = (n: TopicNodeView): number =>
  n.questionCount + n.children.reduce((s, c) => s + subtreeCount(c), 0);

/** Questions a template part shows: the drawn counts plus the fixed lists. */
export const partCount = (rules: readonly { count?: number; questionIds?: number[] }[]): number =>
  rules.reduce((n, r) => n + (r.questionIds?.length ?? r.count ?? 0), 0);

/** "12, 15 16;20" → [12, 15, 16, 20]; null when anything is not a positive whole number. */
export function parseIdList(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.some((p) => !/^[1-9]\d*$/.test(p))) return null;
  return parts.map(Number);
}
