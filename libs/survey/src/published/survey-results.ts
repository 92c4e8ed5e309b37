/**
 * What the survey publishes for other libs (results reads it; the survey never reads results).
 * Framework-free: types and an abstract class that SurveyModule provides and exports.
 */
export interface SatisfactionQuery {
  /** The form (its identity across versions): responses on every version of it count. */
  formId: number;
  /**
   * Only these questions, by their stable key (e.g. "C.1"); all scale_1_5 questions when absent.
   * Keys, not ids: a question keeps its key from version to version, its id does not.
   */
  questionKeys?: string[];
  agencyIds: number[];
  /** Responses submitted in [from, to). */
  from: Date;
  to: Date;
}

export interface AgencySatisfaction {
  agencyId: number;
  /** Distinct responses with at least one counted answer. */
  responses: number;
  /** Counted scale answers. */
  answers: number;
  /** Answers at or above the version's satisfied minimum (4 on the 1–5 scale by default). */
  satisfied: number;
  /** satisfied / answers, 0..1; null without answers. */
  satisfiedRate: number | null;
  /** Half-width of the 95 % interval, in percentage points; null without answers. */
  margin95: number | null;
  /** normal (n ≥ 30 and ≥ 5 on each side), wilson (smaller samples), none (no answers). */
  marginMethod: 'normal' | 'wilson' | 'none';
}

/** A form as an index criterion names it: by its stable code, with the scale questions of its current version. */
export interface PublishedSurveyForm {
  id: number;
  code: string;
  name: string;
  /** Scale questions of the current version, in form order: the ones a criterion may count. */
  scaleQuestions: { key: string; sectionKey: string; text: string }[];
}

/**
 * The read side of survey results. One row per requested agency, in the order asked, zero counts
 * when an agency has no responses. The same stored responses give the same figures every time.
 * Map the counts to points with `surveyPoints` (exported beside this class).
 */
export abstract class SurveyResultsReader {
  abstract satisfaction(query: SatisfactionQuery): Promise<AgencySatisfaction[]>;
  /** The form with this code, or null. */
  abstract formByCode(code: string): Promise<PublishedSurveyForm | null>;
}
