import type { QuestionOption, QuestionType, ScoringMode } from '../question.types.js';
import { DIFFICULTIES, QUESTION_TYPES } from '../question.types.js';
import { TARGET_LEVELS, type OptionDraft, type QuestionContent, type QuestionDraft } from './question-draft.js';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const MAX_STEM_LENGTH = 10_000;
export const MAX_OPTION_LENGTH = 2_000;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 64;
/** Moodle writes thirds as 33.33333 %: three of them add up to 99.99999 %. */
export const FRACTION_TOLERANCE = 0.001;

const near = (a: number, b: number): boolean => Math.abs(a - b) <= FRACTION_TOLERANCE;
const label = (text: string): string => text.normalize('NFC').trim().toLowerCase();

/** Single choice and true/false have one right option; multiple choice is proportional, as in Moodle. */
export function defaultScoringMode(type: QuestionType): ScoringMode {
  return type === 'multiple' ? 'proportional' : 'all_or_nothing';
}

/**
 * Every reason the content cannot be saved, in words a person can act on; [] when it is valid.
 * single: exactly one option worth the whole mark (others may be partial or negative, as Moodle allows);
 * multiple: the positive weights add up to 100 %, negative weights allowed down to -100 %;
 * true_false: exactly the two options Đúng / Sai (or True / False), one of them right.
 */
export function contentProblems(c: QuestionContent): string[] {
  const problems: string[] = [];
  if (!QUESTION_TYPES.includes(c.type)) return [`Unknown question type "${c.type}"`];
  if (!c.stem || !c.stem.trim()) problems.push('The question text is empty');
  else if (c.stem.length > MAX_STEM_LENGTH)
    problems.push(`The question text is longer than ${MAX_STEM_LENGTH} characters`);
  if (c.options.length < MIN_OPTIONS) problems.push(`A question needs at least ${MIN_OPTIONS} options`);
  if (c.options.length > MAX_OPTIONS) problems.push(`A question may have at most ${MAX_OPTIONS} options`);
  c.options.forEach((o, i) => {
    const name = `Option ${optionLetter(i)}`;
    if (!o.text || !o.text.trim()) problems.push(`${name} is empty`);
    else if (o.text.length > MAX_OPTION_LENGTH) problems.push(`${name} is longer than ${MAX_OPTION_LENGTH} characters`);
    if (!Number.isFinite(o.fraction) || o.fraction < -1 - 1e-9 || o.fraction > 1 + 1e-9) {
      problems.push(`${name} has a weight outside -100 %…100 %`);
    }
  });
  if (!(c.points > 0) || !Number.isFinite(c.points)) problems.push('Points must be a positive number');
  if (c.scoringMode !== 'all_or_nothing' && c.scoringMode !== 'proportional') {
    problems.push(`Unknown scoring mode "${String(c.scoringMode)}"`);
  }
  if (problems.some((p) => p.includes('weight'))) return problems;

  const right = c.options.filter((o) => near(o.fraction, 1));
  if (c.type === 'single') {
    if (right.length !== 1) {
      problems.push(`A single-choice question needs exactly one right option (100 %); it has ${right.length}`);
    }
  } else if (c.type === 'multiple') {
    const positive = c.options.filter((o) => o.fraction > 0);
    const sum = positive.reduce((s, o) => s + o.fraction, 0);
    if (positive.length === 0) problems.push('A multiple-choice question needs at least one right option');
    else if (!near(sum, 1)) {
      problems.push(
        `The positive weights of a multiple-choice question must add up to 100 %; they add up to ${percent(sum)} %`,
      );
    }
  } else {
    const labels = c.options.map((o) => label(o.text));
    const pair =
      c.options.length === 2 &&
      ((labels.includes('đúng') && labels.includes('sai')) || (labels.includes('true') && labels.includes('false')));
    if (!pair)
      problems.push('A true/false question has exactly the two options "Đúng" and "Sai" (or "True" and "False")');
    else if (right.length !== 1 || !c.options.every((o) => near(o.fraction, 1) || near(o.fraction, 0))) {
      problems.push('A true/false question has exactly one right option (100 %) and the other at 0 %');
    }
  }
  return problems;
}

