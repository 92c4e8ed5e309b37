import { TOKEN_PATTERN, visitTokenExpiry, visitTokenState } from './visit-token.js';

const t0 = new Date('2026-11-20T02:00:00Z');
const at = (ms: number): Date => new Date(t0.getTime() + ms);

describe('visitTokenState: one response per visit', () => {
  const cases: [string, Date | null, Date, Date, string][] = [
    ['fresh', null, at(60_000), at(1), 'valid'],
    ['one millisecond before expiry', null, at(60_000), at(59_999), 'valid'],
    ['at expiry', null, at(60_000), at(60_000), 'expired'],
    ['spent', at(5), at(60_000), at(10), 'used'],
    ['spent and expired: the replay is named, not the expiry', at(5), at(60_000), at(120_000), 'used'],
  ];
  it.each(cases)('%s', (_n, usedAt, expiresAt, now, state) =>
    expect(visitTokenState({ usedAt, expiresAt }, now)).toBe(state),
  );
});

describe('visitTokenExpiry', () => {
  const cases: [string, 'qr' | 'kiosk', number][] = [
    ['a QR page load gives 30 minutes to answer', 'qr', 30 * 60_000],
    ['a kiosk reset gives 15 minutes', 'kiosk', 15 * 60_000],
  ];
  it.each(cases)('%s', (_n, source, ms) => expect(visitTokenExpiry(source, t0).getTime() - t0.getTime()).toBe(ms));
});

describe('TOKEN_PATTERN', () => {
  const cases: [string, boolean][] = [
    ['Ab3_-xYz0123456789abc', true],
    ['short', false],
    ["x' OR 1=1 --aaaaaaaaaaaa", false],
    ['a'.repeat(65), false],
  ];
  it.each(cases)('%s → %s', (token, ok) => expect(TOKEN_PATTERN.test(token)).toBe(ok));
});
