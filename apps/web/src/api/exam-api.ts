import { api } from './api.js';

import type { AttemptView, CandidateItemView, ReviewView, SaveAck } from '@exam-views';

/** The candidate side's shapes come from the server's own published file (libs/exam-bank). */
export type { AttemptView, ReviewView, SaveAck };
export type ExamItem = CandidateItemView;

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
