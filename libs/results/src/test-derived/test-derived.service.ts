import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ExamResultsReader, type GradedAttemptRow } from '@app/exam-bank';
import { Agency, AgencyLevel } from '@app/org';
import { AuditLog, DomainError, type AuditRecord, type Principal } from '@app/platform';
import { fromCenti } from '../domain/decimal.js';
import {
  agenciesCounted,
  deriveTestPoints,
  parseTestDerivedConfig,
  type TestDerivedConfig,
} from '../domain/test-derived.js';
import { canRecompute } from '../domain/workflow.js';
import type { SchemeNode } from '../schemes/scheme-node.entity.js';
import { SchemesService } from '../schemes/schemes.service.js';
import { loadDerivable, saveDerived } from '../scorecards/derived-items.js';
import { ScorecardItem } from '../scorecards/scorecard-item.entity.js';
import { Scorecard } from '../scorecards/scorecard.entity.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';

export interface RecomputedLeaf {
  scorecardId: number;
  agencyId: number;
  code: string;
  points: number;
  flagged: boolean;
  reason: string;
  candidates: number;
  /** The stored points changed (always false for a published scorecard, which is only checked). */
  changed: boolean;
  /** Published: the stored points were compared, not replaced. */
  frozen: boolean;
  /** For a published scorecard: whether a fresh computation gives the stored points. */
  matchesStored: boolean;
}

export interface RecomputeReport {
  schemeId: number;
  scorecards: number;
  attempts: number;
  leaves: RecomputedLeaf[];
}

/** The year's window of inspection sessions: [1 January, next 1 January) UTC. */
export const yearWindow = (year: number): { from: Date; to: Date } => ({
  from: new Date(Date.UTC(year, 0, 1)),
  to: new Date(Date.UTC(year + 1, 0, 1)),
});

/**
 * Recomputes test-derived criteria from the exam bank's graded attempts. The result is a pure
 * function of the attempts and the criterion's configuration, so recomputing gives the same points
 * until the attempts change; every change of points is audited with the evidence behind it.
 */
