import type { TargetLevel } from '../bank/domain/question-draft.js';
import type { Difficulty, QuestionOption, QuestionStatus, QuestionType, ScoringMode } from '../bank/question.types.js';
import type { ItemStatistics, TestStatistics } from '../analysis/item-analysis.js';
import type {
  Navigation,
  ReviewShows,
  ReviewWhen,
  SessionPurpose,
  SessionSettings,
  TemplatePart,
  TieBreak,
} from '../testing/testing.types.js';

/**
 * What the staff screens (question bank, templates, sessions, results) receive and send, shared by
 * the server and the web UI (apps/web imports this file as `@bank-views`): keep it free of Nest
 * and TypeORM imports. The server's DTO classes and entities `implements` these shapes, so a field
 * renamed on one side fails the type-check of the other.
 *
 * `D` is how a time travels: a `Date` on the server, an ISO string once it is JSON (the default).
 */
export type { Difficulty, QuestionOption, QuestionStatus, QuestionType, ScoringMode, TargetLevel };
export type { ItemStatistics, TestStatistics };
export type { Navigation, ReviewShows, ReviewWhen, SessionPurpose, SessionSettings, TemplatePart, TieBreak };
export type { DrawRule } from '../testing/domain/variant-draw.js';
export { DIFFICULTIES, QUESTION_STATUSES, QUESTION_TYPES } from '../bank/question.types.js';
export { TARGET_LEVELS } from '../bank/domain/question-draft.js';
export { NAVIGATIONS, SESSION_PURPOSES } from '../testing/testing.types.js';
export { REVIEW_SHOWS, REVIEW_WHEN } from '../testing/domain/review-policy.js';

/** The file formats the bank imports and exports. */
export type QuestionFileFormat = 'xlsx' | 'csv' | 'gift' | 'xml';

// ── question bank ──────────────────────────────────────────────────────────────────────────────

export interface TopicNodeView {
  id: number;
  name: string;
  parentId: number | null;
  position: number;
  /** Names from the top of the tree to this topic. */
  path: string[];
  /** Questions directly in this topic. */
  questionCount: number;
  children: TopicNodeView[];
}

export interface VersionViewShape<D = string> {
  id: number;
  version: number;
  type: QuestionType;
  stem: string;
  options: QuestionOption[];
  scoringMode: ScoringMode;
  points: number;
  fixedOrder: boolean;
  explanation: string | null;
  /** Shown in an attempt: editing the content now makes a new version. */
  used: boolean;
  createdAt: D;
}

export interface QuestionViewShape<D = string> {
  id: number;
  topicId: number;
  topicPath: string[];
  status: QuestionStatus;
  difficulty: Difficulty;
  targetLevel: string | null;
  tags: string[];
  title: string | null;
  externalId: string | null;
  createdAt: D;
  updatedAt: D;
  current: VersionViewShape<D>;
  /** Every version, newest first (GET one question). */
  versions?: VersionViewShape<D>[];
  /** Questions with the same normalised text in the same topic. */
  duplicates?: number[];
}

export interface QuestionSummaryShape<D = string> {
  id: number;
  topicId: number;
  topicPath: string[];
  status: QuestionStatus;
  difficulty: Difficulty;
  targetLevel: string | null;
  tags: string[];
  title: string | null;
  externalId: string | null;
  type: QuestionType;
  stem: string;
  optionCount: number;
  version: number;
  updatedAt: D;
}

/** The body of POST /api/bank/questions; PATCH takes any subset plus `reason`. */
export interface QuestionInput {
  topicId: number;
  type: QuestionType;
  stem: string;
  options: { text: string; fraction: number; feedback?: string | null }[];
  scoringMode?: ScoringMode;
  points?: number;
  fixedOrder?: boolean;
  explanation?: string | null;
  difficulty?: Difficulty;
  targetLevel?: TargetLevel | null;
  tags?: string[];
  title?: string | null;
  externalId?: string | null;
  status?: QuestionStatus;
}

/** The list's and the export's filters (GET /api/bank/questions, /api/bank/exports). */
export interface QuestionFilter {
  q?: string;
  topicId?: number;
  includeSubtopics?: boolean;
  tag?: string;
  difficulty?: Difficulty;
  status?: QuestionStatus;
  targetLevel?: TargetLevel;
  type?: QuestionType;
}

/** One item of a file that cannot be imported (400 IMPORT_INVALID `details.problems`), or why a job failed. */
export interface ImportProblemShape {
  /** Line (GIFT, XML) or row (Excel, CSV; the header is row 1). */
  position: number;
  unit: string;
  /** Question title, name or code. */
  label?: string;
  reason: string;
}

