import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppConfig,
  AuditLog,
  canReachAgency,
  DomainError,
  forbidden,
  notFound,
  pageOf,
  RateLimit,
  Role,
  type Page,
  type Principal,
} from '@app/platform';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { passwordProblem } from '../domain/password-policy.js';
import { roleNeedsAgency } from '../domain/roles.js';
import type { CreateUserDto, UpdateUserDto, UserDto, UserQuery } from '../dto/user.dto.js';
import { hashPassword, verifyPassword } from './password.js';
import type { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export const toUserDto = (u: User): UserDto => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  agencyId: u.agencyId,
  email: u.email,
  active: u.active,
  createdAt: new Date(u.createdAt).toISOString(),
});

/** What the audit log keeps of a user: never the password hash. */
const auditView = (u: User) => ({
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  agencyId: u.agencyId,
  email: u.email,
  active: u.active,
});

/** Throws WEAK_PASSWORD naming what is wrong, for every way a password is set. */
export function assertStrongPassword(password: string, username?: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new DomainError('WEAK_PASSWORD', `Choose another password: ${problem}`, 'invalid');
}

/** Accounts: administrators manage them; agency officers read their own agency's; everyone changes their own password. */
@Injectable()
export class UsersService {
  private readonly passwordChanges: RateLimit;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditLog,
    config: AppConfig,
  ) {
    this.passwordChanges = new RateLimit('password-change', config.LOGIN_RATE_PER_MINUTE, 60);
  }

  async list(principal: Principal, q: UserQuery): Promise<Page<UserDto>> {
    let agencyId = q.agencyId;
    if (principal.role === Role.AgencyOfficer) {
      if (agencyId !== undefined && agencyId !== principal.agencyId) {
        throw forbidden("You may only list your own agency's users");
      }
      if (!principal.agencyId) throw forbidden('Your account belongs to no agency');
      agencyId = principal.agencyId;
    }
    const [items, total] = await this.users.page({ agencyId, role: q.role, active: q.active, text: q.q }, q);
    return pageOf(items.map(toUserDto), total, q);
  }

  async get(principal: Principal, id: number): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (principal.role === Role.AgencyOfficer && (!user || !canReachAgency(principal, user.agencyId))) {
      throw forbidden("You may only read your own agency's users");
    }
    if (!user) throw notFound('User', id);
    return toUserDto(user);
  }

  async create(actor: Principal, dto: CreateUserDto): Promise<UserDto> {
    assertStrongPassword(dto.password, dto.username);
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (m) => {
      if ((await this.users.takenUsernames([dto.username], m)).size) {
        throw new DomainError('USERNAME_TAKEN', `The username "${dto.username}" is already taken`, 'conflict');
      }
      const agencyId = dto.agencyId ?? null;
      await this.checkRoleAndAgency(dto.role, agencyId, m);
      const user = await this.users.save(
        {
          username: dto.username,
          fullName: dto.fullName,
          passwordHash,
          role: dto.role,
          agencyId,
          email: dto.email ?? null,
          active: true,
        },
        m,
      );
      await this.audit.record(
        { actor, action: 'user.created', entityType: 'user', entityId: user.id, agencyId, after: auditView(user) },
        m,
      );
      return toUserDto((await this.users.findById(user.id, m))!);
    });
  }

  async update(actor: Principal, id: number, dto: UpdateUserDto): Promise<UserDto> {
    return this.db.transaction(async (m) => {
      const user = await this.users.findById(id, m);
      if (!user) throw notFound('User', id);
      const before = auditView(user);
      const role = dto.role ?? user.role;
      const agencyId = dto.agencyId !== undefined ? dto.agencyId : user.agencyId;
      const active = dto.active ?? user.active;
      if (user.role === Role.Admin && user.active && (role !== Role.Admin || !active)) {
        if (user.id === actor.userId) {
          throw new DomainError('OWN_ADMIN_RIGHTS', 'You cannot take away your own administrator rights', 'conflict');
        }
        await this.refuseLastAdmin(m);
      }
      if (role !== user.role || agencyId !== user.agencyId) await this.checkRoleAndAgency(role, agencyId, m);
      Object.assign(user, {
        fullName: dto.fullName ?? user.fullName,
        email: dto.email !== undefined ? dto.email : user.email,
        role,
        agencyId,
        active,
      });
      const saved = await this.users.save(user, m);
      await this.audit.record(
        {
          actor,
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          agencyId: saved.agencyId,
          before,
          after: auditView(saved),
          reason: dto.reason ?? null,
        },
        m,
      );
      return toUserDto(saved);
    });
  }

  /** Sets a new password chosen by an administrator; the audit log records who, when and why, never the password. */
  async resetPassword(actor: Principal, id: number, newPassword: string, reason: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User', id);
    assertStrongPassword(newPassword, user.username);
    const passwordHash = await hashPassword(newPassword);
    return this.db.transaction(async (m) => {
      await this.users.save({ id, passwordHash }, m);
      await this.audit.record(
        {
          actor,
          action: 'user.password_reset',
          entityType: 'user',
          entityId: id,
          agencyId: user.agencyId,
          after: { username: user.username },
          reason,
        },
        m,
      );
      return toUserDto(user);
    });
  }

  async deactivate(actor: Principal, id: number, reason?: string): Promise<UserDto> {
    return this.db.transaction(async (m) => {
      const user = await this.users.findById(id, m);
      if (!user) throw notFound('User', id);
      if (user.id === actor.userId) {
        throw new DomainError('OWN_ACCOUNT', 'You cannot deactivate your own account', 'conflict');
      }
      if (!user.active) return toUserDto(user);
      if (user.role === Role.Admin) await this.refuseLastAdmin(m);
      user.active = false;
      const saved = await this.users.save(user, m);
      await this.audit.record(
        {
          actor,
          action: 'user.deactivated',
          entityType: 'user',
          entityId: id,
          agencyId: user.agencyId,
          before: { active: true },
          after: { active: false },
          reason: reason ?? null,
        },
        m,
      );
      return toUserDto(saved);
    });
  }

  /** The caller changes their own password, proving the current one; rate-limited like a login. */
  async changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    if (!principal.userId) throw forbidden('Only an account with a password can change it');
    await this.passwordChanges.consume(`user:${principal.userId}`);
    const user = await this.users.findById(principal.userId);
    if (!user || !user.active) {
      throw new DomainError('UNAUTHENTICATED', 'This account no longer exists', 'unauthenticated');
    }
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new DomainError('BAD_CURRENT_PASSWORD', 'The current password is wrong', 'invalid');
    }
    if (currentPassword === newPassword) {
      throw new DomainError('SAME_PASSWORD', 'The new password must differ from the current one', 'invalid');
    }
    assertStrongPassword(newPassword, user.username);
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (m) => {
      await this.users.save({ id: user.id, passwordHash }, m);
      await this.audit.record(
        {
          actor: principal,
          action: 'user.password_changed',
          entityType: 'user',
          entityId: user.id,
          agencyId: user.agencyId,
        },
        m,
      );
    });
  }

  private async checkRoleAndAgency(role: Role, agencyId: number | null, m: EntityManager): Promise<void> {
    if (agencyId === null) {
      if (roleNeedsAgency(role)) {
        throw new DomainError('AGENCY_REQUIRED', `A user with the role ${role} must belong to an agency`, 'invalid');
      }
      return;
    }
    const agency = await this.agencies.findById(agencyId, m);
    if (!agency) throw new DomainError('UNKNOWN_AGENCY', `Agency ${agencyId} was not found`, 'invalid');
    if (!agency.active) throw new DomainError('AGENCY_INACTIVE', `Agency ${agency.code} is deactivated`, 'invalid');
  }

  private async refuseLastAdmin(m: EntityManager): Promise<void> {
    if ((await this.users.countActiveWithRole(Role.Admin, m)) <= 1) {
      throw new DomainError(
        'LAST_ADMIN',
        'This is the last active administrator: appoint another one first',
        'conflict',
      );
    }
  }
}
