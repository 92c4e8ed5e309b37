import { api } from './api.js';

/** Shapes of libs/exam-bank's candidate side (attempts.service.ts) as the exam page reads them. */
export interface ExamItem {
  index: number;
  part: number;
  type: string;
  stem: string;
  options: { key: string; text: string }[];
  chosen: string[];
  flagged: boolean;
  savedAt: string | null;
}
export interface AttemptView {
  attemptId: number;
  sessionId: number;
  state: string;
  startedAt: string;
  deadline: string;
  serverTime: string;
  remainingMs: number;
  navigation: string;
  position: number;
  parts: { name: string }[];
  items: ExamItem[];
}
export interface SaveAck {
  attemptId: number;
  index: number;
  savedAt: string;
  serverTime: string;
}
export interface ReviewView {
  attemptId: number;
  state: string;
  shows: 'none' | 'score' | 'score_and_answers';
  availableAt: string | null;
  submittedAt: string | null;
  score?: number;
  maxScore?: number;
  passed?: boolean;
  parts?: { name: string; score: number; maxScore: number; passed: boolean }[];
  items?: {
    index: number;
    stem: string;
    type: string;
    chosen: string[];
    points: number;
    score: number;
    explanation: string | null;
    options: { key: string; text: string; fraction: number; correct: boolean; feedback: string | null }[];
  }[];
}

/** What the outbox carries for an attempt: answers and flags, in the order the candidate gave them. */
export type ExamSave =
  { kind: 'answer'; index: number; chosen: string[] } | { kind: 'flag'; index: number; flagged: boolean };

export const examApi = {
  /** Starts, or resumes, the caller's attempt in a session. */
  start: (sessionId: number) => api.post<AttemptView>(`/api/exam/sessions/${sessionId}/start`, {}, { retry: true }),
  attempt: (attemptId: number) => api.get<AttemptView>(`/api/exam/attempts/${attemptId}`),
  /** One try: the outbox does its own retrying, in order. */
  save: (attemptId: number, s: ExamSave) =>
    s.kind === 'answer'
      ? api.put<SaveAck>(`/api/exam/attempts/${attemptId}/answers/${s.index}`, { chosen: s.chosen }, { retry: false })
      : api.put<SaveAck>(`/api/exam/attempts/${attemptId}/flags/${s.index}`, { flagged: s.flagged }, { retry: false }),
  /** Submitting twice returns the same result, so it may be retried. */
  submit: (attemptId: number) => api.post<ReviewView>(`/api/exam/attempts/${attemptId}/submit`, {}, { retry: true }),
  review: (attemptId: number, signal?: AbortSignal) =>
    api.get<ReviewView>(`/api/exam/attempts/${attemptId}/review`, { signal }),
};

export const outboxKey = (attemptId: number): string => `cchc.outbox.attempt.${attemptId}`;
export const saveKey = (s: ExamSave): string => `${s.kind}:${s.index}`;

/** The server's items with the saves still waiting in the outbox laid over them (after a reload offline). */
export function withPending(items: readonly ExamItem[], pending: readonly { payload: ExamSave }[]): ExamItem[] {
  const out = items.map((i) => ({ ...i }));
  for (const { payload: s } of pending) {
    const item = out[s.index];
    if (!item) continue;
    if (s.kind === 'answer') item.chosen = s.chosen;
    else item.flagged = s.flagged;
  }
  return out;
}
