import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SurveyResultsReader, type AgencySatisfaction, type PublishedSurveyForm } from '@app/survey';
import { AuditLog, DomainError, type AuditRecord, type Principal } from '@app/platform';
import { fromCenti } from '../domain/decimal.js';
import {
  deriveSurveyPoints,
  isComputedSurveyLeaf,
  parseSurveyLeafConfig,
  surveyWindow,
  type SurveyDerivation,
  type SurveyLeafConfig,
} from '../domain/survey-criterion.js';
import { canRecompute } from '../domain/workflow.js';
import type { SchemeNode } from '../schemes/scheme-node.entity.js';
import { SchemesService } from '../schemes/schemes.service.js';
import { loadDerivable, saveDerived } from '../scorecards/derived-items.js';
import { ScorecardItem } from '../scorecards/scorecard-item.entity.js';
import { Scorecard } from '../scorecards/scorecard.entity.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';

export interface SurveyRecomputedLeaf {
  scorecardId: number;
  agencyId: number;
  code: string;
  points: number;
  flagged: boolean;
  reason: string;
  responses: number;
  /** The satisfaction rate in percent, two decimals; null without answers. */
  ratePercent: number | null;
  margin95: number | null;
  changed: boolean;
  frozen: boolean;
  matchesStored: boolean;
}

interface SurveyLeaf {
  node: SchemeNode;
  config: SurveyLeafConfig;
}

/**
 * Recomputes survey criteria from the stored survey responses, read through the survey's published
 * SurveyResultsReader. Like the test-derived criterion, the points are a pure function of the
 * responses and the configuration, and every change of points is audited with its evidence.
 */
