import type { Difficulty, QuestionType, ScoringMode } from '../question.types.js';
import {
  DEFAULT_FALSE_LABEL,
  DEFAULT_TRUE_LABEL,
  type ExportedQuestion,
  type ImportProblem,
  type LocatedDraft,
  type OptionDraft,
  type QuestionDraft,
  type TargetLevel,
} from '../domain/question-draft.js';
import { normalizeText } from '../domain/normalize-text.js';
import { defaultScoringMode, mentionsOtherOptions, optionLetter, percent } from '../domain/question-rules.js';
import { joinDisplayPath, splitDisplayPath } from '../domain/topic-path.js';

/**
 * The spreadsheet layout shared by the Excel template and CSV: one question per row, Vietnamese
 * column headers (matched without regard to case or accents, English names accepted too), as many
 * "Phương án X" / "Phản hồi X" columns as the widest question needs (A–F in the template).
 */
export const COLUMN = {
  id: 'Mã',
  title: 'Tiêu đề',
  topic: 'Chủ đề',
  type: 'Loại',
  stem: 'Câu hỏi',
  correct: 'Đáp án đúng',
  weights: 'Trọng số (%)',
  scoring: 'Chấm điểm',
  points: 'Điểm',
  fixedOrder: 'Giữ thứ tự',
  difficulty: 'Độ khó',
  level: 'Cấp',
  tags: 'Thẻ',
  explanation: 'Giải thích',
} as const;
type Field = keyof typeof COLUMN;
export const OPTION_PREFIX = 'Phương án';
export const FEEDBACK_PREFIX = 'Phản hồi';
export const TEMPLATE_OPTION_COUNT = 6;

const ENGLISH: Record<Field, string> = {
  id: 'id',
  title: 'title',
  topic: 'topic',
  type: 'type',
  stem: 'question',
  correct: 'correct',
  weights: 'weights',
  scoring: 'scoring',
  points: 'points',
  fixedOrder: 'fixed order',
  difficulty: 'difficulty',
  level: 'level',
  tags: 'tags',
  explanation: 'explanation',
};

/** Words accepted in the cells (normalised), and the word written for each value. */
const TYPE_WORDS: Record<string, QuestionType> = {
  'mot dap an': 'single',
  'mot lua chon': 'single',
  single: 'single',
  'nhieu dap an': 'multiple',
  'nhieu lua chon': 'multiple',
  multiple: 'multiple',
  'dung/sai': 'true_false',
  'dung sai': 'true_false',
  'true/false': 'true_false',
  true_false: 'true_false',
};
const TYPE_LABEL: Record<QuestionType, string> = {
  single: 'Một đáp án',
  multiple: 'Nhiều đáp án',
  true_false: 'Đúng/Sai',
};
const DIFFICULTY_WORDS: Record<string, Difficulty> = {
  de: 'easy',
  easy: 'easy',
  'trung binh': 'medium',
  medium: 'medium',
  kho: 'hard',
  hard: 'hard',
};
const DIFFICULTY_LABEL: Record<Difficulty, string> = { easy: 'Dễ', medium: 'Trung bình', hard: 'Khó' };
const LEVEL_WORDS: Record<string, TargetLevel> = {
  tinh: 'province',
  'cap tinh': 'province',
  province: 'province',
  huyen: 'district',
  'cap huyen': 'district',
  district: 'district',
  xa: 'commune',
  'cap xa': 'commune',
  commune: 'commune',
};
const LEVEL_LABEL: Record<TargetLevel, string> = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' };
const SCORING_WORDS: Record<string, ScoringMode> = {
  'tat ca hoac khong': 'all_or_nothing',
  all_or_nothing: 'all_or_nothing',
  'theo ti le': 'proportional',
  'theo ty le': 'proportional',
  proportional: 'proportional',
};
const SCORING_LABEL: Record<ScoringMode, string> = { all_or_nothing: 'Tất cả hoặc không', proportional: 'Theo tỉ lệ' };
const YES = ['co', 'x', 'yes', 'true', '1'];
const NO = ['khong', 'no', 'false', '0'];

