/**
 * What the exam bank publishes for other libs (results reads it; it never reads results).
 * One row per graded attempt of an inspection-test session, enough to compute a test-derived
 * criterion and to show the evidence behind it.
 */
export interface GradedAttemptRow {
  attemptId: number;
  sessionId: number;
  sessionName: string;
  /** The agency the candidate belongs to (a commune, a department …). */
  agencyId: number;
  candidateId: number;
  candidateName: string;
  /** Candidate number (số báo danh) when issued. */
  candidateNumber: string | null;
  score: number;
  maxScore: number;
  /** score / maxScore × 100, unrounded. */
  scorePercent: number;
  /** Passed overall, by the template's own thresholds. */
  passed: boolean;
  submittedAt: Date;
}

export interface TopicWeakness {
  topicId: number;
  topicName: string;
  /** Share of points earned on this topic's questions, 0..1. */
  facility: number;
  answers: number;
}

/**
 * The read side of exam results. Implemented by the exam bank's testing module and exported from
 * @app/exam-bank as an injectable class, so results can depend on it by type.
 */
export abstract class ExamResultsReader {
  /** Graded attempts of inspection-purpose sessions for these agencies, closed in [from, to). */
  abstract gradedAttempts(query: {
    agencyIds: number[];
    from?: Date;
    to?: Date;
    sessionIds?: number[];
  }): Promise<GradedAttemptRow[]>;

  /** Topics ordered weakest first, for an agency's graded attempts. */
  abstract weakestTopics(query: { agencyIds: number[]; from?: Date; to?: Date }): Promise<TopicWeakness[]>;
}
