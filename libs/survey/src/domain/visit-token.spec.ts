import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  decodeVisitToken,
  encodeVisitToken,
  TOKEN_PATTERN,
  VISIT_TOKEN_PATTERN,
  visitTokenExpiry,
  visitTokenState,
  type VisitClaims,
} from './visit-token.js';

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

describe('signed visit tokens', () => {
  const key = Buffer.from('a key for the tests only, 32 bytes!!');
  const mac = (p: Buffer) => createHmac('sha256', key).update(p).digest();
  const other = (p: Buffer) => createHmac('sha256', 'another key').update(p).digest();
  const claims: VisitClaims = {
    nonce: Buffer.alloc(12, 7),
    source: 'kiosk',
    surveyId: 12,
    deskId: 345,
    agencyId: 6789,
    kioskId: 4_000_000_000,
    issuedAt: new Date('2026-11-20T02:00:00.123Z'),
  };
  const token = encodeVisitToken(claims, mac);
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

  it('reads back what it signed, QR and kiosk alike', () => {
    expect(VISIT_TOKEN_PATTERN.test(token)).toBe(true);
    expect(decodeVisitToken(token, mac, timingSafeEqual)).toEqual(claims);
    const qr = { ...claims, source: 'qr' as const, kioskId: null };
    expect(decodeVisitToken(encodeVisitToken(qr, mac), mac, timingSafeEqual)).toEqual(qr);
  });

  const refused: [string, string][] = [
    ['signed with another key', encodeVisitToken(claims, other)],
    ['a payload byte changed', flip(token, 20)],
    ['the signature changed', flip(token, token.length - 3)],
    ['no signature', token.split('.')[0]],
    ['a random string', 'A'.repeat(32)],
    ['empty', ''],
  ];
  it.each(refused)('refuses a token %s', (_n, t) => expect(decodeVisitToken(t, mac, timingSafeEqual)).toBeNull());

  it('refuses ids that do not fit', () => {
    expect(() => encodeVisitToken({ ...claims, deskId: -1 }, mac)).toThrow(RangeError);
  });
});
