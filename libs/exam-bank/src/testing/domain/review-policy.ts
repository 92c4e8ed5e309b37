/** What a candidate may see after submitting, and from when. */
export type ReviewShows = 'none' | 'score' | 'score_and_answers';
export type ReviewWhen = 'immediately' | 'after_close';
export const REVIEW_SHOWS: readonly ReviewShows[] = ['none', 'score', 'score_and_answers'];
export const REVIEW_WHEN: readonly ReviewWhen[] = ['immediately', 'after_close'];

export interface ReviewPolicy {
  shows: ReviewShows;
  when: ReviewWhen;
}

/** Review level now: 'none' while the attempt is open, then as the policy says. */
export function reviewLevel(
  policy: ReviewPolicy,
  ctx: { attemptFinished: boolean; now: Date; closesAt: Date },
): ReviewShows {
  if (!ctx.attemptFinished) return 'none';
  if (policy.when === 'after_close' && ctx.now.getTime() < ctx.closesAt.getTime()) return 'none';
  return policy.shows;
}
