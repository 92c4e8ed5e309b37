import { DataSource } from 'typeorm';
import { Agency, AgencyLevel, User } from '@app/org';
import { Role, TokenService } from '@app/platform';
import type { TestApp } from './test-app.js';

/**
 * Small builders for tests: agencies and users straight into the database (no argon2 cost unless
 * a password is asked for), and login tokens signed by the server's own TokenService.
 */
let seq = 0;
const next = (): number => ++seq + Math.floor(Math.random() * 1e6);

export async function makeLevel(t: TestApp, code: string, depth: number): Promise<AgencyLevel> {
  const repo = t.app.get(DataSource).getRepository(AgencyLevel);
  return (await repo.findOneBy({ code })) ?? repo.save({ code, name: code, depth, active: true });
}

export async function makeAgency(
  t: TestApp,
  opts: { name?: string; code?: string; level?: string; parentId?: number | null; staffCount?: number } = {},
): Promise<Agency> {
  const level = await makeLevel(t, opts.level ?? 'department', opts.level === 'commune' ? 2 : 1);
  const n = next();
  return t.app
    .get(DataSource)
    .getRepository(Agency)
    .save({
      code: opts.code ?? `A${n}`,
      name: opts.name ?? `Cơ quan ${n}`,
      levelId: level.id,
      parentId: opts.parentId ?? null,
      active: true,
      staffCount: opts.staffCount ?? null,
    });
}

export interface TestUser {
  user: User;
  token: string;
}

/** A user of the role in the agency, with a signed token. Pass `passwordHash` to log in for real. */
export async function makeUser(
  t: TestApp,
  role: Role,
  agencyId: number | null,
  opts: { username?: string; fullName?: string; passwordHash?: string } = {},
): Promise<TestUser> {
  const n = next();
  const user = await t.app
    .get(DataSource)
    .getRepository(User)
    .save({
      username: opts.username ?? `${role}${n}`,
      fullName: opts.fullName ?? `Người dùng ${n}`,
      passwordHash: opts.passwordHash ?? 'not-a-hash',
      role,
      agencyId,
      email: null,
      active: true,
    });
  const { accessToken } = t.app.get(TokenService).sign({ userId: user.id, role, agencyId, name: user.fullName });
  return { user, token: accessToken };
}
