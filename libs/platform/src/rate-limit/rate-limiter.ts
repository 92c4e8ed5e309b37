import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../errors/domain-error.js';

function limited(msBeforeNext: number): DomainError {
  const seconds = Math.ceil(msBeforeNext / 1000);
  return new DomainError('RATE_LIMITED', `Too many attempts; try again in ${seconds} s`, 'rate_limited', {
    retryAfterSeconds: seconds,
  });
}

/**
 * A fixed-window limiter keyed by caller (address, socket, PIN …), built on rate-limiter-flexible.
 * Used for logins, contest joins and socket messages.
 */
export class RateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(
    readonly name: string,
    points: number,
    perSeconds: number,
  ) {
    this.limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: perSeconds });
  }

  /** Spends one point for the key; throws RATE_LIMITED with the wait when none are left. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw limited(e.msBeforeNext);
      throw e;
    }
  }

  /**
   * Throws RATE_LIMITED when the key has no points left, without spending one: for a limit on
   * failures (wrong PINs), checked before trying, so that a lock-out holds for a right guess too.
   */
  async refuseIfSpent(key: string): Promise<void> {
    const res = await this.limiter.get(key);
    if (res && res.remainingPoints <= 0 && res.msBeforeNext > 0) throw limited(res.msBeforeNext);
  }

  /** Forgets the key, e.g. after a successful login. */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
