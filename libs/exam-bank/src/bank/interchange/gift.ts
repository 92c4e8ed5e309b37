import type { Difficulty, QuestionType, ScoringMode } from '../question.types.js';
import { DIFFICULTIES } from '../question.types.js';
import {
  DEFAULT_FALSE_LABEL,
  DEFAULT_TRUE_LABEL,
  TARGET_LEVELS,
  type ImportProblem,
  type LocatedDraft,
  type OptionDraft,
  type ExportedQuestion,
  type QuestionDraft,
  type TargetLevel,
} from '../domain/question-draft.js';
import { defaultScoringMode, mentionsOtherOptions, percent } from '../domain/question-rules.js';
import { joinCategoryPath, splitCategoryPath } from '../domain/topic-path.js';
import { htmlToText } from './html-text.js';

/**
 * Moodle GIFT, the subset the bank holds: multiple choice (one right answer or weighted answers)
 * and true/false, with categories, titles, text-format markers, feedback, general feedback and
 * Moodle's escapes. Essay, matching, numerical, short answer and description questions are refused
 * by name. Moodle's `[id:…]` and `[tag:…]` comments are read and written; the bank's own fields ride
 * along the same way (`[difficulty:hard] [level:commune] [scoring:proportional] [points:2]
 * [fixed-order] [labels:en]`) so that an export reads back without loss, and Moodle ignores them.
 */

// Escaped characters are swapped for private-use characters while the structure is read.
const ESCAPES: Record<string, string> = {
  '\\': '\uE000',
  '~': '\uE001',
  '=': '\uE002',
  '#': '\uE003',
  '{': '\uE004',
  '}': '\uE005',
  ':': '\uE006',
};
const NEWLINE = '\uE007';
const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([k, v]) => [v, k]));

function protect(text: string): string {
  return text
    .replace(/\\\\/g, ESCAPES['\\'])
    .replace(/\\([~=#{}:])/g, (_, c: string) => ESCAPES[c])
    .replace(/\\n/g, NEWLINE);
}

function release(text: string): string {
  return text.replace(/[\uE000-\uE007]/g, (c) => (c === NEWLINE ? '\n' : UNESCAPES[c]));
}

type TextFormat = 'html' | 'moodle' | 'plain' | 'markdown';

/** A piece of protected GIFT text → plain text: format marker honoured, line joins as spaces. */
function readText(piece: string): string {
  let s = piece.replace(/\s*\n\s*/g, ' ').trim();
  let format: TextFormat = 'moodle';
  const marker = /^\[(html|moodle|plain|markdown)\]/i.exec(s);
  if (marker) {
    format = marker[1].toLowerCase() as TextFormat;
    s = s.slice(marker[0].length).trim();
  }
  const text = release(s);
  return format === 'html'
    ? htmlToText(text)
    : text
        .split('\n')
        .map((l) => l.trim())
        .join('\n')
        .trim();
}

interface Block {
  line: number;
  comments: string[];
  lines: string[];
}

/** Blocks of lines separated by blank lines; a block whose answer braces are still open runs on. */
function blocks(source: string): Block[] {
  const out: Block[] = [];
  let cur: Block | null = null;
  let depth = 0;
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line && depth <= 0) {
      if (cur) out.push(cur);
      cur = null;
      depth = 0;
      return;
    }
    cur ??= { line: i + 1, comments: [], lines: [] };
    if (line.startsWith('//')) {
      cur.comments.push(line.slice(2));
      return;
    }
    if (!cur.lines.length) cur.line = i + 1;
    cur.lines.push(raw);
    const p = protect(raw);
    depth += (p.match(/{/g)?.length ?? 0) - (p.match(/}/g)?.length ?? 0);
  });
  if (cur) out.push(cur);
  return out.filter((b) => b.lines.length > 0);
}

export interface GiftParseResult {
  drafts: LocatedDraft[];
  problems: ImportProblem[];
}

class Refusal extends Error {}

/** Reads a GIFT file; every question it cannot take is a problem naming its line and title. */
export function parseGift(source: string): GiftParseResult {
  const drafts: LocatedDraft[] = [];
  const problems: ImportProblem[] = [];
  let category: string[] = [];
  for (const b of blocks(source)) {
    const first = b.lines[0].trim();
    if (/^\$CATEGORY:/i.test(first)) {
      category = splitCategoryPath(first.replace(/^\$CATEGORY:/i, '').trim());
      b.lines.shift();
      b.line += 1;
      if (!b.lines.some((l) => l.trim())) continue;
    }
    const text = protect(b.lines.join('\n')).trim();
    const title = /^::([\s\S]*?)::/.exec(text);
    const label = title ? release(title[1]).trim() : undefined;
    try {
      const draft = readQuestion(title ? text.slice(title[0].length) : text, b.comments, category);
      drafts.push({ draft: { ...draft, title: label ?? null }, source: { position: b.line, unit: 'line', label } });
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      problems.push({ position: b.line, unit: 'line', label, reason: e.message });
    }
  }
  return { drafts, problems };
}

