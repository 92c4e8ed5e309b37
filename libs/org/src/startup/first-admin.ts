import type { DataSource } from 'typeorm';
import { AuditEntry, DomainError, Role } from '@app/platform';
import { User } from '../users/user.entity.js';
import { hashPassword } from '../users/password.js';
import { assertStrongPassword } from '../users/users.service.js';
import { USERNAME_PATTERN } from '../domain/roles.js';

export interface AdminAccount {
  username: string;
  password: string;
  fullName?: string;
}

/**
 * Creates an administrator outside any agency (the first admin, from the environment or the
 * CLI). Refuses a taken username, a bad username and a weak password.
 */
export async function createAdmin(db: DataSource, account: AdminAccount, how: string): Promise<User> {
  if (!USERNAME_PATTERN.test(account.username)) {
    throw new DomainError('BAD_USERNAME', 'The username may only use letters without accents, digits, . - _ (3–64)');
  }
  assertStrongPassword(account.password, account.username);
  const passwordHash = await hashPassword(account.password);
  return db.transaction(async (m) => {
    const taken = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .where('LOWER(u.username) = :name', { name: account.username.toLowerCase() })
      .getExists();
    if (taken) {
      throw new DomainError('USERNAME_TAKEN', `The username "${account.username}" is already taken`, 'conflict');
    }
    const user = await m.getRepository(User).save({
      username: account.username,
      fullName: account.fullName?.trim() || 'Quản trị hệ thống',
      passwordHash,
      role: Role.Admin,
      agencyId: null,
      email: null,
      active: true,
    });
    await m.getRepository(AuditEntry).save({
      actorId: null,
      actorName: 'system',
      action: 'user.created',
      entityType: 'user',
      entityId: String(user.id),
      agencyId: null,
      before: null,
      after: { username: user.username, role: user.role },
      reason: how,
    });
    return user;
  });
}

/** Whether an active administrator exists. */
export function hasActiveAdmin(db: DataSource): Promise<boolean> {
  return db.getRepository(User).exists({ where: { role: Role.Admin, active: true } });
}
