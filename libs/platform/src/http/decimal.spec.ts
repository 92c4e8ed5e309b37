import { isDecimal } from './decimal.js';

describe('isDecimal', () => {
  it.each([
    [12, 2, true],
    [12.5, 2, true],
    [12.25, 2, true],
    [-0.01, 2, true],
    [12.255, 2, false],
    [0.1 + 0.2, 2, false],
    [-5e-323, 2, false], // class-validator's maxDecimalPlaces threw on this one
    [1e-7, 2, false],
    [Number.NaN, 2, false],
    [Number.POSITIVE_INFINITY, 2, false],
    ['12', 2, false],
    [null, 2, false],
    [3, 0, true],
    [3.5, 0, false],
  ])('%p with %i places → %p', (value, places, ok) => {
    expect(isDecimal(value, places)).toBe(ok);
  });
});