/** Content problems plus the question's own fields (difficulty, level, tags, title, id). */
export function draftProblems(d: QuestionDraft): string[] {
  const problems = contentProblems(d);
  if (!DIFFICULTIES.includes(d.difficulty)) {
    problems.push(`Unknown difficulty "${String(d.difficulty)}" (easy, medium or hard)`);
  }
  if (d.targetLevel !== null && !TARGET_LEVELS.includes(d.targetLevel)) {
    problems.push(`Unknown target level "${String(d.targetLevel)}" (province, district or commune)`);
  }
  if (d.tags.length > MAX_TAGS) problems.push(`A question may have at most ${MAX_TAGS} tags`);
  for (const t of d.tags) {
    if (!t.trim()) problems.push('A tag is empty');
    else if (t.length > MAX_TAG_LENGTH)
      problems.push(`The tag "${t.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters`);
  }
  if (d.title !== null && d.title.length > 255) problems.push('The title is longer than 255 characters');
  if (d.externalId !== null && d.externalId.length > 100)
    problems.push('The external id is longer than 100 characters');
  for (const part of d.topicPath) {
    if (!part.trim()) problems.push('The topic path has an empty part');
    else if (part.length > 255) problems.push('A topic name is longer than 255 characters');
  }
  return problems;
}

/** A, B, … Z, then AA, AB … (spreadsheet style). */
export function optionLetter(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** The stored options of a version: keys a, b, c … by position, texts trimmed, feedback kept when set. */
export function toStoredOptions(options: readonly OptionDraft[]): QuestionOption[] {
  return options.map((o, i) => {
    const stored: QuestionOption = { key: optionLetter(i).toLowerCase(), text: o.text.trim(), fraction: o.fraction };
    const feedback = o.feedback?.trim();
    if (feedback) stored.feedback = feedback;
    return stored;
  });
}

/** Whether two contents differ in anything a candidate sees or the grading uses. */
export function contentDiffers(a: QuestionContent, b: QuestionContent): boolean {
  const norm = (c: QuestionContent): string =>
    JSON.stringify([
      c.type,
      c.stem.trim(),
      c.options.map((o) => [o.text.trim(), o.fraction, o.feedback?.trim() || null]),
      c.scoringMode,
      c.points,
      c.fixedOrder,
      c.explanation?.trim() || null,
    ]);
  return norm(a) !== norm(b);
}

export type EditDecision = 'unchanged' | 'in_place' | 'new_version';

/**
 * The versioning rule: a version any attempt has shown is frozen, so changing its content makes a
 * new version; a version never shown is corrected in place.
 */
export function decideEdit(currentUsed: boolean, changed: boolean): EditDecision {
  if (!changed) return 'unchanged';
  return currentUsed ? 'new_version' : 'in_place';
}

export const percent = (fraction: number): string => String(Math.round(fraction * 100 * 100000) / 100000);

/**
 * Whether an option names other options by letter ("Cả A, B, C đều đúng", "A và B", "Tất cả các
 * phương án trên"): shuffling would break it, so an import without its own setting keeps the order.
 */
export function mentionsOtherOptions(options: readonly OptionDraft[]): boolean {
  return options.some(
    (o) =>
      /(^|[\s(])[A-H]\s*(,|và|hoặc|\+|&)\s*[A-H]\b/u.test(o.text) ||
      /(^|\s)(cả|tất cả)\s+((hai|ba|bốn|các)\s+)?(phương án|đáp án|câu|ý)\s+(trên|đều|nêu trên)/iu.test(o.text),
  );
}

/** True/false options are kept "Đúng" (or "True") first, so every format writes them the same way. */
export function canonicalOptions(type: QuestionType, options: readonly OptionDraft[]): OptionDraft[] {
  if (type !== 'true_false' || options.length !== 2) return [...options];
  const first = options[0].text.normalize('NFC').trim().toLowerCase();
  return first === 'sai' || first === 'false' ? [options[1], options[0]] : [...options];
}
