import { api } from './api.js';

import type {
  MyOnlineContest,
  OnlineAgencyRow,
  MyOnlineResults,
  OnlineAttemptView,
  OnlineContestView,
  OnlineRankings,
  OnlineResultView,
  OnlineSaveAck,
} from '@online-views';

/** The online contest's shapes come from the server's own published file (libs/live-contest). */
export type {
  MyOnlineContest,
  OnlineAgencyRow,
  MyOnlineResults,
  OnlineAttemptView,
  OnlineContestView,
  OnlineRankings,
  OnlineResultView,
  OnlineSaveAck,
};

/** What the outbox carries for an online attempt: one answer per question, the latest wins. */
export interface OnlineSave {
  index: number;
  chosen: string[];
}

export interface CreateOnlineContest {
  title: string;
  description?: string;
  opensAt: string;
  closesAt: string;
  areas: { topicId: number; count: number }[];
  maxAttempts: number;
  timeLimitSec: number;
  pointsPerQuestion: number;
  predictionQuestion?: string;
  minParticipation: number;
  tieBreak: ('prediction' | 'time')[];
}

export interface TopicNode {
  id: number;
  name: string;
  path: string[];
  questionCount: number;
  children: TopicNode[];
}

export const onlineApi = {
  mine: (signal?: AbortSignal) => api.get<MyOnlineContest[]>('/api/my/online-contests', { signal }),
  /** Starts a new attempt or resumes the one under way: safe to retry (a second start resumes). */
  start: (contestId: number) =>
    api.post<OnlineAttemptView>(`/api/online-contests/${contestId}/attempts`, {}, { retry: true }),
  attempt: (attemptId: number, signal?: AbortSignal) =>
    api.get<OnlineAttemptView>(`/api/online-attempts/${attemptId}`, { signal }),
  /** One try: the outbox does its own retrying, in order. */
  save: (attemptId: number, s: OnlineSave) =>
    api.put<OnlineSaveAck>(
      `/api/online-attempts/${attemptId}/answers/${s.index}`,
      { chosen: s.chosen },
      { retry: false },
    ),
  /** Submitting twice returns the same result, so it may be retried. */
  submit: (attemptId: number, prediction: number | null) =>
    api.post<OnlineResultView>(`/api/online-attempts/${attemptId}/submit`, prediction === null ? {} : { prediction }, {
      retry: true,
    }),
  predict: (attemptId: number, prediction: number) =>
    api.put<{ prediction: number }>(`/api/online-attempts/${attemptId}/prediction`, { prediction }),
  results: (contestId: number, signal?: AbortSignal) =>
    api.get<MyOnlineResults>(`/api/my/online-contests/${contestId}/results`, { signal }),

  list: (signal?: AbortSignal) => api.get<OnlineContestView[]>('/api/online-contests', { signal }),
  create: (body: CreateOnlineContest) => api.post<OnlineContestView>('/api/online-contests', body),
  publish: (id: number) => api.post<OnlineContestView>(`/api/online-contests/${id}/publish`, {}),
  rankings: (id: number, signal?: AbortSignal) =>
    api.get<OnlineRankings>(`/api/online-contests/${id}/rankings`, { signal }),
  topics: (signal?: AbortSignal) => api.get<TopicNode[]>('/api/bank/topics', { signal }),
};

export const onlineOutboxKey = (attemptId: number): string => `cchc.outbox.online.${attemptId}`;

/** Completion time as m:ss (or h:mm:ss). */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
