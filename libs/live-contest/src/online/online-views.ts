/**
 * The shapes the online contest's HTTP API answers with, shared by the server and the web client
 * (apps/web imports this file as `@online-views`): keep it free of Nest and TypeORM imports. Dates
 * travel as ISO strings.
 */
export type OnlineTieBreakKey = 'prediction' | 'time';

export interface OnlineContestView {
  id: number;
  title: string;
  description: string | null;
  state: 'draft' | 'published';
  opensAt: string;
  closesAt: string;
  areas: { topicId: number; topicName: string; count: number }[];
  questionCount: number;
  maxAttempts: number;
  timeLimitSec: number;
  pointsPerQuestion: number;
  shuffleOptions: boolean;
  predictionQuestion: string;
  minParticipation: number;
  tieBreak: OnlineTieBreakKey[];
  publishedAt: string | null;
}

/** One open (or past) contest as an official sees it in the list, with their own standing. */
export interface MyOnlineContest {
  contest: OnlineContestView;
  window: 'not_open' | 'open' | 'closed';
  attemptsUsed: number;
  attemptsLeft: number;
  /** The attempt under way, to resume. */
  inProgressAttemptId: number | null;
  best: OnlineResultView | null;
}

export interface OnlineQuestionView {
  index: number;
  text: string;
  /** single, multiple, true_false: multiple lets the official pick several. */
  type: string;
  options: { key: string; text: string }[];
}

/** An attempt under way, as its official sees it: never a key or a fraction. */
export interface OnlineAttemptView {
  attemptId: number;
  contestId: number;
  contestTitle: string;
  number: number;
  maxAttempts: number;
  state: 'in_progress' | 'submitted' | 'expired';
  startedAt: string;
  deadline: string;
  serverTime: string;
  remainingMs: number;
  predictionQuestion: string;
  prediction: number | null;
  questions: OnlineQuestionView[];
  /** Saved choices by item index. */
  answers: Record<number, string[]>;
}

export interface OnlineSaveAck {
  index: number;
  savedAt: string;
  serverTime: string;
}

export interface OnlineResultView {
  attemptId: number;
  number: number;
  state: 'submitted' | 'expired';
  score: number;
  maxScore: number;
  correctCount: number;
  questionCount: number;
  durationMs: number;
  prediction: number | null;
  finishedAt: string;
}

/** An official's results in one contest: every finished attempt and the one that counts. */
export interface MyOnlineResults {
  contestId: number;
  contestTitle: string;
  attempts: OnlineResultView[];
  best: OnlineResultView | null;
  attemptsLeft: number;
}

export interface OnlineEntrantRow {
  rank: number;
  userId: number;
  fullName: string;
  agencyId: number | null;
  agencyName: string | null;
  score: number;
  correctCount: number;
  allCorrect: boolean;
  durationMs: number;
  prediction: number | null;
  /** Distance of the prediction from the actual all-correct count; null without a prediction. */
  predictionMiss: number | null;
  attempts: number;
}

export interface OnlineAgencyRow {
  rank: number | null;
  agencyId: number;
  agencyName: string;
  participants: number;
  /** Officials of the agency: its staff count when recorded, else its active official accounts. */
  officials: number;
  participationRate: number;
  meanScore: number;
  excluded: boolean;
}

export interface OnlineRankings {
  contestId: number;
  contestTitle: string;
  /** True once the contest has closed: the rankings are final. */
  final: boolean;
  /** Entrants whose best attempt answered every question right: the prediction question's answer. */
  actualAllCorrect: number;
  minParticipation: number;
  tieBreak: OnlineTieBreakKey[];
  entrants: OnlineEntrantRow[];
  agencies: OnlineAgencyRow[];
}
