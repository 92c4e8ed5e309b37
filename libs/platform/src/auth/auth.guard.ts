import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error.js';
import { IS_PUBLIC, ROLES } from './decorators.js';
import type { Principal, Role } from './principal.js';
import { TokenService } from './token.service.js';

/** Bearer token from the Authorization header. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

/**
 * Global guard for HTTP: every route needs a valid token unless marked @Public(), and a role from
 * @Roles() when it declares one. Agency scope is checked by the services with canReachAgency().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = this.tokens.verify(bearerToken(req.headers.authorization));
    req.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new DomainError('FORBIDDEN_ROLE', `This needs one of the roles: ${roles.join(', ')}`, 'forbidden');
    }
    return true;
  }
}
