import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { Agency } from '@app/org';
import { canReachAgency, DomainError, forbidden, notFound, type Principal } from '@app/platform';
import { SurveyAnswer } from '../collection/survey-answer.entity.js';
import { SurveyResponse } from '../collection/survey-response.entity.js';
import { parseSurveyCriterionConfig, surveyPoints } from '../domain/criterion-mapping.js';
import { aggregateByPeriod, figureOf, type Granularity, type SatisfactionGroup } from '../domain/satisfaction.js';
import { ServiceDesk } from '../desks/service-desk.entity.js';
import type {
  CriterionPointsDto,
  CriterionPointsView,
  GroupView,
  ResultsQuery,
  ResultsView,
} from '../dto/results.dto.js';
import { SurveyFormVersion } from '../forms/survey-form-version.entity.js';
import { SurveyForm } from '../forms/survey-form.entity.js';
import { SurveyQuestion } from '../forms/survey-question.entity.js';
import { SurveySection } from '../forms/survey-section.entity.js';
import {
  SurveyResultsReader,
  type AgencySatisfaction,
  type PublishedSurveyForm,
  type SatisfactionQuery,
} from '../published/survey-results.js';

type SqlDimension = 'overall' | 'question' | 'section' | 'desk' | 'agency';
const GROUP_COLUMN: Record<SqlDimension, string | null> = {
  overall: null,
  question: 'a.questionKey',
  section: 'a.sectionKey',
  desk: 'a.deskId',
  agency: 'a.agencyId',
};

