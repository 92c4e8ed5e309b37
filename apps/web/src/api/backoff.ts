export interface BackoffOptions {
  /** Delay before the first retry, ms. */
  baseMs: number;
  /** Ceiling for any one delay, ms. */
  maxMs: number;
  /** 0..1: how much of each delay is randomised, so clients that lost the network together do not return together. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 15_000, jitter: 0.5 };

/**
 * Delay before retry number `attempt` (1 = first retry): exponential, capped, with jitter taken
 * off the top (never longer than the cap). `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const n = Math.max(1, Math.floor(attempt));
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** (n - 1));
  return Math.round(exp * (1 - opts.jitter * random()));
}
