import { In, type EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../users/user.entity.js';
import { DEMO_AGENCIES, DEMO_COMMUNE_CODE, DEMO_PROVINCE_CODE, DEMO_USERS } from './demo-province.js';

/**
 * The demo province as it stands in the database: agency and user ids by code and username, so
 * that other modules can build their own demo data (question banks, contests, scorecards) on it.
 *
 *   const org = await DemoOrg.load(manager);   // null when the demo province is not there
 *   org.agencyId('SNV'); org.communeIds; org.userId('official1');
 */
export class DemoOrg {
  constructor(
    readonly agencyIds: ReadonlyMap<string, number>,
    readonly userIds: ReadonlyMap<string, number>,
  ) {}

  /** Reads the demo province back; null when it was never seeded. */
  static async load(m: EntityManager): Promise<DemoOrg | null> {
    const agencies = await m.getRepository(Agency).findBy({ code: In(DEMO_AGENCIES.map((a) => a.code)) });
    if (!agencies.some((a) => a.code === DEMO_PROVINCE_CODE)) return null;
    const users = await m.getRepository(User).findBy({ username: In(DEMO_USERS.map((u) => u.username)) });
    return new DemoOrg(new Map(agencies.map((a) => [a.code, a.id])), new Map(users.map((u) => [u.username, u.id])));
  }

  agencyId(code: string): number {
    const id = this.agencyIds.get(code);
    if (id === undefined) throw new Error(`No demo agency with code ${code}`);
    return id;
  }

  userId(username: string): number {
    const id = this.userIds.get(username);
    if (id === undefined) throw new Error(`No demo user ${username}`);
    return id;
  }

  private idsOf(level: (typeof DEMO_AGENCIES)[number]['level']): number[] {
    return DEMO_AGENCIES.filter((a) => a.level === level && this.agencyIds.has(a.code)).map((a) =>
      this.agencyId(a.code),
    );
  }

  get provinceId(): number {
    return this.agencyId(DEMO_PROVINCE_CODE);
  }
  /** The Department of Home Affairs (Sở Nội vụ), which runs tests, contests and the index. */
  get homeAffairsId(): number {
    return this.agencyId('SNV');
  }
  /** The commune whose officer and officials have demo accounts (Xã Mỹ An). */
  get demoCommuneId(): number {
    return this.agencyId(DEMO_COMMUNE_CODE);
  }
  get departmentIds(): number[] {
    return this.idsOf('department');
  }
  get districtIds(): number[] {
    return this.idsOf('district');
  }
  get communeIds(): number[] {
    return this.idsOf('commune');
  }
}
