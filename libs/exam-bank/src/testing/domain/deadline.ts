/**
 * The moment an attempt closes: the duration (plus any extra time granted to the candidate) from
 * the start, but never later than the session's window closes. The server's clock decides.
 */
export function attemptDeadline(startedAt: Date, durationSeconds: number, extraSeconds: number, closesAt: Date): Date {
  const byDuration = startedAt.getTime() + (durationSeconds + Math.max(0, extraSeconds)) * 1000;
  return new Date(Math.min(byDuration, closesAt.getTime()));
}

/** Milliseconds left before the deadline, never negative. */
export const remainingMs = (deadline: Date, now: Date): number => Math.max(0, deadline.getTime() - now.getTime());

export type WindowState = 'not_open' | 'open' | 'closed';

export function windowState(opensAt: Date, closesAt: Date, now: Date): WindowState {
  if (now.getTime() < opensAt.getTime()) return 'not_open';
  if (now.getTime() >= closesAt.getTime()) return 'closed';
  return 'open';
}
