import { deriveSeed, sample, seededRandom, shuffled } from './seeded-random.js';

describe('seededRandom', () => {
  it.each([[1], [42], [2 ** 31 - 1]])('repeats the same sequence for seed %s', (seed) => {
    const a = seededRandom(seed);
    const b = seededRandom(seed);
    const xs = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('gives different sequences for different seeds', () => {
    expect(seededRandom(1)()).not.toEqual(seededRandom(2)());
    expect(deriveSeed(7, 0)).not.toEqual(deriveSeed(7, 1));
  });

  it('spreads values roughly evenly', () => {
    const rnd = seededRandom(123);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) buckets[Math.floor(rnd() * 4)]++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('shuffled and sample', () => {
  it.each([
    [[1, 2, 3, 4, 5], 3],
    [[10, 20], 5],
    [[], 2],
  ])('sample of %j taking %s gives distinct members', (items, count) => {
    const got = sample(items, count, seededRandom(9));
    expect(got).toHaveLength(Math.min(items.length, count));
    expect(new Set(got).size).toBe(got.length);
    for (const g of got) expect(items).toContain(g);
  });

  it('shuffles into a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffled(input, seededRandom(5));
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(out).not.toEqual(input);
  });
});
