import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error.js';
import { ALL_ROLES, type Principal } from './principal.js';

interface Claims {
  sub: string;
  role: Principal['role'];
  agency: number | null;
  name: string;
  cand?: number;
  sess?: number;
}

/** Signs and reads login tokens, for HTTP and socket.io alike. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(p: Principal, ttlSeconds?: number): { accessToken: string; expiresAt: string } {
    const claims: Claims = {
      sub: String(p.userId ?? `c${p.candidateId}`),
      role: p.role,
      agency: p.agencyId,
      name: p.name,
    };
    if (p.candidateId !== undefined) claims.cand = p.candidateId;
    if (p.sessionId !== undefined) claims.sess = p.sessionId;
    const accessToken = this.jwt.sign(claims, ttlSeconds ? { expiresIn: ttlSeconds } : {});
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The principal a token stands for; throws UNAUTHENTICATED when it is missing, forged or expired. */
  verify(token: string | undefined): Principal {
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Log in first: no token was sent', 'unauthenticated');
    let c: Claims;
    try {
      c = this.jwt.verify<Claims>(token);
    } catch {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Your login has expired or is not valid: log in again',
        'unauthenticated',
      );
    }
    if (!ALL_ROLES.includes(c.role))
      throw new DomainError('UNAUTHENTICATED', 'Unknown role in token', 'unauthenticated');
    return {
      userId: c.sub.startsWith('c') ? null : Number(c.sub),
      role: c.role,
      agencyId: c.agency,
      name: c.name,
      ...(c.cand !== undefined ? { candidateId: c.cand } : {}),
      ...(c.sess !== undefined ? { sessionId: c.sess } : {}),
    };
  }
}
