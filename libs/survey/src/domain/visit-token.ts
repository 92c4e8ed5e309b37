/**
 * One-visit tokens: a respondent's right to send exactly one response. A QR page load or a kiosk
 * reset issues one; it is short-lived and spent by the response it carries.
 */
export type VisitSource = 'qr' | 'kiosk';

/** How long a respondent has to fill the form after the page loads (QR) or the kiosk resets. */
export const VISIT_TOKEN_TTL_MS: Record<VisitSource, number> = {
  qr: 30 * 60_000,
  kiosk: 15 * 60_000,
};

export type TokenState = 'valid' | 'used' | 'expired';

/** A spent token is reported as used even after it expires: the respondent learns the real reason. */
export function visitTokenState(t: { usedAt: Date | null; expiresAt: Date }, now: Date): TokenState {
  if (t.usedAt) return 'used';
  if (now.getTime() >= t.expiresAt.getTime()) return 'expired';
  return 'valid';
}

export function visitTokenExpiry(source: VisitSource, issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + VISIT_TOKEN_TTL_MS[source]);
}

/** What a client can hold: a random value; the database keeps only its SHA-256. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;
