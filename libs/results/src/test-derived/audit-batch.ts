import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEntry, type AuditRecord } from '@app/platform';

/**
 * Many audit entries in a few INSERTs, in the caller's transaction: the same rows AuditLog.record
 * writes one by one, for a recompute that changes a whole year's criteria at once.
 */
export async function recordAuditBatch(records: AuditRecord[], m: EntityManager): Promise<void> {
  const rows = records.map((e) => {
    const actor = e.actor === 'system' ? { userId: null, name: 'system' } : e.actor;
    return {
      actorId: actor.userId,
      actorName: actor.name,
      action: e.action,
      entityType: e.entityType,
      entityId: String(e.entityId),
      agencyId: e.agencyId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 200) {
    // simple-json columns take any value; the partial-entity type cannot say so.
    await m
      .createQueryBuilder()
      .insert()
      .into(AuditEntry)
      .values(rows.slice(i, i + 200) as QueryDeepPartialEntity<AuditEntry>[])
      .updateEntity(false)
      .execute();
  }
}
