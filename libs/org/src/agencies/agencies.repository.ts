import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { AgencyLevel } from './agency-level.entity.js';
import { Agency } from './agency.entity.js';

export interface AgencyFilter {
  levelId?: number;
  parentId?: number;
  active?: boolean;
  text?: string;
  /** Only these agencies (an agency officer's own). */
  onlyIds?: number[];
}

/** Agencies and their levels. */
/** `%text%` for LIKE … ESCAPE '!', its wildcards taken literally. */
export const likePattern = (text: string): string => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

@Injectable()
export class AgenciesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private agencies(m: EntityManager = this.db.manager) {
    return m.getRepository(Agency);
  }

  private levels(m: EntityManager = this.db.manager) {
    return m.getRepository(AgencyLevel);
  }

  allLevels(m?: EntityManager): Promise<AgencyLevel[]> {
    return this.levels(m).find({ order: { depth: 'ASC', id: 'ASC' } });
  }

  findLevel(id: number, m?: EntityManager): Promise<AgencyLevel | null> {
    return this.levels(m).findOneBy({ id });
  }

  /** By code, case ignored (MariaDB compares so anyway; SQLite would not). */
  findLevelByCode(code: string, m?: EntityManager): Promise<AgencyLevel | null> {
    return this.levels(m).createQueryBuilder('l').where('LOWER(l.code) = :code', { code: code.toLowerCase() }).getOne();
  }

  saveLevel(level: Partial<AgencyLevel>, m?: EntityManager): Promise<AgencyLevel> {
    return this.levels(m).save(level);
  }

  countAgencies(m?: EntityManager): Promise<number> {
    return this.agencies(m).count();
  }

  /** Every agency, ordered for a stable tree: by level depth, then name. Provinces hold a few hundred. */
  all(opts: { activeOnly?: boolean } = {}, m?: EntityManager): Promise<Agency[]> {
    return this.agencies(m).find({
      where: opts.activeOnly ? { active: true } : {},
      relations: { level: true },
      order: { level: { depth: 'ASC' }, name: 'ASC', id: 'ASC' },
    });
  }

  findById(id: number, m?: EntityManager): Promise<Agency | null> {
    return this.agencies(m).findOne({ where: { id }, relations: { level: true } });
  }

  findByCode(code: string, m?: EntityManager): Promise<Agency | null> {
    return this.agencies(m)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.level', 'level')
      .where('LOWER(a.code) = :code', { code: code.toLowerCase() })
      .getOne();
  }

  findByCodes(codes: string[], m?: EntityManager): Promise<Agency[]> {
    if (!codes.length) return Promise.resolve([]);
    return this.agencies(m).findBy({ code: In(codes) });
  }

  activeChildren(parentId: number, m?: EntityManager): Promise<Agency[]> {
    return this.agencies(m).find({ where: { parentId, active: true }, relations: { level: true } });
  }

  children(parentId: number, m?: EntityManager): Promise<Agency[]> {
    return this.agencies(m).find({ where: { parentId }, relations: { level: true } });
  }

  async page(
    filter: AgencyFilter,
    page: { skip: number; pageSize: number },
    m?: EntityManager,
  ): Promise<[Agency[], number]> {
    if (filter.onlyIds && !filter.onlyIds.length) return [[], 0];
    const q = this.agencies(m).createQueryBuilder('a').leftJoinAndSelect('a.level', 'level');
    if (filter.onlyIds) q.andWhere('a.id IN (:...ids)', { ids: filter.onlyIds });
    if (filter.levelId !== undefined) q.andWhere('a.level_id = :levelId', { levelId: filter.levelId });
    if (filter.parentId !== undefined) q.andWhere('a.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.active !== undefined) q.andWhere('a.active = :active', { active: filter.active });
    if (filter.text) {
      // SQLite lowers ASCII only: the text as typed is matched too, so "Đồng" finds "Đồng Sen" there.
      const given = likePattern(filter.text);
      const lower = likePattern(filter.text.toLowerCase());
      q.andWhere(
        new Brackets((w) =>
          w
            .where(`LOWER(a.name) LIKE :lower ESCAPE '!'`, { lower })
            .orWhere(`a.name LIKE :given ESCAPE '!'`, { given })
            .orWhere(`LOWER(a.code) LIKE :lower ESCAPE '!'`, { lower })
            .orWhere(`a.code LIKE :given ESCAPE '!'`, { given }),
        ),
      );
    }
    return q
      .orderBy('level.depth', 'ASC')
      .addOrderBy('a.name', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset(page.skip)
      .limit(page.pageSize)
      .getManyAndCount();
  }

  save(agency: Partial<Agency>, m?: EntityManager): Promise<Agency> {
    return this.agencies(m).save(agency);
  }

  async setActive(ids: number[], active: boolean, m?: EntityManager): Promise<void> {
    if (!ids.length) return;
    await this.agencies(m).update({ id: In(ids) }, { active });
  }
}
