import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../errors/domain-error.js';

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
      if (e instanceof RateLimiterRes) {
        const seconds = Math.ceil(e.msBeforeNext / 1000);
        throw new DomainError('RATE_LIMITED', `Too many attempts; try again in ${seconds} s`, 'rate_limited', {
          retryAfterSeconds: seconds,
        });
      }
      throw e;
    }
  }

  /** Forgets the key, e.g. after a successful login. */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
