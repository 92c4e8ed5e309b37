import type { DrawRule } from './domain/variant-draw.js';
import type { ReviewShows, ReviewWhen } from './domain/review-policy.js';
import type { TieBreak } from './domain/ranking.js';

export type { DrawRule, ReviewShows, ReviewWhen, TieBreak };

export type Navigation = 'free' | 'sequential';
export const NAVIGATIONS: readonly Navigation[] = ['free', 'sequential'];

export type SessionPurpose = 'inspection' | 'recruitment' | 'training';
export const SESSION_PURPOSES: readonly SessionPurpose[] = ['inspection', 'recruitment', 'training'];

export type AttemptState = 'in_progress' | 'submitted' | 'expired_graded';

/** One part of a template (e.g. general knowledge, 60 questions), with its own rules and threshold. */
export interface TemplatePart {
  name: string;
  rules: DrawRule[];
  /** Percent of the part's points needed to pass it; default 50. */
  passPercent?: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** Points per question in this part; default: each version's own points. */
  pointsPerQuestion?: number;
}

/** What a session keeps of its template when created, so later template edits never change it. */
export interface SessionSettings {
  parts: TemplatePart[];
  passPercent: number;
  navigation: Navigation;
}

/** One question of a candidate's variant: the exact version shown and its option order. */
export interface VariantItem {
  part: number;
  slot: number;
  questionId: number;
  versionId: number;
  points: number;
  /** Option keys in the order this candidate sees them. */
  options: string[];
}

export interface Variant {
  items: VariantItem[];
}