@Injectable()
export class TestDerivedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly schemes: SchemesService,
    private readonly scorecards: ScorecardsService,
    @Optional() @Inject(ExamResultsReader) private readonly reader?: ExamResultsReader,
  ) {}

  async recomputeScorecard(id: number, actor: Principal): Promise<RecomputeReport> {
    const card = await this.scorecards.reachable(id, actor);
    return this.run(card.schemeId, [card], actor);
  }

  /** Every scorecard of the scheme: one read of the attempts, one transaction. */
  async recomputeScheme(schemeId: number, actor: Principal): Promise<RecomputeReport> {
    const cards = await this.db.getRepository(Scorecard).find({ where: { schemeId }, order: { agencyId: 'ASC' } });
    return this.run(schemeId, cards, actor);
  }

  private async run(schemeId: number, cards: Scorecard[], actor: Principal): Promise<RecomputeReport> {
    const loaded = await this.schemes.load(schemeId);
    const leaves = loaded.leaves
      .filter((l) => l.node.source === 'test_derived')
      .map((l) => ({ node: l.node, config: parseTestDerivedConfig(l.node.config, fromCenti(l.node.maxCenti)).config }));
    if (!leaves.length || !cards.length) return { schemeId, scorecards: cards.length, attempts: 0, leaves: [] };
    const reader = this.requireReader();

    const tree = await this.agencyTree(cards.map((c) => c.agencyId));
    const counted = new Map<string, { agencyIds: number[]; staffCount: number | null }>();
    const allIds = new Set<number>();
    for (const card of cards) {
      for (const leaf of leaves) {
        const c = agenciesCounted(card.agencyId, tree, leaf.config.rollUpCommunes);
        counted.set(`${card.id}:${leaf.node.id}`, c);
        c.agencyIds.forEach((a) => allIds.add(a));
      }
    }
    const { from, to } = yearWindow(loaded.scheme.year);
    const rows = await reader.gradedAttempts({ agencyIds: [...allIds].sort((a, b) => a - b), from, to });
    const byAgency = new Map<number, GradedAttemptRow[]>();
    for (const r of rows) {
      const list = byAgency.get(r.agencyId);
      if (list) list.push(r);
      else byAgency.set(r.agencyId, [r]);
    }

    const out: RecomputedLeaf[] = [];
    await this.db.transaction(async (m) => {
      const { cards: current, items } = await loadDerivable(
        m,
        cards,
        leaves.map((l) => l.node.id),
      );
      const writes: ScorecardItem[] = [];
      const audits: AuditRecord[] = [];
      for (const card of current) {
        for (const leaf of leaves) {
          const item = items.get(`${card.id}:${leaf.node.id}`);
          if (!item) continue;
          const c = counted.get(`${card.id}:${leaf.node.id}`)!;
          const agencyRows = c.agencyIds.flatMap((a) => byAgency.get(a) ?? []);
          const r = this.decide(card, leaf.node, leaf.config, item, agencyRows, c, actor);
          out.push(r.leaf);
          if (r.audit) {
            writes.push(item);
            audits.push(r.audit);
          }
        }
      }
      await saveDerived(m, writes);
      await this.audit.recordMany(audits, m);
    });
    return { schemeId, scorecards: cards.length, attempts: rows.length, leaves: out };
  }

  /** The fresh computation for one item; when it differs from the stored one, the item is updated in place. */
  private decide(
    card: Scorecard,
    node: SchemeNode,
    config: TestDerivedConfig,
    item: ScorecardItem,
    rows: GradedAttemptRow[],
    counted: { agencyIds: number[]; staffCount: number | null },
    actor: Principal,
  ): { leaf: RecomputedLeaf; audit?: AuditRecord } {
    const d = deriveTestPoints(rows, config, node.maxCenti, counted.staffCount);
    const snapshot = { ...d, config, agencyIds: counted.agencyIds };
    const same =
      item.derivedCenti === d.pointsCenti &&
      item.flagged === d.flagged &&
      JSON.stringify(item.derivation && { ...item.derivation, computedAt: undefined }) ===
        JSON.stringify({ ...snapshot, computedAt: undefined });
    const base = {
      scorecardId: card.id,
      agencyId: card.agencyId,
      code: node.code,
      points: fromCenti(d.pointsCenti),
      flagged: d.flagged,
      reason: d.reason,
      candidates: d.candidates,
    };
    if (!canRecompute(card.state)) {
      return { leaf: { ...base, changed: false, frozen: true, matchesStored: item.derivedCenti === d.pointsCenti } };
    }
    if (same) return { leaf: { ...base, changed: false, frozen: false, matchesStored: true } };
    const before = {
      points: item.derivedCenti === null ? null : fromCenti(item.derivedCenti),
      flagged: item.flagged,
      candidates: item.derivation?.kind === 'survey' ? null : (item.derivation?.candidates ?? null),
    };
    item.derivedCenti = d.pointsCenti;
    item.flagged = d.flagged;
    item.derivation = { ...snapshot, computedAt: new Date().toISOString() };
    return {
      leaf: { ...base, changed: true, frozen: false, matchesStored: false },
      audit: {
        actor,
        action: 'par.test_derived.computed',
        entityType: 'par_scorecard_item',
        entityId: item.id,
        agencyId: card.agencyId,
        before,
        after: {
          points: fromCenti(d.pointsCenti),
          flagged: d.flagged,
          reason: d.reason,
          candidates: d.candidates,
          passRate: d.passRateHundredths === null ? null : fromCenti(d.passRateHundredths),
          criterion: node.code,
          scorecardId: card.id,
        },
        reason: 'Recomputed from inspection test attempts',
      },
    };
  }

  /** The agencies and their direct children, with level codes, for roll-up and staff counts. */
  private async agencyTree(
    ids: number[],
  ): Promise<{ id: number; parentId: number | null; levelCode: string; staffCount: number | null }[]> {
    if (!ids.length) return [];
    const repo = this.db.getRepository(Agency);
    const unique = [...new Set(ids)];
    const [own, children, levels] = await Promise.all([
      repo.findBy({ id: In(unique) }),
      repo.findBy({ parentId: In(unique), active: true }),
      this.db.getRepository(AgencyLevel).find(),
    ]);
    const code = new Map(levels.map((l) => [l.id, l.code]));
    return [...own, ...children].map((a) => ({
      id: a.id,
      parentId: a.parentId,
      levelCode: code.get(a.levelId) ?? '',
      staffCount: a.staffCount,
    }));
  }

  requireReader(): ExamResultsReader {
    if (!this.reader) {
      throw new DomainError(
        'EXAM_RESULTS_UNAVAILABLE',
        'Inspection test results cannot be read on this server',
        'conflict',
      );
    }
    return this.reader;
  }
}