function readQuestion(text: string, comments: string[], topicPath: string[]): Omit<QuestionDraft, 'title'> {
  const open = text.indexOf('{');
  if (open < 0) throw new Refusal('No answer block { … }: descriptions are not questions and are not imported');
  const close = text.indexOf('}', open);
  if (close < 0) throw new Refusal('The answer block is not closed with }');
  const before = text.slice(0, open);
  const after = text.slice(close + 1).trim();
  // Text after the answers is Moodle's "missing word" form: the blank stands where the answers were.
  const stem = after ? `${readText(before)} _____ ${readText(after)}` : readText(before);
  let body = text.slice(open + 1, close);

  let explanation: string | null = null;
  const general = body.indexOf('####');
  if (general >= 0) {
    explanation = readText(body.slice(general + 4)) || null;
    body = body.slice(0, general);
  }
  const meta = readMeta(comments);
  const trimmed = body.trim();
  if (!trimmed) throw new Refusal('Essay questions ({}) are not supported: only multiple choice and true/false');
  if (trimmed.startsWith('#'))
    throw new Refusal('Numerical questions ({#…}) are not supported: only multiple choice and true/false');

  let type: QuestionType;
  let options: OptionDraft[];
  const tf = /^(T|TRUE|F|FALSE)\s*(#|$)/i.exec(trimmed);
  if (tf) {
    type = 'true_false';
    const [, wrongFeedback, rightFeedback] = trimmed.split('#').map((p) => readText(p) || null);
    const answerTrue = tf[1].toUpperCase().startsWith('T');
    const [trueLabel, falseLabel] = meta.englishLabels ? ['True', 'False'] : [DEFAULT_TRUE_LABEL, DEFAULT_FALSE_LABEL];
    const right = rightFeedback ?? null;
    const wrong = wrongFeedback ?? null;
    options = [
      { text: trueLabel, fraction: answerTrue ? 1 : 0, feedback: answerTrue ? right : wrong },
      { text: falseLabel, fraction: answerTrue ? 0 : 1, feedback: answerTrue ? wrong : right },
    ];
  } else {
    const answers = splitAnswers(trimmed);
    if (answers.some((a) => a.text.includes('->'))) {
      throw new Refusal('Matching questions (… -> …) are not supported: only multiple choice and true/false');
    }
    if (!answers.some((a) => a.marker === '~')) {
      throw new Refusal(
        'Short-answer questions (only = answers) are not supported: only multiple choice and true/false',
      );
    }
    type = answers.some((a) => a.marker === '=') ? 'single' : 'multiple';
    options = answers.map((a) => a.option);
  }
  return {
    topicPath,
    externalId: meta.id,
    type,
    stem,
    options,
    scoringMode: meta.scoring ?? defaultScoringMode(type),
    points: meta.points ?? 1,
    // A file from elsewhere says nothing about order: keep it when options refer to each other.
    fixedOrder: meta.fromBank ? meta.fixedOrder : mentionsOtherOptions(options),
    explanation,
    difficulty: meta.difficulty ?? 'medium',
    targetLevel: meta.level,
    tags: meta.tags,
  };
}

interface Answer {
  marker: '=' | '~';
  text: string;
  option: OptionDraft;
}

function splitAnswers(body: string): Answer[] {
  const parts = body.split(/(?=[=~])/).map((p) => p.trim());
  if (parts[0] && !/^[=~]/.test(parts[0])) {
    throw new Refusal(`Text before the first answer in the answer block: "${release(parts[0]).slice(0, 40)}"`);
  }
  return parts
    .filter((p) => p.length > 0)
    .map((p) => {
      const marker = p[0] as '=' | '~';
      let rest = p.slice(1).trim();
      let fraction = marker === '=' ? 1 : 0;
      const weight = /^%(-?\d+(?:\.\d+)?)%/.exec(rest);
      if (weight) {
        fraction = Number((Number(weight[1]) / 100).toFixed(10));
        rest = rest.slice(weight[0].length);
      }
      const hash = rest.indexOf('#');
      const answerText = hash >= 0 ? rest.slice(0, hash) : rest;
      const feedback = hash >= 0 ? readText(rest.slice(hash + 1)) || null : null;
      return { marker, text: answerText, option: { text: readText(answerText), fraction, feedback } };
    });
}

interface Meta {
  id: string | null;
  tags: string[];
  difficulty: Difficulty | null;
  level: TargetLevel | null;
  scoring: ScoringMode | null;
  points: number | null;
  fixedOrder: boolean;
  englishLabels: boolean;
  /** Written by this bank's export (it always writes [scoring:…]). */
  fromBank: boolean;
}

function readMeta(comments: string[]): Meta {
  const meta: Meta = {
    id: null,
    tags: [],
    difficulty: null,
    level: null,
    scoring: null,
    points: null,
    fixedOrder: false,
    englishLabels: false,
    fromBank: false,
  };
  for (const m of comments.join('\n').matchAll(/\[([a-z-]+)(?::([^\]]*))?\]/gi)) {
    const key = m[1].toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'id' && value) meta.id = value;
    else if (key === 'tag' && value) meta.tags.push(value);
    else if (key === 'difficulty' && DIFFICULTIES.includes(value as Difficulty)) meta.difficulty = value as Difficulty;
    else if (key === 'level' && TARGET_LEVELS.includes(value as TargetLevel)) meta.level = value as TargetLevel;
    else if (key === 'scoring' && (value === 'all_or_nothing' || value === 'proportional')) {
      meta.scoring = value;
      meta.fromBank = true;
    } else if (key === 'points' && Number(value) > 0) meta.points = Number(value);
    else if (key === 'fixed-order') meta.fixedOrder = true;
    else if (key === 'labels' && value === 'en') meta.englishLabels = true;
  }
  return meta;
}