export const ALLOWED_VALUES = {
  type: Object.values(TYPE_LABEL),
  difficulty: Object.values(DIFFICULTY_LABEL),
  level: Object.values(LEVEL_LABEL),
  scoring: Object.values(SCORING_LABEL),
};

/** The header row of the template and of an export with `optionCount` options. */
export function tableHeader(optionCount = TEMPLATE_OPTION_COUNT): string[] {
  const letters = Array.from({ length: optionCount }, (_, i) => optionLetter(i));
  return [
    COLUMN.id,
    COLUMN.title,
    COLUMN.topic,
    COLUMN.type,
    COLUMN.stem,
    ...letters.map((l) => `${OPTION_PREFIX} ${l}`),
    COLUMN.correct,
    COLUMN.weights,
    COLUMN.scoring,
    COLUMN.points,
    COLUMN.fixedOrder,
    COLUMN.difficulty,
    COLUMN.level,
    COLUMN.tags,
    COLUMN.explanation,
    ...letters.map((l) => `${FEEDBACK_PREFIX} ${l}`),
  ];
}

type ColumnRef = { field: Field } | { option: number } | { feedback: number };

function columnOf(header: string): ColumnRef | null {
  const h = normalizeText(header);
  for (const [field, name] of Object.entries(COLUMN) as [Field, string][]) {
    if (h === normalizeText(name) || h === ENGLISH[field]) return { field };
  }
  const m = /^(phuong an|option|phan hoi|feedback) ([a-z]{1,2})$/.exec(h);
  if (!m) return null;
  const letters = m[2].toUpperCase();
  const index =
    letters.length === 1 ? letters.charCodeAt(0) - 65 : (letters.charCodeAt(0) - 64) * 26 + letters.charCodeAt(1) - 65;
  return m[1] === 'phuong an' || m[1] === 'option' ? { option: index } : { feedback: index };
}

export interface TableRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  cells: string[];
}

export interface TableParseResult {
  drafts: LocatedDraft[];
  problems: ImportProblem[];
}

/** Rows of a sheet → drafts; a row that cannot be read is a problem naming its row number. */
export function rowsToDrafts(header: string[], rows: TableRow[]): TableParseResult {
  const problems: ImportProblem[] = [];
  const refs = header.map((h) => (h.trim() ? columnOf(h) : null));
  header.forEach((h, i) => {
    if (h.trim() && !refs[i]) problems.push({ position: 1, unit: 'row', reason: `Unknown column "${h.trim()}"` });
  });
  const has = (f: Field): boolean => refs.some((r) => r && 'field' in r && r.field === f);
  if (!has('stem')) problems.push({ position: 1, unit: 'row', reason: `The column "${COLUMN.stem}" is missing` });
  if (!has('correct')) problems.push({ position: 1, unit: 'row', reason: `The column "${COLUMN.correct}" is missing` });
  if (problems.length) return { drafts: [], problems };

  const drafts: LocatedDraft[] = [];
  for (const { row, cells } of rows) {
    if (cells.every((c) => !c.trim())) continue;
    const get: Partial<Record<Field, string>> = {};
    const options: string[] = [];
    const feedback: string[] = [];
    refs.forEach((ref, i) => {
      const value = (cells[i] ?? '').trim();
      if (!ref) return;
      if ('field' in ref) get[ref.field] = value;
      else if ('option' in ref) options[ref.option] = value;
      else feedback[ref.feedback] = value;
    });
    try {
      const draft = rowToDraft(get, options, feedback);
      drafts.push({ draft, source: { position: row, unit: 'row', label: get.id || undefined } });
    } catch (e) {
      if (!(e instanceof RowProblem)) throw e;
      problems.push({ position: row, unit: 'row', label: get.id || undefined, reason: e.message });
    }
  }
  return { drafts, problems };
}

