import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import type { Role } from '@app/platform';
import { likePattern } from '../agencies/agencies.repository.js';
import { User } from './user.entity.js';

export interface UserFilter {
  agencyId?: number;
  role?: Role;
  active?: boolean;
  text?: string;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(m: EntityManager = this.db.manager) {
    return m.getRepository(User);
  }

  findActiveByUsername(username: string): Promise<User | null> {
    return this.repo().findOneBy({ username, active: true });
  }

  findById(id: number, m?: EntityManager): Promise<User | null> {
    return this.repo(m).findOneBy({ id });
  }

  async existsWithRole(role: User['role'], m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { role } });
  }

  countActiveWithRole(role: User['role'], m?: EntityManager): Promise<number> {
    return this.repo(m).countBy({ role, active: true });
  }

  /** Those of the usernames already taken, lower-cased: usernames are unique whatever their case. */
  async takenUsernames(usernames: string[], m?: EntityManager): Promise<Set<string>> {
    const lower = [...new Set(usernames.map((u) => u.toLowerCase()))];
    const taken = new Set<string>();
    for (let i = 0; i < lower.length; i += 500) {
      const chunk = lower.slice(i, i + 500);
      const rows = await this.repo(m)
        .createQueryBuilder('u')
        .select('LOWER(u.username)', 'name')
        .where('LOWER(u.username) IN (:...chunk)', { chunk })
        .getRawMany<{ name: string }>();
      for (const r of rows) taken.add(r.name);
    }
    return taken;
  }

  async page(
    filter: UserFilter,
    page: { skip: number; pageSize: number },
    m?: EntityManager,
  ): Promise<[User[], number]> {
    const q = this.repo(m).createQueryBuilder('u');
    if (filter.agencyId !== undefined) q.andWhere('u.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.role) q.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) q.andWhere('u.active = :active', { active: filter.active });
    if (filter.text) {
      // SQLite lowers ASCII only: the text as typed is matched too, so "Đồng" finds "Đồng Sen" there.
      const given = likePattern(filter.text);
      const lower = likePattern(filter.text.toLowerCase());
      q.andWhere(
        new Brackets((w) =>
          w
            .where(`LOWER(u.username) LIKE :lower ESCAPE '!'`, { lower })
            .orWhere(`u.username LIKE :given ESCAPE '!'`, { given })
            .orWhere(`LOWER(u.full_name) LIKE :lower ESCAPE '!'`, { lower })
            .orWhere(`u.full_name LIKE :given ESCAPE '!'`, { given })
            .orWhere(`LOWER(u.email) LIKE :lower ESCAPE '!'`, { lower })
            .orWhere(`u.email LIKE :given ESCAPE '!'`, { given }),
        ),
      );
    }
    return q.orderBy('u.username', 'ASC').offset(page.skip).limit(page.pageSize).getManyAndCount();
  }

  save(user: Partial<User>, m?: EntityManager): Promise<User> {
    return this.repo(m).save(user);
  }

  /** Many at once, in chunks (imports of hundreds of officials). */
  async insertMany(users: Partial<User>[], m?: EntityManager): Promise<void> {
    for (let i = 0; i < users.length; i += 200) await this.repo(m).insert(users.slice(i, i + 200));
  }

  findByIds(ids: number[], m?: EntityManager): Promise<User[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(m).findBy({ id: In(ids) });
  }
}
