import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Agency, AgencyLevel } from '@app/org';
import { AuditLog, canReachAgency, DomainError, forbidden, notFound, type Principal } from '@app/platform';
import { fromCenti, toCenti } from '../domain/decimal.js';
import { computeIndex, finalCenti, type IndexResult } from '../domain/index-arithmetic.js';
import { bandFor } from '../domain/ranking.js';
import {
  canAppraise,
  canSelfScore,
  transition,
  type ScorecardState,
  type WorkflowAction,
  type WorkflowRole,
} from '../domain/workflow.js';
import type { AppraisalItemDto, SelfScoreItemDto } from '../dto/scorecard.dto.js';
import type { SchemeNode } from '../schemes/scheme-node.entity.js';
import { SchemesService, type LoadedScheme } from '../schemes/schemes.service.js';
import { EvidenceFile } from './evidence-file.entity.js';
import { ScorecardItem } from './scorecard-item.entity.js';
import { Scorecard } from './scorecard.entity.js';

export interface ScorecardSummary {
  id: number;
  schemeId: number;
  agencyId: number;
  agencyName: string;
  state: ScorecardState;
}

export interface NodeView {
  code: string;
  name: string;
  parentCode: string | null;
  depth: number;
  max: number;
  source: string | null;
  achieved: number;
  item?: {
    id: number;
    self: number | null;
    explanation: string | null;
    appraised: number | null;
    appraisalNote: string | null;
    derived: number | null;
    flagged: boolean;
    final: number;
    evidence: { id: number; name: string; type: string; size: number; sha256: string }[];
    derivation: ScorecardItem['derivation'];
  };
}

export interface TotalsView {
  total: number;
  index: number;
  appraisedPoints: number;
  selfPoints: number;
  band: string | null;
  areas: { code: string; name: string; max: number; achieved: number; index: number }[];
}

export interface ScorecardView extends ScorecardSummary {
  year: number;
  levelCode: string;
  submittedAt: Date | null;
  appraisedAt: Date | null;
  publishedAt: Date | null;
  reopenReason: string | null;
  totals: TotalsView;
  nodes: NodeView[];
}

/** The index of one scorecard from its items, in hundredths. */
export function indexOf(loaded: LoadedScheme, items: ScorecardItem[]): IndexResult {
  const byNode = new Map(items.map((i) => [i.nodeId, i]));
  return computeIndex(
    loaded.areas.map((a) => ({ code: a.code, maxCenti: a.maxCenti })),
    loaded.leaves.map(({ node, areaCode }) => {
      const i = byNode.get(node.id);
      return {
        areaCode,
        source: node.source!,
        selfCenti: i?.selfCenti ?? null,
        appraisedCenti: i?.appraisedCenti ?? null,
        derivedCenti: i?.derivedCenti ?? null,
      };
    }),
    loaded.scheme.scaleCenti,
  );
}

export function totalsView(loaded: LoadedScheme, r: IndexResult): TotalsView {
  return {
    total: fromCenti(r.totalCenti),
    index: fromCenti(r.indexHundredths),
    appraisedPoints: fromCenti(r.appraisedCenti),
    selfPoints: fromCenti(r.selfCenti),
    band: bandFor(r.indexHundredths, loaded.ranking.bands),
    areas: r.areas.map((a, i) => ({
      code: a.code,
      name: loaded.areas[i].name,
      max: fromCenti(a.maxCenti),
      achieved: fromCenti(a.achievedCenti),
      index: fromCenti(a.indexHundredths),
    })),
  };
}

