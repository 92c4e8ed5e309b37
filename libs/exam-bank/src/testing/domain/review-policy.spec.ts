import { reviewLevel, type ReviewPolicy } from './review-policy.js';

const closesAt = new Date('2026-05-10T12:00:00Z');
const before = new Date('2026-05-10T11:00:00Z');
const after = new Date('2026-05-10T12:00:01Z');

describe('reviewLevel', () => {
  it.each<[ReviewPolicy, boolean, Date, string]>([
    [{ shows: 'score_and_answers', when: 'immediately' }, false, after, 'none'],
    [{ shows: 'score_and_answers', when: 'immediately' }, true, before, 'score_and_answers'],
    [{ shows: 'score', when: 'immediately' }, true, before, 'score'],
    [{ shows: 'none', when: 'immediately' }, true, after, 'none'],
    [{ shows: 'score_and_answers', when: 'after_close' }, true, before, 'none'],
    [{ shows: 'score_and_answers', when: 'after_close' }, true, after, 'score_and_answers'],
    [{ shows: 'score', when: 'after_close' }, true, closesAt, 'score'],
    [{ shows: 'score', when: 'after_close' }, false, after, 'none'],
  ])('%j, finished %s, at %s → %s', (policy, attemptFinished, now, expected) => {
    expect(reviewLevel(policy, { attemptFinished, now, closesAt })).toBe(expected);
  });
});