export interface ImportDuplicateShape extends ImportProblemShape {
  /** The bank question with the same text in the same topic. */
  questionId?: number;
  /** The earlier item of the same file with the same text and topic. */
  firstPosition?: number;
}

export interface ImportJobShape {
  id: string;
  state: 'running' | 'done' | 'failed';
  format: QuestionFileFormat;
  fileName: string;
  total: number;
  /** Imported or skipped as duplicates so far. */
  processed: number;
  imported: number;
  skipped: number;
  duplicates: ImportDuplicateShape[];
  errors: ImportProblemShape[];
  startedAt: string;
  finishedAt: string | null;
}

// ── templates and sessions ─────────────────────────────────────────────────────────────────────

export interface TemplateViewShape<D = string> {
  id: number;
  name: string;
  description: string | null;
  navigation: Navigation;
  passPercent: number;
  parts: TemplatePart[];
  createdBy: number | null;
  createdAt: D;
  updatedAt: D;
}

/** The body of POST /api/exam/templates and PUT /api/exam/templates/:id. */
export interface TemplateInput {
  name: string;
  description?: string;
  navigation: Navigation;
  passPercent?: number;
  parts: TemplatePart[];
}

export interface SessionViewShape<D = string> {
  id: number;
  templateId: number;
  name: string;
  purpose: SessionPurpose;
  agencyId: number | null;
  jobPosition: string | null;
  quota: number | null;
  opensAt: D;
  closesAt: D;
  durationSeconds: number;
  reviewShows: ReviewShows;
  reviewWhen: ReviewWhen;
  tieBreak: TieBreak[] | null;
  /** The template's parts, thresholds and navigation as they were when the session was made. */
  settings: SessionSettings;
  createdBy: number | null;
  createdAt: D;
  updatedAt: D;
}

/** The body of POST /api/exam/sessions. */
export interface SessionInput {
  templateId: number;
  name: string;
  purpose: SessionPurpose;
  agencyId?: number;
  jobPosition?: string;
  quota?: number;
  opensAt: string;
  closesAt: string;
  durationSeconds: number;
  reviewShows: ReviewShows;
  reviewWhen: ReviewWhen;
  tieBreak?: TieBreak[];
}

/** A candidate as staff see them: never the access code or its hash. */
export interface StaffCandidateView {
  id: number;
  sessionId: number;
  userId: number | null;
  candidateNumber: string | null;
  fullName: string;
  agencyId: number | null;
  hasAccessCode: boolean;
  extraSeconds: number;
  priorityPoints: number;
}

export interface NumberedCandidateInput {
  candidateNumber: string;
  fullName: string;
  agencyId?: number;
  extraSeconds?: number;
  priorityPoints?: number;
}

export interface AddCandidatesInput {
  accounts?: { userId: number; extraSeconds?: number; priorityPoints?: number }[];
  numbered?: NumberedCandidateInput[];
}

/** An access code as issued: the only time the server ever tells it. */
export interface IssuedCode {
  candidateId: number;
  candidateNumber: string;
  fullName: string;
  accessCode: string;
}

// ── results ────────────────────────────────────────────────────────────────────────────────────

export interface ResultRow {
  candidateId: number;
  candidateNumber: string | null;
  fullName: string;
  agencyId: number | null;
  agencyName: string | null;
  /** absent: never started. */
  state: 'absent' | 'in_progress' | 'submitted' | 'expired_graded';
  attemptId: number | null;
  startedAt: string | null;
  submittedAt: string | null;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  passed: boolean | null;
  parts: { name: string; score: number; maxScore: number; passed: boolean }[];
  priorityPoints: number;
}

export interface AgencyResult {
  agencyId: number | null;
  agencyName: string | null;
  candidates: number;
  graded: number;
  passed: number;
  passRate: number | null;
  meanPercent: number | null;
}

/** Graded attempts per 10 % band of the score (the last band includes 100 %). */
export interface ScoreBand {
  from: number;
  to: number;
  count: number;
}

export interface RankingRow {
  candidateId: number;
  candidateNumber: string | null;
  fullName: string;
  score: number | null;
  priorityPoints: number;
  total: number | null;
  passed: boolean;
  rank: number | null;
  withinQuota: boolean;
  tiedAtEdge: boolean;
}

export interface QuestionAnalysis extends ItemStatistics {
  questionId: number;
  versionIds: number[];
  stem: string;
  maxScore: number;
}

/** GET /api/exam/sessions/:id/item-analysis: the whole test by slot, and each question drawn. */
export interface SessionItemAnalysis {
  test: TestStatistics;
  questions: QuestionAnalysis[];
}
