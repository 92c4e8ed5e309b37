import { divRound, fromCenti, percentHundredths, ratioAtLeast, ratioToHundredths, toCenti } from './decimal.js';

describe('toCenti', () => {
  it.each([
    [14.5, 1450],
    [0.1 + 0.2, 30],
    [16, 1600],
    [-2.25, -225],
    [0, 0],
    [1.005, null],
    [NaN, null],
    [Infinity, null],
  ])('%p → %p', (input, expected) => {
    expect(toCenti(input)).toBe(expected);
  });

  it('round-trips through fromCenti', () => {
    expect(fromCenti(toCenti(91.25)!)).toBe(91.25);
  });
});

describe('divRound rounds half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [7n, 2n, 4n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-5n, 2n, -3n],
    [-4n, 3n, -1n],
    [5n, -2n, -3n],
    [0n, 7n, 0n],
  ])('%p / %p → %p', (n, d, q) => {
    expect(divRound(n, d)).toBe(q);
  });

  it('refuses division by zero', () => {
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });
});

describe('percentHundredths', () => {
  it.each([
    // achieved, max, hundredths of a percent
    [9100, 10000, 9100],
    [1000, 1450, 6897], // 68.9655… → 68.97
    [2, 3, 6667], // 66.666… → 66.67
    [1, 8, 1250],
    [1, 16, 625], // 6.25 exactly
    [1, 1600, 6], // 0.0625 % → 0.06
    [1, 800, 13], // 0.125 % → 0.13 (half up)
    [0, 1000, 0],
    [5, 0, 0],
  ])('%p / %p → %p', (a, m, p) => {
    expect(percentHundredths(a, m)).toBe(p);
  });
});

describe('ratios against percentages', () => {
  it.each([
    [{ num: 200n, den: 3n }, 6666, true], // 66.666… ≥ 66.66
    [{ num: 200n, den: 3n }, 6667, false], // 66.666… < 66.67
    [{ num: 50n, den: 1n }, 5000, true],
    [{ num: 4999n, den: 100n }, 5000, false],
  ])('%p ≥ %p hundredths is %p', (ratio, p, expected) => {
    expect(ratioAtLeast(ratio, p)).toBe(expected);
  });

  it('rounds a ratio to hundredths of a percent', () => {
    expect(ratioToHundredths({ num: 200n, den: 3n })).toBe(6667);
  });
});