/** Agency scorecards: opening, self-scoring, appraisal and the workflow between them. */
@Injectable()
export class ScorecardsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schemes: SchemesService,
    private readonly audit: AuditLog,
  ) {}

  /** Opens a draft scorecard for each agency of the scheme's level (or those given) that has none. */
  async open(schemeId: number, agencyIds: number[] | undefined, actor: Principal): Promise<ScorecardSummary[]> {
    return this.db.transaction(async (m) => {
      const loaded = await this.schemes.load(schemeId, m);
      if (loaded.scheme.status !== 'active') {
        throw new DomainError('SCHEME_NOT_ACTIVE', 'Activate the scheme before opening scorecards', 'conflict');
      }
      const level = await m.getRepository(AgencyLevel).findOneByOrFail({ code: loaded.scheme.levelCode });
      const agencies = agencyIds
        ? agencyIds.length
          ? await m.getRepository(Agency).findBy({ id: In(agencyIds) })
          : []
        : await m.getRepository(Agency).findBy({ levelId: level.id, active: true });
      const wrong = agencies.filter((a) => a.levelId !== level.id);
      if (agencyIds && (agencies.length !== new Set(agencyIds).size || wrong.length)) {
        throw new DomainError(
          'AGENCY_NOT_AT_LEVEL',
          `Every agency must exist and be at the ${level.code} level`,
          'invalid',
        );
      }
      const existing = new Set((await m.getRepository(Scorecard).findBy({ schemeId })).map((s) => s.agencyId));
      const opened: ScorecardSummary[] = [];
      for (const agency of agencies.sort((a, b) => a.id - b.id)) {
        if (existing.has(agency.id)) continue;
        const card = await m.getRepository(Scorecard).save({
          schemeId,
          agencyId: agency.id,
          state: 'draft' as ScorecardState,
          submittedAt: null,
          appraisedAt: null,
          publishedAt: null,
          reopenReason: null,
        });
        await m.getRepository(ScorecardItem).insert(
          loaded.leaves.map(({ node }) => ({
            scorecardId: card.id,
            nodeId: node.id,
            selfCenti: null,
            explanation: null,
            appraisedCenti: null,
            appraisalNote: null,
            derivedCenti: null,
            derivation: null,
            flagged: false,
          })),
        );
        opened.push({ id: card.id, schemeId, agencyId: agency.id, agencyName: agency.name, state: card.state });
      }
      await this.audit.record(
        {
          actor,
          action: 'par.scorecards.opened',
          entityType: 'par_scheme',
          entityId: schemeId,
          after: { agencyIds: opened.map((o) => o.agencyId) },
        },
        m,
      );
      return opened;
    });
  }

  async list(filter: { schemeId?: number; agencyId?: number }, principal: Principal): Promise<ScorecardSummary[]> {
    const where: FindOptionsWhere<Scorecard> = {};
    if (filter.schemeId) where.schemeId = filter.schemeId;
    if (filter.agencyId) where.agencyId = filter.agencyId;
    // Agency officers and officials see only their own agency's scorecards.
    if (!canReachAgency(principal, -1)) {
      if (principal.agencyId === null || (filter.agencyId && filter.agencyId !== principal.agencyId)) return [];
      where.agencyId = principal.agencyId;
    }
    const cards = await this.db.getRepository(Scorecard).find({ where, order: { schemeId: 'ASC', agencyId: 'ASC' } });
    const names = await this.agencyNames(cards.map((c) => c.agencyId));
    return cards.map((c) => ({
      id: c.id,
      schemeId: c.schemeId,
      agencyId: c.agencyId,
      agencyName: names.get(c.agencyId) ?? '',
      state: c.state,
    }));
  }

  /** The scorecard with every node, item, evidence file, derivation and the totals. */
  async view(id: number, principal: Principal): Promise<ScorecardView> {
    const card = await this.reachable(id, principal);
    const loaded = await this.schemes.load(card.schemeId);
    const items = await this.db.getRepository(ScorecardItem).findBy({ scorecardId: id });
    const evidence = await this.db
      .getRepository(EvidenceFile)
      .find({ where: { scorecardId: id }, order: { id: 'ASC' } });
    const result = indexOf(loaded, items);
    const byNode = new Map(items.map((i) => [i.nodeId, i]));
    const codeOf = new Map(loaded.nodes.map((n) => [n.id, n.code]));
    const achieved = achievedByNode(loaded, byNode);
    const nodes: NodeView[] = loaded.nodes.map((n) => {
      const item = byNode.get(n.id);
      const view: NodeView = {
        code: n.code,
        name: n.name,
        parentCode: n.parentId ? (codeOf.get(n.parentId) ?? null) : null,
        depth: n.depth,
        max: fromCenti(n.maxCenti),
        source: n.source,
        achieved: fromCenti(achieved.get(n.id) ?? 0),
      };
      if (item) {
        view.item = {
          id: item.id,
          self: item.selfCenti === null ? null : fromCenti(item.selfCenti),
          explanation: item.explanation,
          appraised: item.appraisedCenti === null ? null : fromCenti(item.appraisedCenti),
          appraisalNote: item.appraisalNote,
          derived: item.derivedCenti === null ? null : fromCenti(item.derivedCenti),
          flagged: item.flagged,
          final: fromCenti(finalCenti({ source: n.source!, ...item })),
          evidence: evidence
            .filter((e) => e.itemId === item.id)
            .map((e) => ({ id: e.id, name: e.originalName, type: e.fileType, size: e.sizeBytes, sha256: e.sha256 })),
          derivation: item.derivation,
        };
      }
      return view;
    });
    const names = await this.agencyNames([card.agencyId]);
    return {
      id: card.id,
      schemeId: card.schemeId,
      agencyId: card.agencyId,
      agencyName: names.get(card.agencyId) ?? '',
      state: card.state,
      year: loaded.scheme.year,
      levelCode: loaded.scheme.levelCode,
      submittedAt: card.submittedAt,
      appraisedAt: card.appraisedAt,
      publishedAt: card.publishedAt,
      reopenReason: card.reopenReason,
      totals: totalsView(loaded, result),
      nodes,
    };
  }

  /** The agency's self-scores and explanations, each change audited. */
  async selfScore(id: number, entries: SelfScoreItemDto[], actor: Principal): Promise<ScorecardView> {
    await this.db.transaction(async (m) => {
      const card = await this.reachable(id, actor, m, true);
      if (actor.role !== 'agency_officer' && actor.role !== 'admin')
        throw forbidden('Only the agency (or an admin) self-scores');
      if (!canSelfScore(card.state)) {
        throw new DomainError(
          'SCORECARD_NOT_DRAFT',
          `The scorecard is ${card.state}; self-scores change only in a draft`,
          'conflict',
        );
      }
      const { items } = await this.itemsByCode(card, m);
      for (const entry of entries) {
        const found = items.get(entry.code);
        if (!found)
          throw new DomainError('CRITERION_UNKNOWN', `The scheme has no leaf criterion ${entry.code}`, 'invalid');
        const { node, item } = found;
        if (node.source !== 'self_assessed' && node.source !== 'bonus_penalty') {
          throw new DomainError(
            'NOT_SELF_ASSESSED',
            `${entry.code} is ${node.source}; the agency does not score it`,
            'invalid',
          );
        }
        const centi = entry.score === null || entry.score === undefined ? null : toCenti(entry.score);
        if (centi !== null) assertInRange(node, centi, entry.code);
        const explanation = entry.explanation === undefined ? item.explanation : entry.explanation || null;
        if (centi === item.selfCenti && explanation === item.explanation) continue;
        const before = { score: nullableFromCenti(item.selfCenti), explanation: item.explanation };
        item.selfCenti = centi;
        item.explanation = explanation;
        await m.getRepository(ScorecardItem).save(item);
        await this.audit.record(
          {
            actor,
            action: 'par.self_score',
            entityType: 'par_scorecard_item',
            entityId: item.id,
            agencyId: card.agencyId,
            before,
            after: { score: nullableFromCenti(centi), explanation, criterion: entry.code, scorecardId: card.id },
            reason: explanation,
          },
          m,
        );
      }
    });
    return this.view(id, actor);
  }

  /** The appraisal team's scores; a note is required wherever it departs from the agency or the computation. */
  async appraise(id: number, entries: AppraisalItemDto[], actor: Principal): Promise<ScorecardView> {
    await this.db.transaction(async (m) => {
      const card = await this.reachable(id, actor, m, true);
      if (!canAppraise(card.state)) {
        throw new DomainError(
          'SCORECARD_NOT_UNDER_APPRAISAL',
          `The scorecard is ${card.state}; start the appraisal first`,
          'conflict',
        );
      }
      const { items } = await this.itemsByCode(card, m);
      for (const entry of entries) {
        const found = items.get(entry.code);
        if (!found)
          throw new DomainError('CRITERION_UNKNOWN', `The scheme has no leaf criterion ${entry.code}`, 'invalid');
        const { node, item } = found;
        const centi = entry.score === null || entry.score === undefined ? null : toCenti(entry.score);
        if (centi !== null) assertInRange(node, centi, entry.code);
        const proposed =
          node.source === 'test_derived' || node.source === 'survey'
            ? item.derivedCenti
            : node.source === 'self_assessed'
              ? item.selfCenti
              : null;
        const note = entry.note?.trim() || null;
        // Departing from what the agency or the computation proposed needs a reason; bonus/penalty
        // points and survey points scored by hand have no proposal, so their note is optional.
        if (centi !== null && proposed !== null && centi !== proposed && !note) {
          throw new DomainError(
            'APPRAISAL_NOTE_REQUIRED',
            `${entry.code}: an appraisal that differs from the proposed ${fromCenti(proposed)} needs a note`,
            'invalid',
          );
        }
        if (centi === item.appraisedCenti && note === item.appraisalNote) continue;
        const before = {
          score: nullableFromCenti(item.appraisedCenti),
          note: item.appraisalNote,
          final: fromCenti(finalCenti({ source: node.source!, ...item })),
        };
        item.appraisedCenti = centi;
        item.appraisalNote = note;
        await m.getRepository(ScorecardItem).save(item);
        await this.audit.record(
          {
            actor,
            action:
              node.source === 'test_derived'
                ? 'par.test_derived.overridden'
                : node.source === 'survey' && item.derivedCenti !== null
                  ? 'par.survey.overridden'
                  : 'par.appraised',
            entityType: 'par_scorecard_item',
            entityId: item.id,
            agencyId: card.agencyId,
            before,
            after: {
              score: nullableFromCenti(centi),
              note,
              final: fromCenti(finalCenti({ source: node.source!, ...item })),
              criterion: entry.code,
              scorecardId: card.id,
            },
            reason: note,
          },
          m,
        );
      }
    });
    return this.view(id, actor);
  }

  /** A workflow step: submit, start or finish the appraisal, publish, reopen. */
  async step(
    id: number,
    action: WorkflowAction,
    actor: Principal,
    opts: { reason?: string; to?: ScorecardState } = {},
  ): Promise<ScorecardSummary> {
    return this.db.transaction(async (m) => {
      const card = await this.reachable(id, actor, m, true);
      const r = transition(card.state, action, actor.role as WorkflowRole, { reason: opts.reason, reopenTo: opts.to });
      if (!r.ok)
        throw new DomainError(
          r.code,
          r.message,
          r.code === 'ROLE_NOT_ALLOWED' ? 'forbidden' : r.code === 'STATE_NOT_ALLOWED' ? 'conflict' : 'invalid',
        );
      const before = card.state;
      const now = new Date();
      card.state = r.to;
      if (action === 'submit') card.submittedAt = now;
      if (action === 'finish_appraisal') card.appraisedAt = now;
      if (action === 'publish') card.publishedAt = now;
      if (action === 'reopen') {
        card.reopenReason = opts.reason!.trim();
        card.publishedAt = null;
      }
      await m.getRepository(Scorecard).save(card);
      await this.audit.record(
        {
          actor,
          action: `par.scorecard.${action}`,
          entityType: 'par_scorecard',
          entityId: card.id,
          agencyId: card.agencyId,
          before: { state: before },
          after: { state: card.state },
          reason: opts.reason ?? null,
        },
        m,
      );
      const names = await this.agencyNames([card.agencyId], m);
      return {
        id: card.id,
        schemeId: card.schemeId,
        agencyId: card.agencyId,
        agencyName: names.get(card.agencyId) ?? '',
        state: card.state,
      };
    });
  }

  /** Publishes every appraised scorecard of a scheme. */
  async publishAll(schemeId: number, actor: Principal): Promise<ScorecardSummary[]> {
    const cards = await this.db
      .getRepository(Scorecard)
      .find({ where: { schemeId, state: 'appraised' }, order: { id: 'ASC' } });
    const out: ScorecardSummary[] = [];
    for (const c of cards) out.push(await this.step(c.id, 'publish', actor));
    return out;
  }

  /** The scorecard if the principal may reach its agency; 404 first so ids of others reveal nothing more. */
  async reachable(
    id: number,
    principal: Principal,
    m: EntityManager = this.db.manager,
    lock = false,
  ): Promise<Scorecard> {
    const card = await m.getRepository(Scorecard).findOne({
      where: { id },
      ...(lock && !this.db.options.type.includes('sqlite') ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!card) throw notFound('Scorecard', id);
    if (!canReachAgency(principal, card.agencyId)) throw forbidden('This scorecard belongs to another agency');
    return card;
  }

  private async itemsByCode(
    card: Scorecard,
    m: EntityManager,
  ): Promise<{ items: Map<string, { node: SchemeNode; item: ScorecardItem }> }> {
    const loaded = await this.schemes.load(card.schemeId, m);
    const rows = await m.getRepository(ScorecardItem).findBy({ scorecardId: card.id });
    const byNode = new Map(rows.map((i) => [i.nodeId, i]));
    const items = new Map<string, { node: SchemeNode; item: ScorecardItem }>();
    for (const { node } of loaded.leaves) {
      const item = byNode.get(node.id);
      if (item) items.set(node.code, { node, item });
    }
    return { items };
  }

  async agencyNames(ids: number[], m: EntityManager = this.db.manager): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await m.getRepository(Agency).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((a) => [a.id, a.name]));
  }
}

