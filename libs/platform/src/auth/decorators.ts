import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ALL_ROLES, type Principal, type Role } from './principal.js';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** The route needs no login. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (the method's list wins over the class's). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

/**
 * Any logged-in user, whatever the role: the service then limits what they reach (their own
 * attempt, their own agency). Every route declares @Public(), @Roles() or this; the access-control
 * suite fails on a route that declares none.
 */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(ROLES, [...ALL_ROLES]);

/** The authenticated caller. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