/** A DATETIME as the driver returns it: a Date (mysql2) or UTC text "YYYY-MM-DD HH:MM:SS.SSS" (SQLite). */
function toDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? '' : 'Z'}`);
}

interface RowFilter {
  formId: number;
  agencyIds?: number[];
  deskId?: number;
  questionKeys?: string[];
  from?: Date;
  to?: Date;
}

/** Satisfaction results, recomputed from the stored answers on every call. */
@Injectable()
export class SurveyResultsService extends SurveyResultsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async satisfaction(q: SatisfactionQuery): Promise<AgencySatisfaction[]> {
    if (!q.agencyIds.length) return [];
    const byAgency = await this.grouped(
      { formId: q.formId, agencyIds: q.agencyIds, questionKeys: q.questionKeys, from: q.from, to: q.to },
      'agency',
    );
    const groups = new Map(byAgency.map((g) => [Number(g.key), g]));
    return q.agencyIds.map((agencyId) => {
      const g = groups.get(agencyId);
      return {
        agencyId,
        responses: g?.responses ?? 0,
        answers: g?.answers ?? 0,
        satisfied: g?.satisfied ?? 0,
        satisfiedRate: g?.rate ?? null,
        margin95: g?.margin95 ?? null,
        marginMethod: g?.method ?? 'none',
      };
    });
  }

  async formByCode(code: string): Promise<PublishedSurveyForm | null> {
    const form = await this.db.getRepository(SurveyForm).findOneBy({ code });
    if (!form?.currentVersionId) return null;
    const [sections, questions] = await Promise.all([
      this.db.getRepository(SurveySection).find({ where: { formVersionId: form.currentVersionId } }),
      this.db
        .getRepository(SurveyQuestion)
        .find({ where: { formVersionId: form.currentVersionId, type: 'scale_1_5' }, order: { position: 'ASC' } }),
    ]);
    const sectionOrder = new Map(sections.map((s) => [s.id, s]));
    return {
      id: form.id,
      code: form.code,
      name: form.name,
      scaleQuestions: questions
        .sort(
          (a, b) =>
            sectionOrder.get(a.sectionId)!.position - sectionOrder.get(b.sectionId)!.position ||
            a.position - b.position,
        )
        .map((q) => ({ key: q.key, sectionKey: sectionOrder.get(q.sectionId)!.key, text: q.text })),
    };
  }

  /** The mapped points of a survey criterion for each agency, as the index will compute them. */
  async criterionPoints(dto: CriterionPointsDto): Promise<CriterionPointsView[]> {
    const { config, problems } = parseSurveyCriterionConfig(dto.config);
    if (problems.length)
      throw new DomainError('SURVEY_CRITERION_INVALID', problems.join('; '), 'invalid', { problems });
    const figures = await this.satisfaction(dto);
    const maxCenti = Math.round(dto.maxPoints * 100);
    return figures.map((f) => {
      const r = surveyPoints(f, config, maxCenti);
      return { agencyId: f.agencyId, points: r.pointsCenti / 100, ...r };
    });
  }

  async results(p: Principal, q: ResultsQuery): Promise<ResultsView> {
    const form = await this.db.getRepository(SurveyForm).findOneBy({ id: q.formId });
    if (!form) throw notFound('Survey form', q.formId);
    let agencyIds: number[] | undefined;
    if (q.agencyId !== undefined) {
      if (!canReachAgency(p, q.agencyId)) throw forbidden('You may only see your own agency’s results');
      agencyIds = [q.agencyId];
    } else if (!canReachAgency(p, -1)) {
      agencyIds = [p.agencyId ?? -1];
    }
    if (q.deskId !== undefined) {
      const desk = await this.db.getRepository(ServiceDesk).findOneBy({ id: q.deskId });
      if (!desk) throw notFound('Service desk', q.deskId);
      if (!canReachAgency(p, desk.agencyId)) throw forbidden('You may only see your own agency’s results');
    }
    const f: RowFilter = { formId: q.formId, agencyIds, deskId: q.deskId, from: q.from, to: q.to };
    const [overall] = await this.grouped(f, 'overall');
    const byQuestion = await this.grouped(f, 'question');
    const bySection = await this.grouped(f, 'section');
    const byDesk = await this.grouped(f, 'desk');
    const byAgency = await this.grouped(f, 'agency');
    const labels = await this.labels(
      q.formId,
      byDesk.map((d) => Number(d.key)),
      byAgency.map((a) => Number(a.key)),
    );
    const label =
      (kind: keyof typeof labels) =>
      (x: SatisfactionGroup): GroupView => ({ ...strip(x), label: labels[kind].get(x.key) ?? x.key });
    return {
      formId: q.formId,
      from: q.from ?? null,
      to: q.to ?? null,
      overall: overall ? { ...strip(overall), label: 'Tổng hợp' } : emptyGroup(),
      byQuestion: byQuestion.map(label('question')),
      bySection: bySection.map(label('section')),
      byDesk: byDesk.map(label('desk')),
      byAgency: byAgency.map(label('agency')),
      byPeriod: (await this.byPeriod(f, q.period ?? 'month')).map((x) => ({ ...strip(x), label: x.key })),
      respondents: await this.respondents({ formId: q.formId, agencyIds, deskId: q.deskId, from: q.from, to: q.to }),
    };
  }

  /** Scale answers matching the filter, joined to their version for its satisfied minimum. */
  private scaleAnswers(f: RowFilter): SelectQueryBuilder<SurveyAnswer> {
    const qb = this.db
      .getRepository(SurveyAnswer)
      .createQueryBuilder('a')
      .innerJoin(SurveyFormVersion, 'v', 'v.id = a.formVersionId')
      .where('a.formId = :formId', { formId: f.formId })
      .andWhere('a.type = :type', { type: 'scale_1_5' })
      .andWhere('a.value IS NOT NULL');
    if (f.agencyIds) qb.andWhere('a.agencyId IN (:...agencyIds)', { agencyIds: f.agencyIds });
    if (f.deskId !== undefined) qb.andWhere('a.deskId = :deskId', { deskId: f.deskId });
    if (f.questionKeys) qb.andWhere('a.questionKey IN (:...keys)', { keys: f.questionKeys });
    if (f.from) qb.andWhere('a.submittedAt >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.submittedAt < :to', { to: f.to });
    return qb;
  }

  private static readonly SATISFIED = 'SUM(CASE WHEN a.value >= v.satisfiedMin THEN 1 ELSE 0 END)';

  /**
   * Satisfaction per group, counted by the database: the same figures as the pure
   * aggregateSatisfaction over the answers (test/survey/survey-store.db-spec.ts checks it).
   */
  private async grouped(f: RowFilter, by: SqlDimension): Promise<SatisfactionGroup[]> {
    if ((f.agencyIds && !f.agencyIds.length) || (f.questionKeys && !f.questionKeys.length)) return [];
    const column = GROUP_COLUMN[by];
    const qb = this.scaleAnswers(f)
      .select(column ?? "'all'", 'k')
      .addSelect('COUNT(*)', 'answers')
      .addSelect(SurveyResultsService.SATISFIED, 'satisfied')
      .addSelect('COUNT(DISTINCT a.responseId)', 'responses');
    if (column) qb.groupBy(column);
    const raw = await qb.getRawMany<{
      k: string | number;
      answers: string | number;
      satisfied: string | number;
      responses: string | number;
    }>();
    return raw
      .filter((r) => Number(r.answers) > 0)
      .map((r) => ({ key: String(r.k), ...figureOf(Number(r.satisfied), Number(r.answers), Number(r.responses)) }))
      .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  }

  /** Per period: one row per response from the database, bucketed in Vietnam time here. */
  private async byPeriod(f: RowFilter, granularity: Granularity): Promise<SatisfactionGroup[]> {
    if (f.agencyIds && !f.agencyIds.length) return [];
    const raw = await this.scaleAnswers(f)
      .select('a.responseId', 'r')
      .addSelect('MIN(a.submittedAt)', 't')
      .addSelect('COUNT(*)', 'answers')
      .addSelect(SurveyResultsService.SATISFIED, 'satisfied')
      .groupBy('a.responseId')
      .getRawMany<{ t: Date | string; answers: string | number; satisfied: string | number }>();
    return aggregateByPeriod(
      raw.map((r) => ({ submittedAt: toDate(r.t), answers: Number(r.answers), satisfied: Number(r.satisfied) })),
      granularity,
    );
  }

  private async respondents(f: RowFilter): Promise<Record<string, number>> {
    const qb = this.db
      .getRepository(SurveyResponse)
      .createQueryBuilder('r')
      .select('r.respondentType', 'type')
      .addSelect('COUNT(*)', 'n')
      .where('r.formId = :formId', { formId: f.formId })
      .groupBy('r.respondentType');
    if (f.agencyIds)
      qb.andWhere('r.agencyId IN (:...agencyIds)', { agencyIds: f.agencyIds.length ? f.agencyIds : [-1] });
    if (f.deskId !== undefined) qb.andWhere('r.deskId = :deskId', { deskId: f.deskId });
    if (f.from) qb.andWhere('r.submittedAt >= :from', { from: f.from });
    if (f.to) qb.andWhere('r.submittedAt < :to', { to: f.to });
    const out: Record<string, number> = { citizen: 0, organisation: 0, unknown: 0 };
    for (const r of await qb.getRawMany<{ type: string | null; n: string | number }>())
      out[r.type ?? 'unknown'] += Number(r.n);
    return out;
  }

  /** Names for the keys: the latest version's wording of each question and section, desk and agency names. */
  private async labels(formId: number, deskIds: number[], agencyIds: number[]) {
    const versions = await this.db
      .getRepository(SurveyFormVersion)
      .find({ where: { formId }, order: { version: 'ASC' } });
    const ids = versions.map((v) => v.id);
    const order = new Map(ids.map((id, i) => [id, i]));
    const byOrder = <T extends { formVersionId: number }>(xs: T[]) =>
      xs.sort((a, b) => order.get(a.formVersionId)! - order.get(b.formVersionId)!);
    const questions = ids.length
      ? byOrder(await this.db.getRepository(SurveyQuestion).findBy({ formVersionId: In(ids) }))
      : [];
    const sections = ids.length
      ? byOrder(await this.db.getRepository(SurveySection).findBy({ formVersionId: In(ids) }))
      : [];
    const desks = deskIds.length ? await this.db.getRepository(ServiceDesk).findBy({ id: In(deskIds) }) : [];
    const agencies = agencyIds.length ? await this.db.getRepository(Agency).findBy({ id: In(agencyIds) }) : [];
    return {
      question: new Map(questions.map((q) => [q.key, `${q.key}. ${q.text}`])),
      section: new Map(sections.map((s) => [s.key, `${s.key}. ${s.title}`])),
      desk: new Map(desks.map((d) => [String(d.id), d.name])),
      agency: new Map(agencies.map((a) => [String(a.id), a.name])),
    };
  }
}

function strip(g: SatisfactionGroup): Omit<GroupView, 'label'> {
  return {
    key: g.key,
    responses: g.responses,
    answers: g.answers,
    satisfied: g.satisfied,
    ratePercent: g.ratePercent,
    margin95: g.margin95,
    low: g.low,
    high: g.high,
    method: g.method,
  };
}

function emptyGroup(): GroupView {
  return {
    key: 'all',
    label: 'Tổng hợp',
    responses: 0,
    answers: 0,
    satisfied: 0,
    ratePercent: null,
    margin95: null,
    low: null,
    high: null,
    method: 'none',
  };
}
