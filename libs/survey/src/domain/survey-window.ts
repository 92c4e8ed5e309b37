/** When a survey takes responses: active, and now in [opensAt, closesAt). */
export type WindowState = 'open' | 'not_started' | 'ended' | 'paused';

export interface SurveyWindow {
  opensAt: Date;
  closesAt: Date;
  active: boolean;
}

/** The longest window allowed: a survey year and a little. */
export const MAX_WINDOW_DAYS = 400;

export function windowState(w: SurveyWindow, now: Date): WindowState {
  if (!w.active) return 'paused';
  if (now.getTime() < w.opensAt.getTime()) return 'not_started';
  if (now.getTime() >= w.closesAt.getTime()) return 'ended';
  return 'open';
}

export function windowProblems(opensAt: Date, closesAt: Date): string[] {
  if (Number.isNaN(opensAt.getTime()) || Number.isNaN(closesAt.getTime()))
    return ['opensAt and closesAt must be dates'];
  if (closesAt.getTime() <= opensAt.getTime()) return ['closesAt must be after opensAt'];
  if (closesAt.getTime() - opensAt.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    return [`a survey window is at most ${MAX_WINDOW_DAYS} days`];
  }
  return [];
}

/** Two half-open windows [a, b) share a moment. A desk takes part in one survey at a time. */
export function windowsOverlap(
  a: Pick<SurveyWindow, 'opensAt' | 'closesAt'>,
  b: Pick<SurveyWindow, 'opensAt' | 'closesAt'>,
): boolean {
  return a.opensAt.getTime() < b.closesAt.getTime() && b.opensAt.getTime() < a.closesAt.getTime();
}