class RowProblem extends Error {}

function pick<T>(words: Record<string, T>, cell: string | undefined, column: string, allowed: string[]): T | null {
  if (!cell) return null;
  const value = words[normalizeText(cell)];
  if (value === undefined) throw new RowProblem(`"${cell}" is not a value of "${column}" (${allowed.join(', ')})`);
  return value;
}

function rowToDraft(get: Partial<Record<Field, string>>, rawOptions: string[], rawFeedback: string[]): QuestionDraft {
  let last = rawOptions.length - 1;
  while (last >= 0 && !rawOptions[last]) last--;
  const texts = Array.from({ length: last + 1 }, (_, i) => rawOptions[i] ?? '');
  let type = pick(TYPE_WORDS, get.type, COLUMN.type, ALLOWED_VALUES.type);
  const trueFalseTexts = (ts: string[]): boolean =>
    ts.length === 2 &&
    ['dung', 'true'].includes(normalizeText(ts[0])) &&
    ['sai', 'false'].includes(normalizeText(ts[1]));
  if (type === 'true_false' && texts.length === 0) texts.push(DEFAULT_TRUE_LABEL, DEFAULT_FALSE_LABEL);

  // The right options: letters ("A", "A, C") or, for true/false, the word Đúng / Sai.
  const correctCell = get.correct ?? '';
  let right: number[];
  const word = normalizeText(correctCell);
  if ((type === 'true_false' || (!type && trueFalseTexts(texts))) && ['dung', 'sai', 'true', 'false'].includes(word)) {
    const wanted = word === 'dung' || word === 'true' ? ['dung', 'true'] : ['sai', 'false'];
    right = [texts.findIndex((t) => wanted.includes(normalizeText(t)))];
    if (right[0] < 0) throw new RowProblem(`"${COLUMN.correct}" is ${correctCell}, but no option says so`);
  } else {
    const letters = correctCell
      .split(/[\s,;]+/)
      .map((l) => l.trim().toUpperCase())
      .filter((l) => l.length > 0);
    if (!letters.length)
      throw new RowProblem(`"${COLUMN.correct}" is empty: write the letter of the right option (A, B …)`);
    right = letters.map((l) => {
      const i = /^[A-Z]$/.test(l) ? l.charCodeAt(0) - 65 : -1;
      if (i < 0 || i >= texts.length || !texts[i]) {
        throw new RowProblem(`"${COLUMN.correct}" names option ${l}, which is not filled in`);
      }
      return i;
    });
  }
  type ??= trueFalseTexts(texts) ? 'true_false' : right.length > 1 ? 'multiple' : 'single';

  let fractions = texts.map((_, i) => (right.includes(i) ? (type === 'multiple' ? 1 / right.length : 1) : 0));
  if (get.weights) {
    fractions = texts.map(() => 0);
    for (const part of get.weights
      .split(/[;\n]+/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const m = /^([A-Za-z])\s*[:=]\s*(-?\d+(?:[.,]\d+)?)\s*%?$/.exec(part);
      const i = m ? m[1].toUpperCase().charCodeAt(0) - 65 : -1;
      if (!m || i >= texts.length) throw new RowProblem(`"${part}" in "${COLUMN.weights}" is not like "A: 50"`);
      fractions[i] = Number((Number(m[2].replace(',', '.')) / 100).toFixed(10));
    }
    const weighted = fractions
      .map((f, i) => ((type === 'multiple' ? f > 0 : Math.abs(f - 1) < 1e-9) ? i : -1))
      .filter((i) => i >= 0);
    if (weighted.join() !== [...right].sort((a, b) => a - b).join()) {
      throw new RowProblem(`"${COLUMN.weights}" gives weight to other options than "${COLUMN.correct}"`);
    }
  }
  const options: OptionDraft[] = texts.map((text, i) => ({
    text,
    fraction: fractions[i],
    feedback: rawFeedback[i] || null,
  }));

  const points = get.points ? Number(get.points.replace(',', '.')) : 1;
  if (!Number.isFinite(points)) throw new RowProblem(`"${get.points}" in "${COLUMN.points}" is not a number`);
  let fixedOrder = mentionsOtherOptions(options);
  if (get.fixedOrder) {
    const v = normalizeText(get.fixedOrder);
    if (!YES.includes(v) && !NO.includes(v))
      throw new RowProblem(`"${COLUMN.fixedOrder}" is Có or Không, not "${get.fixedOrder}"`);
    fixedOrder = YES.includes(v);
  }
  return {
    topicPath: splitDisplayPath(get.topic ?? ''),
    title: get.title || null,
    externalId: get.id || null,
    type,
    stem: get.stem ?? '',
    options,
    scoringMode: pick(SCORING_WORDS, get.scoring, COLUMN.scoring, ALLOWED_VALUES.scoring) ?? defaultScoringMode(type),
    points,
    fixedOrder,
    explanation: get.explanation || null,
    difficulty: pick(DIFFICULTY_WORDS, get.difficulty, COLUMN.difficulty, ALLOWED_VALUES.difficulty) ?? 'medium',
    targetLevel: pick(LEVEL_WORDS, get.level, COLUMN.level, ALLOWED_VALUES.level),
    tags: (get.tags ?? '')
      .split(/[;,]/)
      .map((t) => t.trim())
      .filter((t) => t.length > 0),
  };
}

/** Drafts → header and rows, the reverse of rowsToDrafts. */
export function draftsToTable(questions: readonly ExportedQuestion[]): { header: string[]; rows: string[][] } {
  const width = Math.max(TEMPLATE_OPTION_COUNT, ...questions.map((q) => q.draft.options.length));
  const header = tableHeader(width);
  const rows = questions.map(({ draft: d }) => {
    const right = d.options
      .map((o, i) => (Math.abs(o.fraction - 1) < 1e-9 || (d.type === 'multiple' && o.fraction > 0) ? i : -1))
      .filter((i) => i >= 0);
    const plain = d.options.every((o, i) =>
      right.includes(i)
        ? Math.abs(o.fraction - (d.type === 'multiple' ? 1 / right.length : 1)) < 1e-9
        : o.fraction === 0,
    );
    const cells: Record<string, string> = {
      [COLUMN.id]: d.externalId ?? '',
      [COLUMN.title]: d.title ?? '',
      [COLUMN.topic]: joinDisplayPath(d.topicPath),
      [COLUMN.type]: TYPE_LABEL[d.type],
      [COLUMN.stem]: d.stem,
      [COLUMN.correct]: right.map((i) => optionLetter(i)).join(', '),
      [COLUMN.weights]: plain ? '' : d.options.map((o, i) => `${optionLetter(i)}: ${percent(o.fraction)}`).join('; '),
      [COLUMN.scoring]: SCORING_LABEL[d.scoringMode],
      [COLUMN.points]: String(d.points),
      [COLUMN.fixedOrder]: d.fixedOrder ? 'Có' : 'Không',
      [COLUMN.difficulty]: DIFFICULTY_LABEL[d.difficulty],
      [COLUMN.level]: d.targetLevel ? LEVEL_LABEL[d.targetLevel] : '',
      [COLUMN.tags]: d.tags.join('; '),
      [COLUMN.explanation]: d.explanation ?? '',
    };
    d.options.forEach((o, i) => {
      cells[`${OPTION_PREFIX} ${optionLetter(i)}`] = o.text;
      cells[`${FEEDBACK_PREFIX} ${optionLetter(i)}`] = o.feedback ?? '';
    });
    return header.map((h) => cells[h] ?? '');
  });
  return { header, rows };
}
