import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditLog,
  canReachAgency,
  DomainError,
  forbidden,
  notFound,
  pageOf,
  Role,
  type Page,
  type Principal,
} from '@app/platform';
import { buildTree, descendantIds, placementProblem, wouldCreateCycle } from '../domain/agency-tree.js';
import type {
  AgencyDto,
  AgencyQuery,
  AgencyLevelDto,
  AgencyTreeNodeDto,
  CreateAgencyDto,
  CreateAgencyLevelDto,
  UpdateAgencyDto,
  UpdateAgencyLevelDto,
} from '../dto/agency.dto.js';
import type { AgencyLevel } from './agency-level.entity.js';
import type { Agency } from './agency.entity.js';
import { AgenciesRepository, type AgencyFilter } from './agencies.repository.js';

export const toAgencyDto = (a: Agency): AgencyDto => ({
  id: a.id,
  code: a.code,
  name: a.name,
  levelId: a.levelId,
  levelCode: a.level?.code ?? '',
  depth: a.level?.depth ?? 0,
  parentId: a.parentId,
  active: a.active,
  staffCount: a.staffCount,
});

const toLevelDto = (l: AgencyLevel): AgencyLevelDto => ({
  id: l.id,
  code: l.code,
  name: l.name,
  depth: l.depth,
  active: l.active,
});

/** Roles that read every agency; the others read their own. */
const PROVINCE_WIDE = new Set<Role>([Role.Admin, Role.Organizer, Role.Inspector]);

