import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Principal } from '../auth/principal.js';
import type { PageQuery, Page } from '../http/page.js';
import { pageOf } from '../http/page.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  actor: Pick<Principal, 'userId' | 'name'> | 'system';
  action: string;
  entityType: string;
  entityId: string | number;
  agencyId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  agencyId?: number;
  action?: string;
}

/**
 * The audit trail every module writes score and grade changes to. Pass the transaction's
 * EntityManager so the entry commits or rolls back with the change it describes.
 */
function toRow(entry: AuditRecord): Omit<AuditEntry, 'id' | 'at'> {
  const actor = entry.actor === 'system' ? { userId: null, name: 'system' } : entry.actor;
  return {
    actorId: actor.userId,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    agencyId: entry.agencyId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  };
}

@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditRecord, manager: EntityManager = this.db.manager): Promise<AuditEntry> {
    return manager.getRepository(AuditEntry).save(toRow(entry));
  }

  /** Many entries in a few INSERTs (200 rows each), e.g. a recompute that changes a year's criteria. */
  async recordMany(entries: AuditRecord[], manager: EntityManager = this.db.manager): Promise<void> {
    const rows = entries.map(toRow);
    for (let i = 0; i < rows.length; i += 200) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AuditEntry)
        // simple-json columns take any value; the partial-entity type cannot say so.
        .values(rows.slice(i, i + 200) as QueryDeepPartialEntity<AuditEntry>[])
        .updateEntity(false)
        .execute();
    }
  }

  async list(filter: AuditFilter, page: PageQuery): Promise<Page<AuditEntry>> {
    const where: FindOptionsWhere<AuditEntry> = {};
    if (filter.entityType) where.entityType = filter.entityType;
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.agencyId) where.agencyId = filter.agencyId;
    if (filter.action) where.action = filter.action;
    const [items, total] = await this.db.getRepository(AuditEntry).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: page.skip,
      take: page.pageSize,
    });
    return pageOf(items, total, page);
  }
}
