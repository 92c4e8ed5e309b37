import { In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { ScorecardItem } from './scorecard-item.entity.js';
import { Scorecard } from './scorecard.entity.js';

/**
 * What a recompute of computed leaves (test-derived, survey) reads inside its transaction: the
 * cards as they are now (a card published meanwhile stays frozen) and their items of those leaves,
 * keyed `cardId:nodeId`.
 */
export async function loadDerivable(
  m: EntityManager,
  cards: Scorecard[],
  nodeIds: number[],
): Promise<{ cards: Scorecard[]; items: Map<string, ScorecardItem> }> {
  if (!cards.length) return { cards, items: new Map() };
  const ids = cards.map((c) => c.id);
  const current = new Map((await m.getRepository(Scorecard).findBy({ id: In(ids) })).map((c) => [c.id, c]));
  const rows = nodeIds.length
    ? await m.getRepository(ScorecardItem).findBy({ scorecardId: In(ids), nodeId: In(nodeIds) })
    : [];
  return {
    cards: cards.map((c) => current.get(c.id) ?? c),
    items: new Map(rows.map((i) => [`${i.scorecardId}:${i.nodeId}`, i])),
  };
}

/** Writes the computed figures of changed items, a statement per hundred items. */
export async function saveDerived(m: EntityManager, items: ScorecardItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 100) {
    await m
      .createQueryBuilder()
      .insert()
      .into(ScorecardItem)
      .values(items.slice(i, i + 100) as QueryDeepPartialEntity<ScorecardItem>[])
      .orUpdate(['derived_centi', 'flagged', 'derivation'], ['id'])
      .updateEntity(false)
      .execute();
  }
}
