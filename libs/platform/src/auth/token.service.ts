import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { ALL_ROLES, type Principal } from './principal.js';

/** The HMAC key that signs login tokens, made once from the secret (see resolveJwtSecret). */
export const JWT_KEY = Symbol('JWT_KEY');

/** How many verified tokens are remembered (a few rooms of candidates and the staff). */
const VERIFIED_LIMIT = 50_000;

interface Claims {
  exp?: number;
  sub: string;
  role: Principal['role'];
  agency: number | null;
  name: string;
  cand?: number;
  sess?: number;
}

/**
 * Signs and reads login tokens (HS256), for HTTP and socket.io alike. The key is a KeyObject: given
 * a plain string, jsonwebtoken first tries to parse it as a public key on every call, which costs
 * about 70 times the verification itself.
 */
@Injectable()
export class TokenService {
  /**
   * Tokens that passed verification, with their principal and expiry. A candidate sends the same
   * token with every answer, and checking its signature again costs more than the save itself; a
   * remembered token is still refused from its expiry on. Only verified tokens are remembered.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(
    @Inject(JWT_KEY) private readonly key: KeyObject,
    private readonly config: AppConfig,
  ) {}

  sign(p: Principal, ttlSeconds?: number): { accessToken: string; expiresAt: string } {
    const claims: Claims = {
      sub: String(p.userId ?? `c${p.candidateId}`),
      role: p.role,
      agency: p.agencyId,
      name: p.name,
    };
    if (p.candidateId !== undefined) claims.cand = p.candidateId;
    if (p.sessionId !== undefined) claims.sess = p.sessionId;
    const ttl = ttlSeconds ?? this.config.JWT_TTL_SECONDS;
    const accessToken = jwt.sign(claims, this.key, { algorithm: 'HS256', expiresIn: ttl });
    const { exp } = jwt.decode(accessToken) as { exp: number };
    return { accessToken, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The principal a token stands for; throws UNAUTHENTICATED when it is missing, forged or expired. */
  verify(token: string | undefined): Principal {
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Log in first: no token was sent', 'unauthenticated');
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return { ...known.principal };
    if (known) this.verified.delete(token);
    const fresh = this.read(token);
    if (this.verified.size >= VERIFIED_LIMIT) this.verified.clear();
    this.verified.set(token, fresh);
    return { ...fresh.principal };
  }

  private read(token: string): { principal: Principal; expiresAt: number } {
    let c: Claims;
    try {
      c = jwt.verify(token, this.key, { algorithms: ['HS256'] }) as Claims;
    } catch {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Your login has expired or is not valid: log in again',
        'unauthenticated',
      );
    }
    if (!ALL_ROLES.includes(c.role))
      throw new DomainError('UNAUTHENTICATED', 'Unknown role in token', 'unauthenticated');
    const principal: Principal = {
      userId: c.sub.startsWith('c') ? null : Number(c.sub),
      role: c.role,
      agencyId: c.agency,
      name: c.name,
      ...(c.cand !== undefined ? { candidateId: c.cand } : {}),
      ...(c.sess !== undefined ? { sessionId: c.sess } : {}),
    };
    return { principal, expiresAt: c.exp === undefined ? Infinity : c.exp * 1000 };
  }
}
