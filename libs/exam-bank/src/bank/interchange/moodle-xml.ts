import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Difficulty, QuestionType, ScoringMode } from '../question.types.js';
import { DIFFICULTIES } from '../question.types.js';
import {
  DEFAULT_FALSE_LABEL,
  DEFAULT_TRUE_LABEL,
  TARGET_LEVELS,
  type ExportedQuestion,
  type ImportProblem,
  type LocatedDraft,
  type OptionDraft,
  type TargetLevel,
} from '../domain/question-draft.js';
import { defaultScoringMode, percent } from '../domain/question-rules.js';
import { joinCategoryPath, splitCategoryPath } from '../domain/topic-path.js';
import { escapeXml, htmlToText } from './html-text.js';

/**
 * Moodle XML, the subset the bank holds: category entries, multichoice (one or several right
 * answers), the all-or-nothing multichoiceset plugin type, and truefalse. Other types are refused
 * by name. The bank's own fields travel in extra elements Moodle ignores (<difficulty>,
 * <targetlevel>, <scoringmode>, <truefalselabels>); tags, idnumber, defaultgrade and
 * shuffleanswers are Moodle's own.
 */

interface XmlText {
  text?: unknown;
  '@_format'?: string;
}
interface XmlAnswer extends XmlText {
  '@_fraction'?: string;
  feedback?: XmlText;
}
interface XmlQuestion {
  '@_type'?: string;
  name?: XmlText;
  questiontext?: XmlText;
  generalfeedback?: XmlText;
  category?: XmlText;
  defaultgrade?: unknown;
  idnumber?: unknown;
  single?: unknown;
  shuffleanswers?: unknown;
  answer?: XmlAnswer[];
  tags?: { tag?: XmlText[] };
  difficulty?: unknown;
  targetlevel?: unknown;
  scoringmode?: unknown;
  truefalselabels?: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  htmlEntities: false,
  isArray: (name, jpath) => jpath === 'quiz.question' || name === 'answer' || name === 'tag',
});

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The plain text of a Moodle text element, by its format. */
function readText(el: XmlText | undefined): string {
  const raw = str(el?.text);
  if ((el?.['@_format'] ?? 'html') === 'html') return htmlToText(raw);
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

const truthy = (v: unknown): boolean => ['1', 'true', 'yes'].includes(str(v).trim().toLowerCase());

/** Line of each <question> element, CDATA and comments blanked out (line breaks kept). */
function questionLines(xml: string): number[] {
  const blanked = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  for (const m of blanked.matchAll(/<question[\s>]/g)) {
    for (let i = last; i < m.index; i++) if (blanked.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

export interface XmlParseResult {
  drafts: LocatedDraft[];
  problems: ImportProblem[];
}

export function parseMoodleXml(xml: string): XmlParseResult {
  const text = xml.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return {
      drafts: [],
      problems: [{ position: valid.err.line, unit: 'line', reason: `Not well-formed XML: ${valid.err.msg}` }],
    };
  }
  const doc = parser.parse(text) as { quiz?: { question?: XmlQuestion[] } };
  if (!doc.quiz)
    return {
      drafts: [],
      problems: [{ position: 1, unit: 'line', reason: 'Not a Moodle XML file: no <quiz> element' }],
    };
  const lines = questionLines(text);
  const drafts: LocatedDraft[] = [];
  const problems: ImportProblem[] = [];
  let category: string[] = [];
  (doc.quiz.question ?? []).forEach((q, i) => {
    const type = q['@_type'] ?? '';
    if (type === 'category') {
      category = splitCategoryPath(str(q.category?.text));
      return;
    }
    const label = readText(q.name) || undefined;
    const source = { position: lines[i] ?? i + 1, unit: 'line' as const, label };
    if (type !== 'multichoice' && type !== 'multichoiceset' && type !== 'truefalse') {
      problems.push({
        ...source,
        reason: `Moodle question type "${type}" is not supported: only multichoice and truefalse`,
      });
      return;
    }
    const answers = q.answer ?? [];
    const fraction = (a: XmlAnswer): number => Number((Number(str(a['@_fraction']) || '0') / 100).toFixed(10));
    const bad = answers.findIndex((a) => !Number.isFinite(fraction(a)));
    if (bad >= 0) {
      problems.push({ ...source, reason: `Answer ${bad + 1} has a fraction that is not a number` });
      return;
    }
    let qtype: QuestionType;
    let options: OptionDraft[];
    if (type === 'truefalse') {
      qtype = 'true_false';
      const english = str(q.truefalselabels).trim() === 'en';
      const find = (word: string): XmlAnswer | undefined =>
        answers.find((a) => readText(a).toLowerCase() === word) ?? undefined;
      const t = find('true') ?? answers[0];
      const f = find('false') ?? answers[1];
      if (!t || !f || t === f) {
        problems.push({ ...source, reason: 'A truefalse question needs a "true" and a "false" answer' });
        return;
      }
      options = [
        { text: english ? 'True' : DEFAULT_TRUE_LABEL, fraction: fraction(t), feedback: readText(t.feedback) || null },
        {
          text: english ? 'False' : DEFAULT_FALSE_LABEL,
          fraction: fraction(f),
          feedback: readText(f.feedback) || null,
        },
      ];
    } else {
      qtype = type === 'multichoice' && truthy(q.single) ? 'single' : 'multiple';
      options = answers.map((a) => ({
        text: readText(a),
        fraction: fraction(a),
        feedback: readText(a.feedback) || null,
      }));
    }
    const scoring = str(q.scoringmode).trim();
    const difficulty = str(q.difficulty).trim() as Difficulty;
    const level = str(q.targetlevel).trim() as TargetLevel;
    const points = Number(str(q.defaultgrade));
    drafts.push({
      source,
      draft: {
        topicPath: category,
        title: label ?? null,
        externalId: str(q.idnumber).trim() || null,
        type: qtype,
        stem: readText(q.questiontext),
        options,
        scoringMode:
          type === 'multichoiceset'
            ? 'all_or_nothing'
            : scoring === 'all_or_nothing' || scoring === 'proportional'
              ? (scoring as ScoringMode)
              : defaultScoringMode(qtype),
        points: points > 0 ? points : 1,
        fixedOrder: q.shuffleanswers !== undefined && !truthy(q.shuffleanswers),
        explanation: readText(q.generalfeedback) || null,
        difficulty: DIFFICULTIES.includes(difficulty) ? difficulty : 'medium',
        targetLevel: TARGET_LEVELS.includes(level) ? level : null,
        tags: (q.tags?.tag ?? []).map((t) => readText({ ...t, '@_format': 'plain_text' })).filter((t) => t.length > 0),
      },
    });
  });
  return { drafts, problems };
}

const textEl = (tag: string, value: string | null, indent: string): string =>
  `${indent}<${tag} format="plain_text">\n${indent}  <text>${escapeXml(value ?? '')}</text>\n${indent}</${tag}>`;

/** Moodle XML for the questions, with a category entry before each topic's questions. */
export function writeMoodleXml(questions: readonly ExportedQuestion[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let category: string | null = null;
  for (const { id, draft: d } of questions) {
    const path = joinCategoryPath(d.topicPath);
    if (path !== category) {
      category = path;
      out.push(
        '<!-- question: 0  -->',
        '  <question type="category">',
        '    <category>',
        `      <text>${escapeXml(path)}</text>`,
        '    </category>',
        '  </question>',
      );
    }
    const tf = d.type === 'true_false';
    out.push(
      `<!-- question: ${id}  -->`,
      `  <question type="${tf ? 'truefalse' : 'multichoice'}">`,
      `    <name>\n      <text>${escapeXml(d.title ?? '')}</text>\n    </name>`,
      textEl('questiontext', d.stem, '    '),
      textEl('generalfeedback', d.explanation, '    '),
      `    <defaultgrade>${d.points}</defaultgrade>`,
      '    <penalty>0</penalty>',
      '    <hidden>0</hidden>',
      `    <idnumber>${escapeXml(d.externalId ?? '')}</idnumber>`,
    );
    if (!tf) {
      out.push(
        `    <single>${d.type === 'single' ? 'true' : 'false'}</single>`,
        '    <answernumbering>ABCD</answernumbering>',
      );
    }
    out.push(`    <shuffleanswers>${d.fixedOrder ? 'false' : 'true'}</shuffleanswers>`);
    for (const o of d.options) {
      const text = tf ? (/^(đúng|true)$/i.test(o.text.trim()) ? 'true' : 'false') : o.text;
      out.push(
        `    <answer fraction="${percent(o.fraction)}" format="${tf ? 'moodle_auto_format' : 'plain_text'}">`,
        `      <text>${escapeXml(text)}</text>`,
        textEl('feedback', o.feedback ?? null, '      '),
        '    </answer>',
      );
    }
    if (d.tags.length) {
      out.push('    <tags>', ...d.tags.map((t) => `      <tag><text>${escapeXml(t)}</text></tag>`), '    </tags>');
    }
    out.push(`    <difficulty>${d.difficulty}</difficulty>`, `    <scoringmode>${d.scoringMode}</scoringmode>`);
    if (d.targetLevel) out.push(`    <targetlevel>${d.targetLevel}</targetlevel>`);
    if (tf && d.options.some((o) => /^true$/i.test(o.text.trim())))
      out.push('    <truefalselabels>en</truefalselabels>');
    out.push('  </question>');
  }
  out.push('</quiz>', '');
  return out.join('\n');
}