/** Achieved centi-points of every node, leaves and branches. */
export function achievedByNode(loaded: LoadedScheme, byNode: Map<number, ScorecardItem>): Map<number, number> {
  const achieved = new Map<number, number>();
  const parentOf = new Map(loaded.nodes.map((n) => [n.id, n.parentId]));
  for (const { node } of loaded.leaves) {
    const item = byNode.get(node.id);
    const points = item ? finalCenti({ source: node.source!, ...item }) : 0;
    let at: number | null = node.id;
    while (at !== null) {
      achieved.set(at, (achieved.get(at) ?? 0) + points);
      at = parentOf.get(at) ?? null;
    }
  }
  return achieved;
}

function assertInRange(node: SchemeNode, centi: number | null, code: string): void {
  if (centi === null) throw new DomainError('SCORE_INVALID', `${code}: a score has at most two decimals`, 'invalid');
  const penaltyMax = node.source === 'bonus_penalty' ? (toCenti(Number(node.config?.penaltyMax ?? 0)) ?? 0) : 0;
  if (centi < -penaltyMax || centi > node.maxCenti) {
    throw new DomainError(
      'SCORE_OUT_OF_RANGE',
      `${code}: ${fromCenti(centi)} is outside ${fromCenti(-penaltyMax)}…${fromCenti(node.maxCenti)}`,
      'invalid',
    );
  }
}

const nullableFromCenti = (c: number | null): number | null => (c === null ? null : fromCenti(c));
