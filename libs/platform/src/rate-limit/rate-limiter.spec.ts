import { DomainError } from '../errors/domain-error.js';
import { RateLimit } from './rate-limiter.js';

const outcome = (p: Promise<void>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: DomainError) => e.code,
  );

describe('RateLimit', () => {
  it('refuses the attempt after the last point, with the wait in seconds', async () => {
    const limit = new RateLimit('t1', 2, 60);
    expect([await outcome(limit.consume('a')), await outcome(limit.consume('a'))]).toEqual(['ok', 'ok']);
    const refused = await limit.consume('a').catch((e: DomainError) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });
    expect(await outcome(limit.consume('b'))).toBe('ok');
  });

  it('checks without spending: open until the points are spent, then refused', async () => {
    const limit = new RateLimit('t2', 2, 60);
    expect(await outcome(limit.refuseIfSpent('a'))).toBe('ok');
    await limit.consume('a');
    expect(await outcome(limit.refuseIfSpent('a'))).toBe('ok');
    await limit.consume('a');
    expect(await outcome(limit.refuseIfSpent('a'))).toBe('RATE_LIMITED');
    await limit.reset('a');
    expect(await outcome(limit.refuseIfSpent('a'))).toBe('ok');
  });
});
