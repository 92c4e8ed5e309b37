/**
 * Server-side grading. An item is one question of a variant with the key of the version it showed;
 * fractions follow Moodle (1 = the right option; for multiple answers the right options add up to 1,
 * wrong ones are 0 or negative).
 */
export interface GradableItem {
  part: number;
  type: 'single' | 'multiple' | 'true_false';
  scoringMode: 'all_or_nothing' | 'proportional';
  points: number;
  options: { key: string; fraction: number }[];
}

export interface PartRule {
  /** Share of the part's points needed to pass it, in percent (default 50). */
  passPercent?: number;
}

export interface PartGrade {
  score: number;
  maxScore: number;
  passed: boolean;
}

export interface AttemptGrade {
  score: number;
  maxScore: number;
  passed: boolean;
  parts: PartGrade[];
  /** Points earned per variant item, in variant order. */
  items: number[];
}

export const DEFAULT_PASS_PERCENT = 50;

/** Rounds away floating-point dust (0.1 + 0.2) without touching real fractions of a point. */
export const roundScore = (x: number): number => Math.round(x * 1e6) / 1e6;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Points earned on one item for the chosen option keys (unknown keys earn nothing). */
export function scoreItem(item: GradableItem, chosen: readonly string[] | undefined): number {
  const picks = [...new Set(chosen ?? [])];
  if (picks.length === 0) return 0;
  const fraction = new Map(item.options.map((o) => [o.key, o.fraction]));
  if (item.type !== 'multiple') {
    if (picks.length !== 1) return 0;
    return roundScore(item.points * clamp01(fraction.get(picks[0]) ?? 0));
  }
  if (item.scoringMode === 'all_or_nothing') {
    const right = item.options.filter((o) => o.fraction > 0).map((o) => o.key);
    const exact = right.length === picks.length && right.every((k) => picks.includes(k));
    return exact ? item.points : 0;
  }
  const sum = picks.reduce((s, k) => s + (fraction.get(k) ?? 0), 0);
  return roundScore(item.points * clamp01(sum));
}

const passes = (score: number, max: number, percent: number): boolean =>
  max === 0 ? true : score + 1e-9 >= (max * percent) / 100;

/**
 * Grades a whole attempt: per item, per part (each with its own pass threshold) and in total. The
 * attempt passes when every part passes and the total reaches the template's own threshold.
 */
export function gradeAttempt(
  parts: readonly PartRule[],
  items: readonly GradableItem[],
  answers: readonly (readonly string[] | undefined)[],
  overallPassPercent = DEFAULT_PASS_PERCENT,
): AttemptGrade {
  const itemScores = items.map((item, i) => scoreItem(item, answers[i]));
  const partGrades: PartGrade[] = parts.map((rule, p) => {
    let score = 0;
    let maxScore = 0;
    items.forEach((item, i) => {
      if (item.part !== p) return;
      score += itemScores[i];
      maxScore += item.points;
    });
    score = roundScore(score);
    maxScore = roundScore(maxScore);
    return { score, maxScore, passed: passes(score, maxScore, rule.passPercent ?? DEFAULT_PASS_PERCENT) };
  });
  const score = roundScore(itemScores.reduce((a, b) => a + b, 0));
  const maxScore = roundScore(items.reduce((a, it) => a + it.points, 0));
  const passed = partGrades.every((p) => p.passed) && passes(score, maxScore, overallPassPercent);
  return { score, maxScore, passed, parts: partGrades, items: itemScores };
}