/** The agency tree and its levels: reading within the caller's scope, changes by administrators. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: AgenciesRepository,
    private readonly audit: AuditLog,
  ) {}

  async levels(): Promise<AgencyLevelDto[]> {
    return (await this.repo.allLevels()).map(toLevelDto);
  }

  async createLevel(actor: Principal, dto: CreateAgencyLevelDto): Promise<AgencyLevelDto> {
    return this.db.transaction(async (m) => {
      if (await this.repo.findLevelByCode(dto.code, m)) {
        throw new DomainError('LEVEL_CODE_TAKEN', `A level with code "${dto.code}" already exists`, 'conflict');
      }
      const level = await this.repo.saveLevel({ code: dto.code, name: dto.name, depth: dto.depth, active: true }, m);
      await this.audit.record(
        {
          actor,
          action: 'agency_level.created',
          entityType: 'agency_level',
          entityId: level.id,
          after: toLevelDto(level),
        },
        m,
      );
      return toLevelDto(level);
    });
  }

  async updateLevel(actor: Principal, id: number, dto: UpdateAgencyLevelDto): Promise<AgencyLevelDto> {
    return this.db.transaction(async (m) => {
      const level = await this.repo.findLevel(id, m);
      if (!level) throw notFound('Agency level', id);
      const before = toLevelDto(level);
      if (dto.name !== undefined) level.name = dto.name;
      if (dto.active !== undefined) level.active = dto.active;
      const saved = await this.repo.saveLevel(level, m);
      await this.audit.record(
        {
          actor,
          action: 'agency_level.updated',
          entityType: 'agency_level',
          entityId: id,
          before,
          after: toLevelDto(saved),
        },
        m,
      );
      return toLevelDto(saved);
    });
  }

  /**
   * The tree of agencies the caller may read: the whole province for province-wide roles, the
   * caller's own agency (alone) for the others.
   */
  async tree(principal: Principal, includeInactive: boolean): Promise<AgencyTreeNodeDto[]> {
    if (!PROVINCE_WIDE.has(principal.role)) {
      const own = principal.agencyId ? await this.repo.findById(principal.agencyId) : null;
      return own ? [{ ...toAgencyDto(own), children: [] }] : [];
    }
    const all = await this.repo.all({ activeOnly: !includeInactive });
    return buildTree(all.map(toAgencyDto));
  }

  async list(principal: Principal, q: AgencyQuery): Promise<Page<AgencyDto>> {
    const filter: AgencyFilter = { parentId: q.parentId, active: q.active, text: q.q };
    if (q.level) {
      const level = await this.repo.findLevelByCode(q.level);
      if (!level) return pageOf<AgencyDto>([], 0, q);
      filter.levelId = level.id;
    }
    if (!PROVINCE_WIDE.has(principal.role)) filter.onlyIds = principal.agencyId ? [principal.agencyId] : [];
    const [items, total] = await this.repo.page(filter, q);
    return pageOf(items.map(toAgencyDto), total, q);
  }

  async get(principal: Principal, id: number): Promise<AgencyDto> {
    if (!canReachAgency(principal, id)) throw forbidden('You may only read your own agency');
    const agency = await this.repo.findById(id);
    if (!agency) throw notFound('Agency', id);
    return toAgencyDto(agency);
  }

  async create(actor: Principal, dto: CreateAgencyDto): Promise<AgencyDto> {
    return this.db.transaction(async (m) => {
      await this.refuseTakenCode(dto.code, null, m);
      const level = await this.activeLevel(dto.level, m);
      const parent = await this.parentFor(dto.parentId ?? null, m);
      this.checkPlacement(level.depth, parent);
      const saved = await this.repo.save(
        {
          code: dto.code,
          name: dto.name,
          levelId: level.id,
          parentId: parent?.id ?? null,
          staffCount: dto.staffCount ?? null,
          active: true,
        },
        m,
      );
      const agency = (await this.repo.findById(saved.id, m))!;
      await this.audit.record(
        {
          actor,
          action: 'agency.created',
          entityType: 'agency',
          entityId: agency.id,
          agencyId: agency.id,
          after: toAgencyDto(agency),
        },
        m,
      );
      return toAgencyDto(agency);
    });
  }

  async update(actor: Principal, id: number, dto: UpdateAgencyDto): Promise<AgencyDto> {
    return this.db.transaction(async (m) => {
      const agency = await this.repo.findById(id, m);
      if (!agency) throw notFound('Agency', id);
      const before = toAgencyDto(agency);
      if (dto.code !== undefined && dto.code !== agency.code) {
        await this.refuseTakenCode(dto.code, id, m);
        agency.code = dto.code;
      }
      if (dto.name !== undefined) agency.name = dto.name;
      if (dto.staffCount !== undefined) agency.staffCount = dto.staffCount;
      let level = agency.level!;
      if (dto.level !== undefined && dto.level.toLowerCase() !== level.code.toLowerCase()) {
        level = await this.activeLevel(dto.level, m);
      }
      let parentId = agency.parentId;
      if (dto.parentId !== undefined && dto.parentId !== agency.parentId) {
        const all = await this.repo.all({}, m);
        if (wouldCreateCycle(all, id, dto.parentId)) {
          throw new DomainError('AGENCY_CYCLE', 'An agency cannot be placed below itself', 'invalid');
        }
        parentId = dto.parentId;
      }
      if (level.id !== agency.levelId || parentId !== agency.parentId) {
        this.checkPlacement(level.depth, await this.parentFor(parentId, m, parentId === agency.parentId));
        const below = (await this.repo.children(id, m)).find((c) => (c.level?.depth ?? 0) <= level.depth);
        if (below) {
          throw new DomainError(
            'AGENCY_PLACEMENT',
            `The level "${level.code}" is not above the level of its child ${below.code}`,
            'invalid',
          );
        }
      }
      agency.levelId = level.id;
      agency.parentId = parentId;
      await this.repo.save({ ...agency, level: undefined, parent: undefined }, m);
      const after = toAgencyDto((await this.repo.findById(id, m))!);
      await this.audit.record(
        { actor, action: 'agency.updated', entityType: 'agency', entityId: id, agencyId: id, before, after },
        m,
      );
      return after;
    });
  }

  /**
   * Deactivates an agency (agencies keep their history and are never deleted). One with active
   * children is refused unless `includeChildren`, which deactivates the whole branch.
   */
  async deactivate(
    actor: Principal,
    id: number,
    opts: { includeChildren?: boolean; reason?: string },
  ): Promise<{ deactivated: number[] }> {
    return this.db.transaction(async (m) => {
      const agency = await this.repo.findById(id, m);
      if (!agency) throw notFound('Agency', id);
      if (!agency.active)
        throw new DomainError('AGENCY_INACTIVE', `Agency ${agency.code} is already deactivated`, 'conflict');
      const all = await this.repo.all({ activeOnly: true }, m);
      const branch = descendantIds(all, id);
      if (branch.length && !opts.includeChildren) {
        throw new DomainError(
          'AGENCY_HAS_ACTIVE_CHILDREN',
          `Agency ${agency.code} has ${branch.length} active agencies below it: deactivate them first or ask to include them`,
          'conflict',
          { activeDescendants: branch.length },
        );
      }
      const ids = [id, ...branch];
      await this.repo.setActive(ids, false, m);
      await this.audit.record(
        {
          actor,
          action: 'agency.deactivated',
          entityType: 'agency',
          entityId: id,
          agencyId: id,
          before: { active: true },
          after: { active: false, deactivated: ids },
          reason: opts.reason ?? null,
        },
        m,
      );
      return { deactivated: ids };
    });
  }

  async activate(actor: Principal, id: number): Promise<AgencyDto> {
    return this.db.transaction(async (m) => {
      const agency = await this.repo.findById(id, m);
      if (!agency) throw notFound('Agency', id);
      if (agency.parentId) {
        const parent = await this.repo.findById(agency.parentId, m);
        if (parent && !parent.active) {
          throw new DomainError('AGENCY_PARENT_INACTIVE', `Activate the parent ${parent.code} first`, 'conflict');
        }
      }
      if (!agency.active) {
        await this.repo.setActive([id], true, m);
        await this.audit.record(
          {
            actor,
            action: 'agency.activated',
            entityType: 'agency',
            entityId: id,
            agencyId: id,
            before: { active: false },
            after: { active: true },
          },
          m,
        );
      }
      return toAgencyDto((await this.repo.findById(id, m))!);
    });
  }

  private async refuseTakenCode(code: string, selfId: number | null, m: EntityManager): Promise<void> {
    const other = await this.repo.findByCode(code, m);
    if (other && other.id !== selfId) {
      throw new DomainError('AGENCY_CODE_TAKEN', `An agency with code "${code}" already exists`, 'conflict');
    }
  }

  private async activeLevel(code: string, m: EntityManager): Promise<AgencyLevel> {
    const level = await this.repo.findLevelByCode(code, m);
    if (!level) throw new DomainError('UNKNOWN_LEVEL', `Unknown agency level "${code}"`, 'invalid');
    if (!level.active) {
      throw new DomainError('LEVEL_INACTIVE', `The level "${code}" is no longer in use for new agencies`, 'invalid');
    }
    return level;
  }

  /** The parent agency, which must exist and (unless it is the current one) be active. */
  private async parentFor(id: number | null, m: EntityManager, unchanged = false): Promise<Agency | null> {
    if (id === null) return null;
    const parent = await this.repo.findById(id, m);
    if (!parent) throw new DomainError('UNKNOWN_PARENT', `Parent agency ${id} was not found`, 'invalid');
    if (!parent.active && !unchanged) {
      throw new DomainError('PARENT_INACTIVE', `Parent agency ${parent.code} is deactivated`, 'invalid');
    }
    return parent;
  }

  private checkPlacement(depth: number, parent: Agency | null): void {
    const problem = placementProblem(depth, parent ? (parent.level?.depth ?? 0) : null);
    if (problem) throw new DomainError('AGENCY_PLACEMENT', `This agency cannot go there: ${problem}`, 'invalid');
  }
}
