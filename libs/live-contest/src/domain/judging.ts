/** Judge-scored rounds: each judge gives a score; the round score is the mean or the trimmed mean. */
export type JudgeMethod = 'mean' | 'trimmed_mean';

/**
 * Mean of the judges' scores, or the trimmed mean: the `trim` highest and `trim` lowest dropped
 * when enough judges remain (at least one); rounded to 2 decimals. No scores: null.
 */
export function judgedScore(scores: number[], method: JudgeMethod, trim = 1): number | null {
  if (scores.length === 0) return null;
  let kept = [...scores].sort((a, b) => a - b);
  if (method === 'trimmed_mean' && kept.length - 2 * trim >= 1) kept = kept.slice(trim, kept.length - trim);
  const mean = kept.reduce((s, x) => s + x, 0) / kept.length;
  return Math.round(mean * 100) / 100;
}