@Injectable()
export class SurveyCriterionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly schemes: SchemesService,
    private readonly scorecards: ScorecardsService,
    @Optional() @Inject(SurveyResultsReader) private readonly reader?: SurveyResultsReader,
  ) {}

  async recomputeScorecard(id: number, actor: Principal): Promise<SurveyRecomputedLeaf[]> {
    const card = await this.scorecards.reachable(id, actor);
    return this.run(card.schemeId, [card], actor);
  }

  async recomputeScheme(schemeId: number, actor: Principal): Promise<SurveyRecomputedLeaf[]> {
    const cards = await this.db.getRepository(Scorecard).find({ where: { schemeId }, order: { agencyId: 'ASC' } });
    return this.run(schemeId, cards, actor);
  }

  private async run(schemeId: number, cards: Scorecard[], actor: Principal): Promise<SurveyRecomputedLeaf[]> {
    const loaded = await this.schemes.load(schemeId);
    const leaves: SurveyLeaf[] = loaded.leaves
      .filter((l) => l.node.source === 'survey' && isComputedSurveyLeaf(l.node.config))
      .map((l) => ({ node: l.node, config: parseSurveyLeafConfig(l.node.config).config }));
    if (!leaves.length || !cards.length) return [];
    const reader = this.requireReader();
    const agencyIds = [...new Set(cards.map((c) => c.agencyId))].sort((a, b) => a - b);

    // One read per leaf for every agency at once.
    const forms = new Map<string, PublishedSurveyForm>();
    const figures = new Map<
      number,
      { form: PublishedSurveyForm; keys: string[]; from: Date; to: Date; rows: Map<number, AgencySatisfaction> }
    >();
    for (const leaf of leaves) {
      const form = forms.get(leaf.config.form) ?? (await reader.formByCode(leaf.config.form));
      if (!form) {
        throw new DomainError(
          'SURVEY_FORM_UNKNOWN',
          `${leaf.node.code}: there is no survey form with the code "${leaf.config.form}"`,
          'conflict',
          { criterion: leaf.node.code, form: leaf.config.form },
        );
      }
      forms.set(form.code, form);
      const known = new Set(form.scaleQuestions.map((q) => q.key));
      const unknown = (leaf.config.questionKeys ?? []).filter((k) => !known.has(k));
      if (unknown.length) {
        throw new DomainError(
          'SURVEY_QUESTION_UNKNOWN',
          `${leaf.node.code}: the form "${form.code}" has no rating question ${unknown.join(', ')}`,
          'conflict',
          { criterion: leaf.node.code, questionKeys: unknown },
        );
      }
      const keys = leaf.config.questionKeys ?? form.scaleQuestions.map((q) => q.key);
      const { from, to } = surveyWindow(leaf.config, loaded.scheme.year);
      const rows = await reader.satisfaction({ formId: form.id, questionKeys: keys, agencyIds, from, to });
      figures.set(leaf.node.id, { form, keys, from, to, rows: new Map(rows.map((r) => [r.agencyId, r])) });
    }

    const out: SurveyRecomputedLeaf[] = [];
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
          const f = figures.get(leaf.node.id)!;
          const row = f.rows.get(card.agencyId);
          const d = deriveSurveyPoints(
            [
              {
                agencyId: card.agencyId,
                responses: row?.responses ?? 0,
                answers: row?.answers ?? 0,
                satisfied: row?.satisfied ?? 0,
              },
            ],
            leaf.config,
            leaf.node.maxCenti,
          );
          const text = new Map(f.form.scaleQuestions.map((q) => [q.key, q.text]));
          const evidence: Omit<SurveyDerivation, 'computedAt'> = {
            kind: 'survey',
            ...d,
            form: { id: f.form.id, code: f.form.code, name: f.form.name },
            questions: f.keys.map((key) => ({ key, text: text.get(key) ?? key })),
            from: f.from.toISOString(),
            to: f.to.toISOString(),
            agencyIds: [card.agencyId],
            config: leaf.config,
          };
          const r = this.decide(card, leaf.node, item, evidence, actor);
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
    return out;
  }

  private decide(
    card: Scorecard,
    node: SchemeNode,
    item: ScorecardItem,
    evidence: Omit<SurveyDerivation, 'computedAt'>,
    actor: Principal,
  ): { leaf: SurveyRecomputedLeaf; audit?: AuditRecord } {
    const ratePercent = evidence.rateHundredths === null ? null : fromCenti(evidence.rateHundredths);
    const base = {
      scorecardId: card.id,
      agencyId: card.agencyId,
      code: node.code,
      points: fromCenti(evidence.pointsCenti),
      flagged: evidence.flagged,
      reason: evidence.reason,
      responses: evidence.responses,
      ratePercent,
      margin95: evidence.margin95,
    };
    if (!canRecompute(card.state)) {
      return {
        leaf: { ...base, changed: false, frozen: true, matchesStored: item.derivedCenti === evidence.pointsCenti },
      };
    }
    const same =
      item.derivedCenti === evidence.pointsCenti &&
      item.flagged === evidence.flagged &&
      JSON.stringify(item.derivation && { ...item.derivation, computedAt: undefined }) ===
        JSON.stringify({ ...evidence, computedAt: undefined });
    if (same) return { leaf: { ...base, changed: false, frozen: false, matchesStored: true } };
    const before = {
      points: item.derivedCenti === null ? null : fromCenti(item.derivedCenti),
      flagged: item.flagged,
      responses: item.derivation?.kind === 'survey' ? item.derivation.responses : null,
    };
    item.derivedCenti = evidence.pointsCenti;
    item.flagged = evidence.flagged;
    item.derivation = { ...evidence, computedAt: new Date().toISOString() };
    return {
      leaf: { ...base, changed: true, frozen: false, matchesStored: false },
      audit: {
        actor,
        action: 'par.survey.computed',
        entityType: 'par_scorecard_item',
        entityId: item.id,
        agencyId: card.agencyId,
        before,
        after: {
          points: fromCenti(evidence.pointsCenti),
          flagged: evidence.flagged,
          reason: evidence.reason,
          responses: evidence.responses,
          ratePercent,
          margin95: evidence.margin95,
          criterion: node.code,
          scorecardId: card.id,
        },
        reason: 'Recomputed from survey responses',
      },
    };
  }

  private requireReader(): SurveyResultsReader {
    if (!this.reader) {
      throw new DomainError('SURVEY_RESULTS_UNAVAILABLE', 'Survey results cannot be read on this server', 'conflict');
    }
    return this.reader;
  }
}
