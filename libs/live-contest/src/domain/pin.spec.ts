import { generatePin, pinUsable } from './pin.js';

const seq = (...xs: number[]): (() => number) => {
  let i = 0;
  return () => xs[i++ % xs.length];
};

describe('generatePin', () => {
  it.each([
    ['lowest draw', [0], [], '100000'],
    ['highest draw', [0.9999999], [], '999999'],
    ['skips a PIN in use', [0, 0.5], ['100000'], '550000'],
  ])('%s', (_n, draws, taken, expected) => {
    expect(generatePin(seq(...draws), (p) => taken.includes(p))).toBe(expected);
  });

  it('always 6 digits', () => {
    for (let i = 0; i < 1000; i++) expect(generatePin(Math.random, () => false)).toMatch(/^[1-9]\d{5}$/);
  });

  it('gives up rather than loop when every draw is taken', () => {
    expect(generatePin(Math.random, () => true, 10)).toBeNull();
  });
});

describe('pinUsable', () => {
  const now = new Date('2026-11-27T08:00:00Z');
  it.each([
    ['live and not expired', { pinExpiresAt: new Date('2026-11-27T09:00:00Z'), ended: false }, true],
    ['expired', { pinExpiresAt: new Date('2026-11-27T07:59:59Z'), ended: false }, false],
    ['ended', { pinExpiresAt: new Date('2026-11-27T09:00:00Z'), ended: true }, false],
  ])('%s → %s', (_n, session, expected) => {
    expect(pinUsable(session, now)).toBe(expected);
  });
});
