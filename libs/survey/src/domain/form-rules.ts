/**
 * A survey form as data: sections of questions on a 1–5 satisfaction scale, single choice, or a
 * short comment. The rules that a form definition and a respondent's answers must keep.
 */
export type SurveyQuestionType = 'scale_1_5' | 'single_choice' | 'comment';
export const QUESTION_TYPES: readonly SurveyQuestionType[] = ['scale_1_5', 'single_choice', 'comment'];

export const COMMENT_MAX_LENGTH = 1000;
const KEY = /^[A-Za-z0-9._-]{1,64}$/;

export interface ChoiceOption {
  key: string;
  label: string;
}

export interface QuestionDraft {
  /** Stable across versions: results and index criteria name questions by key. */
  key: string;
  type: SurveyQuestionType;
  text: string;
  options?: ChoiceOption[];
  required?: boolean;
  /** Comments only; at most COMMENT_MAX_LENGTH. */
  maxLength?: number;
}

export interface SectionDraft {
  key: string;
  title: string;
  questions: QuestionDraft[];
}

export interface FormDraft {
  title: string;
  description?: string | null;
  /** Scale answers ≥ this count as satisfied (default 4). */
  satisfiedMin?: number;
  sections: SectionDraft[];
}

/** Every problem of a form definition; empty when it can be saved. */
export function formProblems(form: FormDraft): string[] {
  const problems: string[] = [];
  if (!form.title?.trim()) problems.push('the form needs a title');
  const min = form.satisfiedMin ?? 4;
  if (!Number.isInteger(min) || min < 2 || min > 5) problems.push('satisfiedMin must be a whole number 2–5');
  if (!form.sections?.length) problems.push('the form needs at least one section');
  const sectionKeys = new Set<string>();
  const questionKeys = new Set<string>();
  let scales = 0;
  for (const [si, s] of (form.sections ?? []).entries()) {
    const where = `section ${si + 1}`;
    if (!KEY.test(s.key ?? '')) problems.push(`${where}: the key may only use letters, digits, . - _ (1–64)`);
    else if (sectionKeys.has(s.key)) problems.push(`${where}: the key "${s.key}" is used twice`);
    sectionKeys.add(s.key);
    if (!s.title?.trim()) problems.push(`${where}: the section needs a title`);
    if (!s.questions?.length) problems.push(`${where}: the section needs at least one question`);
    for (const [qi, q] of (s.questions ?? []).entries()) {
      const at = `${where}, question ${qi + 1}`;
      if (!KEY.test(q.key ?? '')) problems.push(`${at}: the key may only use letters, digits, . - _ (1–64)`);
      else if (questionKeys.has(q.key)) problems.push(`${at}: the key "${q.key}" is used twice in the form`);
      questionKeys.add(q.key);
      if (!q.text?.trim()) problems.push(`${at}: the question needs a text`);
      if (!QUESTION_TYPES.includes(q.type))
        problems.push(`${at}: the type must be scale_1_5, single_choice or comment`);
      if (q.type === 'scale_1_5') scales += 1;
      if (q.type === 'single_choice') {
        const opts = q.options ?? [];
        if (opts.length < 2) problems.push(`${at}: a single choice needs at least two options`);
        if (new Set(opts.map((o) => o.key)).size !== opts.length) problems.push(`${at}: option keys must differ`);
        if (opts.some((o) => !KEY.test(o.key ?? '') || !o.label?.trim()))
          problems.push(`${at}: every option needs a key and a label`);
      } else if (q.options?.length) problems.push(`${at}: only a single choice has options`);
      if (
        q.maxLength !== undefined &&
        (q.type !== 'comment' || !Number.isInteger(q.maxLength) || q.maxLength < 1 || q.maxLength > COMMENT_MAX_LENGTH)
      ) {
        problems.push(`${at}: maxLength is for comments, 1–${COMMENT_MAX_LENGTH}`);
      }
    }
  }
  if (form.sections?.length && scales === 0) problems.push('the form needs at least one scale_1_5 question');
  return problems;
}

/** One answer as the respondent sends it. */
export interface AnswerInput {
  questionKey: string;
  /** scale_1_5: 1..5 */
  value?: number;
  /** single_choice: an option key */
  choice?: string;
  /** comment */
  text?: string;
}

/** A question of a stored version, as the answer check needs it. */
export interface FormQuestion {
  id: number;
  key: string;
  sectionKey: string;
  type: SurveyQuestionType;
  options: ChoiceOption[];
  required: boolean;
  maxLength: number | null;
}

export interface CheckedAnswer {
  questionId: number;
  questionKey: string;
  sectionKey: string;
  type: SurveyQuestionType;
  value: number | null;
  choice: string | null;
  text: string | null;
}

/**
 * Checks every answer against the form version: known question, one answer each, the right kind
 * of value, required questions answered. Blank comments are dropped, not stored.
 */
export function checkAnswers(
  questions: readonly FormQuestion[],
  answers: readonly AnswerInput[],
): { answers: CheckedAnswer[]; problems: string[] } {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const seen = new Set<string>();
  const problems: string[] = [];
  const out: CheckedAnswer[] = [];
  for (const a of answers) {
    const q = byKey.get(a.questionKey);
    if (!q) {
      problems.push(`${a.questionKey}: no such question in this form`);
      continue;
    }
    if (seen.has(q.key)) {
      problems.push(`${q.key}: answered twice`);
      continue;
    }
    seen.add(q.key);
    const base = {
      questionId: q.id,
      questionKey: q.key,
      sectionKey: q.sectionKey,
      type: q.type,
      value: null,
      choice: null,
      text: null,
    };
    const extra = (['value', 'choice', 'text'] as const).filter((f) => a[f] !== undefined && a[f] !== null);
    if (q.type === 'scale_1_5') {
      if (!Number.isInteger(a.value) || a.value! < 1 || a.value! > 5)
        problems.push(`${q.key}: choose a value from 1 to 5`);
      else if (extra.length > 1) problems.push(`${q.key}: a scale answer takes only a value`);
      else out.push({ ...base, value: a.value! });
    } else if (q.type === 'single_choice') {
      if (!q.options.some((o) => o.key === a.choice)) problems.push(`${q.key}: choose one of the listed options`);
      else if (extra.length > 1) problems.push(`${q.key}: a choice answer takes only a choice`);
      else out.push({ ...base, choice: a.choice! });
    } else {
      const text = typeof a.text === 'string' ? a.text.trim() : null;
      const max = q.maxLength ?? COMMENT_MAX_LENGTH;
      if (text === null || extra.length > 1) problems.push(`${q.key}: a comment takes only a text`);
      else if ([...text].length > max) problems.push(`${q.key}: the comment is longer than ${max} characters`);
      else if (text) out.push({ ...base, text });
    }
  }
  for (const q of questions) {
    if (q.required && !out.some((a) => a.questionId === q.id) && !problems.some((p) => p.startsWith(`${q.key}:`))) {
      problems.push(`${q.key}: this question needs an answer`);
    }
  }
  if (!problems.length && !out.some((a) => a.type === 'scale_1_5'))
    problems.push('answer at least one rating question');
  return { answers: problems.length ? [] : out, problems };
}

/** Who answered, when they say. */
export type RespondentType = 'citizen' | 'organisation';
export const RESPONDENT_TYPES: readonly RespondentType[] = ['citizen', 'organisation'];
