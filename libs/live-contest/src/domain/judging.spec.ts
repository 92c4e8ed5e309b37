import { judgedScore } from './judging.js';

describe('judgedScore', () => {
  it.each([
    [[8, 9, 10], 'mean', 1, 9],
    [[7, 8, 9], 'mean', 1, 8],
    [[2, 8, 9, 10], 'trimmed_mean', 1, 8.5],
    [[1, 9, 9, 9, 10], 'trimmed_mean', 1, 9],
    [[5, 10], 'trimmed_mean', 1, 7.5], // too few judges to trim: plain mean
    [[1, 2, 9, 9, 9, 20, 30], 'trimmed_mean', 2, 9],
    [[7, 8, 8], 'mean', 1, 7.67],
  ] as const)('%j %s trim %s → %s', (scores, method, trim, expected) => {
    expect(judgedScore([...scores], method, trim)).toBe(expected);
  });

  it('is null without scores', () => {
    expect(judgedScore([], 'mean')).toBeNull();
  });
});
