import type { Difficulty, QuestionStatus, QuestionType, ScoringMode } from '../question.types.js';

/** The agency levels a question may be written for; null on a question means any level. */
export type TargetLevel = 'province' | 'district' | 'commune';
export const TARGET_LEVELS: readonly TargetLevel[] = ['province', 'district', 'commune'];

/** One option as written by a person or a file, before it gets its key. */
export interface OptionDraft {
  text: string;
  /** Moodle's weight in [-1, 1]: 1 = the whole mark. */
  fraction: number;
  feedback?: string | null;
}

/** What a question version holds: editing any of it is an edit of the question's content. */
export interface QuestionContent {
  type: QuestionType;
  stem: string;
  options: OptionDraft[];
  scoringMode: ScoringMode;
  points: number;
  fixedOrder: boolean;
  explanation: string | null;
}

/**
 * The neutral form of one question, between every way in (API, Excel, CSV, GIFT, Moodle XML) and
 * every way out. `topicPath` is relative to the topic an import is placed under ([] = that topic).
 */
export interface QuestionDraft extends QuestionContent {
  topicPath: string[];
  title: string | null;
  externalId: string | null;
  difficulty: Difficulty;
  targetLevel: TargetLevel | null;
  tags: string[];
  /** Only when the source says so (the API); imports take the status chosen for the whole file. */
  status?: QuestionStatus;
}

/** Where a draft came from in a file, to name it in error reports: "line 12 (::Q7::)". */
export interface DraftSource {
  /** 1-based line (GIFT), row (CSV, Excel) or question number (Moodle XML). */
  position: number;
  unit: 'line' | 'row' | 'question';
  label?: string;
}

export interface LocatedDraft {
  draft: QuestionDraft;
  source: DraftSource;
}

/** A file item that could not be read as a question, or a question that breaks a rule. */
export interface ImportProblem {
  position: number;
  unit: DraftSource['unit'];
  label?: string;
  reason: string;
}

/** A stored question on its way out to a file. */
export interface ExportedQuestion {
  id: number;
  draft: QuestionDraft;
}

export function describeSource(s: DraftSource): string {
  return `${s.unit} ${s.position}${s.label ? ` (${s.label})` : ''}`;
}

export const DEFAULT_TRUE_LABEL = 'Đúng';
export const DEFAULT_FALSE_LABEL = 'Sai';
