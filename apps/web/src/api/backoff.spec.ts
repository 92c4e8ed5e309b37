import { backoffDelay } from './backoff.js';

describe('retry backoff', () => {
  const opts = { baseMs: 500, maxMs: 8000, jitter: 0.5 };
  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [5, 8000],
    [20, 8000],
    [0, 500],
  ])('without jitter, retry %i waits %i ms', (attempt, ms) => {
    expect(backoffDelay(attempt, opts, () => 0)).toBe(ms);
  });

  it('takes jitter off the delay, never past the cap', () => {
    expect(backoffDelay(3, opts, () => 1)).toBe(1000);
    expect(backoffDelay(10, opts, () => 0.999)).toBeLessThanOrEqual(8000);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(4, opts);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});
