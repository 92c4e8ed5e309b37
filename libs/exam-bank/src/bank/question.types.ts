/** single: one right option; multiple: several, partial credit; true_false: two options, Đúng / Sai. */
export type QuestionType = 'single' | 'multiple' | 'true_false';
export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'true_false'];

export type Difficulty = 'easy' | 'medium' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** Only ready questions are drawn into tests. */
export type QuestionStatus = 'draft' | 'ready' | 'retired';
export const QUESTION_STATUSES: readonly QuestionStatus[] = ['draft', 'ready', 'retired'];

/**
 * How a multiple-answer question is scored: all_or_nothing gives full points only for exactly the
 * right set; proportional sums the option fractions (Moodle-style weights, wrong picks negative),
 * floored at zero.
 */
export type ScoringMode = 'all_or_nothing' | 'proportional';

/**
 * One option of a question version. `fraction` is Moodle's weight in [-1, 1]: 1 (100 %) for the
 * right option of a single-choice question; for multiple answers the right options' fractions add
 * up to 1 and wrong ones are 0 or negative. Never sent to a candidate before review.
 */
export interface QuestionOption {
  /** Stable within the version: 'a', 'b', … */
  key: string;
  text: string;
  fraction: number;
  /** Shown at review time with the option, when set. */
  feedback?: string;
}
