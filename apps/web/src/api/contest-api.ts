import type { JoinInfo, RoundType } from '@protocol';
import { api } from './api.js';

/** The live-contest REST API (libs/live-contest controllers), as the builder and host console use it. */

export type ContestMode = 'individual' | 'team';
export type TeamScoring = 'sum' | 'mean';
export type TieBreakKey = 'correct_time' | 'sudden_death' | 'correct_count';
export const TIE_BREAK_KEYS: readonly TieBreakKey[] = ['correct_time', 'sudden_death', 'correct_count'];
export const ROUND_TYPES: readonly RoundType[] = ['speed', 'buzzer', 'elimination', 'judged'];

export interface Contest {
  id: number;
  title: string;
  organizerId: number;
  mode: ContestMode;
  teamScoring: TeamScoring;
  tieBreak: TieBreakKey[];
  createdAt: string;
}

export interface RoundSettings {
  scoring?: 'speed' | 'fixed';
  streakBonus?: number;
  streakCap?: number;
  answerSeconds?: number;
  plus?: number;
  minus?: number;
  judgeMethod?: 'mean' | 'trimmed_mean';
  trim?: number;
  suddenDeath?: boolean;
}

export interface ContestRound {
  id: number;
  contestId: number;
  position: number;
  title: string;
  type: RoundType;
  settings: RoundSettings;
}

export interface ContestQuestion {
  id: number;
  roundId: number;
  position: number;
  text: string;
  options: { key: string; text: string }[];
  correctKey: string;
  points: number;
  timeLimitSec: number;
  bankVersionId: number | null;
}

export interface ContestTree {
  contest: Contest;
  rounds: ContestRound[];
  questions: ContestQuestion[];
}

export interface StartedSession {
  sessionId: number;
  pin: string;
  pinExpiresAt: string;
  viewToken: string;
}

export interface NewQuestion {
  text: string;
  options: { key: string; text: string }[];
  correctKey: string;
  points: number;
  timeLimitSec: number;
}

/** A bank question as the search lists it. */
export interface BankQuestionSummary {
  id: number;
  stem: string;
  type: string;
  status: string;
  topicPath: string[];
  optionCount: number;
}

export const contestApi = {
  list: (signal?: AbortSignal) => api.get<Contest[]>('/api/contests', { signal }),
  tree: (id: number, signal?: AbortSignal) => api.get<ContestTree>(`/api/contests/${id}`, { signal }),
  create: (body: { title: string; mode: ContestMode; teamScoring: TeamScoring; tieBreak: TieBreakKey[] }) =>
    api.post<Contest>('/api/contests', body),
  addRound: (contestId: number, body: { title: string; type: RoundType; settings: RoundSettings }) =>
    api.post<ContestRound>(`/api/contests/${contestId}/rounds`, body),
  addQuestion: (contestId: number, roundId: number, body: NewQuestion) =>
    api.post<ContestQuestion>(`/api/contests/${contestId}/rounds/${roundId}/questions`, body),
  importFromBank: (
    contestId: number,
    roundId: number,
    body: { versionIds: number[]; points: number; timeLimitSec: number },
  ) => api.post<ContestQuestion[]>(`/api/contests/${contestId}/rounds/${roundId}/bank-questions`, body),
  update: (
    contestId: number,
    body: Partial<{ title: string; mode: ContestMode; teamScoring: TeamScoring; tieBreak: TieBreakKey[] }>,
  ) => api.patch<Contest>(`/api/contests/${contestId}`, body),
  updateRound: (contestId: number, roundId: number, body: { title?: string; settings?: RoundSettings }) =>
    api.patch<ContestRound>(`/api/contests/${contestId}/rounds/${roundId}`, body),
  deleteRound: (contestId: number, roundId: number) => api.delete<void>(`/api/contests/${contestId}/rounds/${roundId}`),
  updateQuestion: (contestId: number, roundId: number, questionId: number, body: Partial<NewQuestion>) =>
    api.patch<ContestQuestion>(`/api/contests/${contestId}/rounds/${roundId}/questions/${questionId}`, body),
  deleteQuestion: (contestId: number, roundId: number, questionId: number) =>
    api.delete<void>(`/api/contests/${contestId}/rounds/${roundId}/questions/${questionId}`),
  startSession: (contestId: number) => api.post<StartedSession>(`/api/contests/${contestId}/sessions`, {}),
  judgeScore: (sessionId: number, body: { roundId: number; agencyId: number; judge: string; score: number }) =>
    api.post<unknown>(`/api/contest-sessions/${sessionId}/judge-scores`, body, { retry: true }),
  /** Bank questions with one right option (single choice, true/false), approved, matching the words. */
  searchBank: (q: string, signal?: AbortSignal) =>
    api.get<{ items: BankQuestionSummary[]; total: number }>('/api/bank/questions', {
      signal,
      query: { q: q || undefined, status: 'ready', pageSize: 20 },
    }),
  /** The current version's id of a bank question (what a round copies). */
  currentVersionId: async (questionId: number): Promise<number> =>
    (await api.get<{ current: { id: number } }>(`/api/bank/questions/${questionId}`)).current.id,
  /** Public: the contest behind a PIN and the agencies to choose from (no account). */
  joinInfo: (pin: string, signal?: AbortSignal) =>
    api.get<JoinInfo>(`/api/contest-join/${encodeURIComponent(pin)}`, { signal, retry: false }),
};
