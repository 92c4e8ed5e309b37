import type { ReviewShows } from '../testing/domain/review-policy.js';

/**
 * What a candidate receives from the attempt endpoints, shared by the server and the web UI
 * (apps/web imports this file as `@exam-views`): keep it free of Nest and TypeORM imports.
 * Nothing here carries an answer key before the review policy allows it (ReviewView.items).
 */
/** What a candidate sees of one question while answering: text and options, never the key. */
export interface CandidateItemView {
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
  /** Furthest item reached (sequential navigation refuses going back before it). */
  position: number;
  parts: { name: string }[];
  items: CandidateItemView[];
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
  /** What the review policy allows now. */
  shows: ReviewShows;
  /** When answers become visible, for a policy that waits for the session to close. */
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
