import { Injectable } from '@nestjs/common';
import { AppConfig, DomainError, RateLimit, TokenService, type Principal } from '@app/platform';
import type { LoginResultDto, SessionUserDto } from '../dto/login.dto.js';
import type { User } from '../users/user.entity.js';
import { verifyPassword } from '../users/password.js';
import { UsersRepository } from '../users/users.repository.js';

export const toSessionUser = (u: User): SessionUserDto => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  agencyId: u.agencyId,
});

@Injectable()
export class AuthService {
  private readonly attempts: RateLimit;

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    config: AppConfig,
  ) {
    this.attempts = new RateLimit('login', config.LOGIN_RATE_PER_MINUTE, 60);
  }

  /** Rate-limited per address and per username, so neither a spray nor a targeted guess gets far. */
  async login(username: string, password: string, ip: string): Promise<LoginResultDto> {
    await this.attempts.consume(`ip:${ip}`);
    await this.attempts.consume(`user:${username.trim().toLowerCase()}`);
    const user = await this.users.findActiveByUsername(username.trim());
    // Same answer for an unknown user and a wrong password: no account enumeration.
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      throw new DomainError('BAD_CREDENTIALS', 'Wrong username or password', 'unauthenticated');
    }
    const principal: Principal = { userId: user.id, role: user.role, agencyId: user.agencyId, name: user.fullName };
    return { ...this.tokens.sign(principal), user: toSessionUser(user) };
  }

  async me(principal: Principal): Promise<SessionUserDto> {
    const user = principal.userId ? await this.users.findById(principal.userId) : null;
    if (!user || !user.active)
      throw new DomainError('UNAUTHENTICATED', 'This account no longer exists', 'unauthenticated');
    return toSessionUser(user);
  }
}
