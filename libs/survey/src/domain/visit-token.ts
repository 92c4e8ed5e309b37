/**
 * One-visit tokens: a respondent's right to send exactly one response. A QR page load or a kiosk
 * reset issues one; it is short-lived, signed by the server, and spent by the response it carries
 * (the database keeps the SHA-256 of each spent token under a unique index).
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

/** A kiosk token: a random value; the database keeps only its SHA-256. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

/** A visit token as the server signed it: the desk's survey, where it was issued, and when. */
export interface VisitClaims {
  /** 12 random bytes: two page loads never give the same token. */
  nonce: Buffer;
  source: VisitSource;
  surveyId: number;
  deskId: number;
  agencyId: number;
  kioskId: number | null;
  /** Whole milliseconds. */
  issuedAt: Date;
}

/** A signed visit token: base64url(payload) "." base64url(first 16 bytes of HMAC-SHA256(payload)). */
export const VISIT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{48}\.[A-Za-z0-9_-]{22}$/;
const PAYLOAD_BYTES = 36;
const VERSION = 1;
const U32 = 0xffffffff;

/**
 * A stateless visit token: the page load or kiosk reset writes nothing, and the response proves
 * with the signature which survey, desk and time the visit belongs to. `mac` is HMAC-SHA256 with
 * the server's key (passed in, so this stays free of key handling).
 */
export function encodeVisitToken(c: VisitClaims, mac: (payload: Buffer) => Buffer): string {
  for (const id of [c.surveyId, c.deskId, c.agencyId, c.kioskId ?? 0]) {
    if (!Number.isInteger(id) || id < 0 || id > U32) throw new RangeError(`id ${id} does not fit a visit token`);
  }
  if (c.nonce.length !== 12) throw new RangeError('a visit token nonce has 12 bytes');
  const p = Buffer.alloc(PAYLOAD_BYTES);
  p.writeUInt8(VERSION, 0);
  p.writeUInt8(c.source === 'kiosk' ? 1 : 0, 1);
  c.nonce.copy(p, 2);
  p.writeUInt32BE(c.surveyId, 14);
  p.writeUInt32BE(c.deskId, 18);
  p.writeUInt32BE(c.agencyId, 22);
  p.writeUInt32BE(c.kioskId ?? 0, 26);
  p.writeUIntBE(c.issuedAt.getTime(), 30, 6);
  return `${p.toString('base64url')}.${mac(p).subarray(0, 16).toString('base64url')}`;
}

/** The claims of a token this server signed, or null (malformed, another key, altered). */
export function decodeVisitToken(
  token: string,
  mac: (payload: Buffer) => Buffer,
  equal: (a: Buffer, b: Buffer) => boolean,
): VisitClaims | null {
  if (!VISIT_TOKEN_PATTERN.test(token)) return null;
  const [body, sig] = token.split('.');
  const p = Buffer.from(body, 'base64url');
  if (p.length !== PAYLOAD_BYTES || p.readUInt8(0) !== VERSION) return null;
  if (!equal(mac(p).subarray(0, 16), Buffer.from(sig, 'base64url'))) return null;
  const kioskId = p.readUInt32BE(26);
  return {
    nonce: p.subarray(2, 14),
    source: p.readUInt8(1) === 1 ? 'kiosk' : 'qr',
    surveyId: p.readUInt32BE(14),
    deskId: p.readUInt32BE(18),
    agencyId: p.readUInt32BE(22),
    kioskId: kioskId === 0 ? null : kioskId,
    issuedAt: new Date(p.readUIntBE(30, 6)),
  };
}
