import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditEntry, DomainError, type Role } from '@app/platform';
import { AgencyLevel } from '../agencies/agency-level.entity.js';
import { Agency } from '../agencies/agency.entity.js';
import { ROLE_LABELS_VI } from '../domain/roles.js';
import { hashPassword } from '../users/password.js';
import { User } from '../users/user.entity.js';
import { DemoOrg } from './demo-org.js';
import { DEMO_AGENCIES, DEMO_PROVINCE_CODE, DEMO_PROVINCE_NAME, DEMO_USERS, STANDARD_LEVELS } from './demo-province.js';

export interface DemoAccount {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  agencyName: string;
}

export interface DemoSeedResult {
  org: DemoOrg;
  /** The accounts with their passwords, made for this seed only: show them once. */
  accounts: DemoAccount[];
}

const WORDS = ['sen', 'lua', 'song', 'dong', 'tram', 'que', 'bien', 'gio', 'trang', 'may', 'cau', 'ghe'];

/** A password a person can read off a log and type: "song-4827-tram". */
export function demoPassword(): string {
  const word = (): string => WORDS[randomInt(WORDS.length)];
  return `${word()}-${String(randomInt(1000, 10000))}-${word()}`;
}

/**
 * Makes the standard levels (province, department, district, commune) that are missing. Levels are
 * reference data, made on every database; levels are never deleted, so this only fills a new one.
 */
export async function ensureStandardLevels(m: EntityManager): Promise<AgencyLevel[]> {
  const repo = m.getRepository(AgencyLevel);
  const have = await repo.find();
  const missing = STANDARD_LEVELS.filter((l) => !have.some((h) => h.code === l.code));
  if (!missing.length) return have;
  await repo.insert(missing.map((l) => ({ ...l, active: true })));
  return repo.find();
}

/**
 * Seeds the demo province ("Tỉnh Đồng Sen"): the province, 19 departments, 10 districts, 140
 * communes and one account per role, in one transaction. Usable from Nest and from the CLI.
 */
@Injectable()
export class DemoOrgSeeder {
  /** The demo organisation when this process seeded it; other modules may seed their own demo data on it. */
  lastSeeded: DemoOrg | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isSeeded(): Promise<boolean> {
    return this.db.getRepository(Agency).exists({ where: { code: DEMO_PROVINCE_CODE } });
  }

  /** Seeds the demo province; null when it is already there. Refuses when its codes or usernames are taken. */
  async seed(): Promise<DemoSeedResult | null> {
    if (await this.isSeeded()) return null;
    const passwords = DEMO_USERS.map(() => demoPassword());
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    const result = await this.db.transaction(async (m) => {
      if (await m.getRepository(Agency).exists({ where: { code: DEMO_PROVINCE_CODE } })) return null;
      await this.refuseCollisions(m);
      const levels = await ensureStandardLevels(m);
      const levelId = new Map(levels.map((l) => [l.code, l.id]));
      const ids = new Map<string, number>();
      const agencies = m.getRepository(Agency);
      for (const a of DEMO_AGENCIES) {
        const saved = await agencies.save({
          code: a.code,
          name: a.name,
          levelId: levelId.get(a.level)!,
          parentId: a.parentCode ? ids.get(a.parentCode)! : null,
          staffCount: a.staffCount || null,
          active: true,
        });
        ids.set(a.code, saved.id);
      }
      const users = await m.getRepository(User).save(
        DEMO_USERS.map((u, i) => ({
          username: u.username,
          fullName: u.fullName,
          passwordHash: hashes[i],
          role: u.role,
          agencyId: ids.get(u.agencyCode)!,
          email: null,
          active: true,
        })),
      );
      await m.getRepository(AuditEntry).save({
        actorId: null,
        actorName: 'system',
        action: 'org.demo_seeded',
        entityType: 'agency',
        entityId: String(ids.get(DEMO_PROVINCE_CODE)),
        agencyId: null,
        before: null,
        after: { agencies: ids.size, users: users.length },
        reason: 'demo data',
      });
      const org = new DemoOrg(ids, new Map(users.map((u) => [u.username, u.id])));
      const name = (code: string): string => DEMO_AGENCIES.find((a) => a.code === code)!.name;
      const accounts = DEMO_USERS.map((u, i) => ({
        username: u.username,
        password: passwords[i],
        fullName: u.fullName,
        role: u.role,
        agencyName: name(u.agencyCode),
      }));
      return { org, accounts };
    });
    if (result) this.lastSeeded = result.org;
    return result;
  }

  private async refuseCollisions(m: EntityManager): Promise<void> {
    const codes = (await m.getRepository(Agency).findBy({ code: In(DEMO_AGENCIES.map((a) => a.code)) })).map(
      (a) => a.code,
    );
    const names = (await m.getRepository(User).findBy({ username: In(DEMO_USERS.map((u) => u.username)) })).map(
      (u) => u.username,
    );
    if (codes.length || names.length) {
      throw new DomainError(
        'DEMO_COLLISION',
        `The demo data cannot be seeded here: taken agency codes [${codes.join(', ')}], usernames [${names.join(', ')}]`,
        'conflict',
      );
    }
  }
}

/** The block printed once after seeding: who can log in, with which password. */
export function demoAccountsBlock(result: DemoSeedResult): string {
  const counts = `${result.org.departmentIds.length} sở, ban, ngành; ${result.org.districtIds.length} huyện; ${result.org.communeIds.length} xã, phường, thị trấn`;
  const rows = result.accounts.map(
    (a) =>
      `  ${a.username.padEnd(14)} ${a.password.padEnd(18)} ${ROLE_LABELS_VI[a.role].padEnd(18)} ${a.fullName} — ${a.agencyName}`,
  );
  const rule = '═'.repeat(100);
  return [
    '',
    rule,
    `  DỮ LIỆU MẪU / DEMO DATA: ${DEMO_PROVINCE_NAME} (${counts})`,
    '  Tài khoản mẫu / demo accounts — passwords are shown only this once; change them before real use:',
    '',
    `  ${'username'.padEnd(14)} ${'password'.padEnd(18)} ${'vai trò (role)'.padEnd(18)} họ tên — cơ quan`,
    ...rows,
    rule,
    '',
  ].join('\n');
}
