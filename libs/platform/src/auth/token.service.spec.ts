import { createSecretKey } from 'node:crypto';
import { jest } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { Role, type Principal } from './principal.js';
import { TokenService } from './token.service.js';

const secret = 'a-test-secret-that-is-long-enough-000';
const service = (s = secret, ttl = '3600') =>
  new TokenService(createSecretKey(Buffer.from(s)), loadConfig({ JWT_TTL_SECONDS: ttl }));
const officer: Principal = { userId: 12, role: Role.AgencyOfficer, agencyId: 4, name: 'Nguyễn Văn A' };

const code = (fn: () => unknown): string => {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('TokenService', () => {
  it('reads back what it signed', () => {
    const t = service();
    expect(t.verify(t.sign(officer).accessToken)).toEqual(officer);
  });

  it('carries a candidate without an account', () => {
    const t = service();
    const candidate: Principal = {
      userId: null,
      role: Role.Official,
      agencyId: 9,
      name: 'SBD 001',
      candidateId: 5,
      sessionId: 3,
    };
    expect(t.verify(t.sign(candidate).accessToken)).toEqual(candidate);
  });

  it.each([
    ['no token', () => undefined],
    [
      'a token signed with another secret',
      () => service('another-secret-that-is-long-enough-11').sign(officer).accessToken,
    ],
    ['an expired token', () => jwt.sign({ sub: '12', role: 'admin', agency: null, name: 'x', exp: 1 }, secret)],
    [
      'an unsigned token (alg none)',
      () => jwt.sign({ sub: '12', role: 'admin', agency: null, name: 'x' }, '', { algorithm: 'none' }),
    ],
    ['an unknown role', () => jwt.sign({ sub: '12', role: 'root', agency: null, name: 'x' }, secret)],
  ])('refuses %s', (_, token) => {
    expect(code(() => service().verify(token()))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token it has verified before once the token expires', () => {
    const t = service(secret, '60');
    const { accessToken } = t.sign(officer);
    expect(t.verify(accessToken)).toEqual(officer);
    expect(t.verify(accessToken)).toEqual(officer);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      expect(code(() => t.verify(accessToken))).toBe('UNAUTHENTICATED');
    } finally {
      clock.mockRestore();
    }
  });

  it('sets the expiry from JWT_TTL_SECONDS', () => {
    const { expiresAt } = service(secret, '120').sign(officer);
    const seconds = (Date.parse(expiresAt) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(100);
    expect(seconds).toBeLessThanOrEqual(120);
  });
});