/** Moodle's qformat_gift::repchar: backslash first, then the control characters; newlines as \n. */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([#=~{}:])/g, '\\$1')
    .replace(/\r?\n/g, '\\n');
}

/** GIFT for the questions, grouped by topic with a $CATEGORY line before each group. */
export function writeGift(questions: readonly ExportedQuestion[]): string {
  const out: string[] = [];
  let category: string | null = null;
  for (const { id, draft: d } of questions) {
    const path = joinCategoryPath(d.topicPath);
    if (path !== category) {
      category = path;
      out.push(`// question: 0  name: Switch category to ${path}`, `$CATEGORY: ${path}`, '');
    }
    out.push(`// question: ${id}${d.title ? `  name: ${d.title.replace(/\s+/g, ' ')}` : ''}`);
    const meta = [
      ...(d.externalId ? [`[id:${d.externalId}]`] : []),
      ...d.tags.map((t) => `[tag:${t}]`),
      `[difficulty:${d.difficulty}]`,
      ...(d.targetLevel ? [`[level:${d.targetLevel}]`] : []),
      `[scoring:${d.scoringMode}]`,
      `[points:${d.points}]`,
      ...(d.fixedOrder ? ['[fixed-order]'] : []),
      ...(d.type === 'true_false' && d.options.some((o) => /^true$/i.test(o.text.trim())) ? ['[labels:en]'] : []),
    ];
    out.push(`// ${meta.join(' ')}`);
    const head = `${d.title ? `::${escapeGift(d.title)}::` : ''}${escapeGift(d.stem)}{`;
    const general = d.explanation ? `####${escapeGift(d.explanation)}` : '';
    if (d.type === 'true_false') {
      const right = d.options.find((o) => o.fraction > 0.5)!;
      const wrong = d.options.find((o) => o !== right)!;
      const isTrue = /^(đúng|true)$/i.test(right.text.trim());
      const fb = (o: OptionDraft): string => (o.feedback ? escapeGift(o.feedback) : '');
      const feedback = right.feedback || wrong.feedback ? `#${fb(wrong)}#${fb(right)}` : '';
      out.push(`${head}${isTrue ? 'TRUE' : 'FALSE'}${feedback}${general}}`, '');
      continue;
    }
    out.push(head);
    for (const o of d.options) {
      const marker =
        d.type === 'single' && Math.abs(o.fraction - 1) < 1e-9
          ? '='
          : o.fraction === 0
            ? '~'
            : `~%${percent(o.fraction)}%`;
      out.push(`\t${marker}${escapeGift(o.text)}${o.feedback ? `#${escapeGift(o.feedback)}` : ''}`);
    }
    if (general) out.push(`\t${general}`);
    out.push('}', '');
  }
  return out.join('\n');
}
