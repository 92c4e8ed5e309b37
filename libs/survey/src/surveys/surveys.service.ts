import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import { AuditLog, canReachAgency, DomainError, forbidden, notFound, type Principal } from '@app/platform';
import { windowProblems, windowsOverlap, windowState } from '../domain/survey-window.js';
import { ServiceDesk } from '../desks/service-desk.entity.js';
import type { CreateSurveyDto, SurveyView, UpdateSurveyDto } from '../dto/survey.dto.js';
import { CollectionCache } from '../collection/collection-cache.js';
import { FormsService } from '../forms/forms.service.js';
import { SurveyDeskLink } from './survey-desk.entity.js';
import { Survey } from './survey.entity.js';

export const DEFAULT_DESK_RATE = 60;
export const DEFAULT_DEVICE_RATE = 20;

@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly forms: FormsService,
    private readonly audit: AuditLog,
    private readonly cache: CollectionCache,
  ) {}

  async create(p: Principal, dto: CreateSurveyDto): Promise<SurveyView> {
    this.assertWindow(dto.opensAt, dto.closesAt);
    const id = await this.db.transaction(async (m) => {
      const desks = await this.desksFor(m, dto.agencyIds ?? [], dto.deskIds ?? []);
      const version = await this.forms.useCurrentVersion(m, dto.formId);
      const survey = await m.getRepository(Survey).save({
        name: dto.name,
        formId: dto.formId,
        formVersionId: version.id,
        opensAt: dto.opensAt,
        closesAt: dto.closesAt,
        active: true,
        deskRatePerMinute: dto.deskRatePerMinute ?? DEFAULT_DESK_RATE,
        deviceRatePerMinute: dto.deviceRatePerMinute ?? DEFAULT_DEVICE_RATE,
        createdBy: p.userId,
      });
      await this.assertNoOverlap(
        m,
        survey,
        desks.map((d) => d.id),
      );
      await m
        .getRepository(SurveyDeskLink)
        .insert(desks.map((d) => ({ surveyId: survey.id, deskId: d.id, agencyId: d.agencyId })));
      await this.audit.record(
        {
          actor: p,
          action: 'survey.create',
          entityType: 'survey',
          entityId: survey.id,
          after: { ...dto, formVersionId: version.id },
        },
        m,
      );
      return survey.id;
    });
    this.cache.clear();
    return this.get(p, id);
  }

  async list(p: Principal): Promise<SurveyView[]> {
    const surveys = await this.db.getRepository(Survey).find({ order: { id: 'DESC' } });
    const views = await this.views(surveys);
    return views.filter((v) => canReachAgency(p, -1) || v.agencyIds.some((a) => canReachAgency(p, a)));
  }

  async get(p: Principal, id: number): Promise<SurveyView> {
    const survey = await this.db.getRepository(Survey).findOneBy({ id });
    if (!survey) throw notFound('Survey', id);
    const [v] = await this.views([survey]);
    if (!canReachAgency(p, -1) && !v.agencyIds.some((a) => canReachAgency(p, a)))
      throw forbidden('This survey is not at your agency');
    return v;
  }

  /** Renames, moves the window, pauses or resumes, or changes the rate limits. */
  async update(p: Principal, id: number, dto: UpdateSurveyDto): Promise<SurveyView> {
    await this.db.transaction(async (m) => {
      const survey = await m.getRepository(Survey).findOneBy({ id });
      if (!survey) throw notFound('Survey', id);
      const before = { ...survey };
      Object.assign(survey, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
      this.assertWindow(survey.opensAt, survey.closesAt);
      const links = await m.getRepository(SurveyDeskLink).findBy({ surveyId: id });
      await this.assertNoOverlap(
        m,
        survey,
        links.map((l) => l.deskId),
      );
      await m.getRepository(Survey).save(survey);
      await this.audit.record(
        { actor: p, action: 'survey.update', entityType: 'survey', entityId: id, before, after: dto },
        m,
      );
    });
    this.cache.clear();
    return this.get(p, id);
  }

  private assertWindow(opensAt: Date, closesAt: Date): void {
    const problems = windowProblems(opensAt, closesAt);
    if (problems.length) throw new DomainError('SURVEY_WINDOW_INVALID', problems.join('; '), 'invalid', { problems });
  }

  private async desksFor(m: EntityManager, agencyIds: number[], deskIds: number[]): Promise<ServiceDesk[]> {
    const byAgency = agencyIds.length
      ? await m.getRepository(ServiceDesk).findBy({ agencyId: In(agencyIds), active: true })
      : [];
    const named = deskIds.length ? await m.getRepository(ServiceDesk).findBy({ id: In(deskIds) }) : [];
    const missing = deskIds.filter((id) => !named.some((d) => d.id === id));
    if (missing.length) throw notFound('Service desk', missing.join(', '));
    const inactive = named.filter((d) => !d.active);
    if (inactive.length)
      throw new DomainError('SURVEY_DESK_INACTIVE', `Desk ${inactive[0].name} is deactivated`, 'conflict');
    const all = new Map([...byAgency, ...named].map((d) => [d.id, d]));
    if (!all.size) {
      throw new DomainError(
        'SURVEY_NO_DESKS',
        'Name the desks, or agencies that have active desks, that take part in the survey',
        'invalid',
      );
    }
    return [...all.values()];
  }

  /** A desk takes part in one survey at a time, so its QR code and kiosks always know which. */
  private async assertNoOverlap(m: EntityManager, survey: Survey, deskIds: number[]): Promise<void> {
    if (!deskIds.length) return;
    const links = await m.getRepository(SurveyDeskLink).findBy({ deskId: In(deskIds), surveyId: Not(survey.id) });
    if (!links.length) return;
    const others = await m.getRepository(Survey).findBy({ id: In([...new Set(links.map((l) => l.surveyId))]) });
    const clash = others.find((o) => windowsOverlap(o, survey));
    if (clash) {
      const desk = links.find((l) => l.surveyId === clash.id)!.deskId;
      throw new DomainError(
        'SURVEY_DESK_BUSY',
        `Desk ${desk} is already in survey "${clash.name}" during that time`,
        'conflict',
        {
          surveyId: clash.id,
          deskId: desk,
        },
      );
    }
  }

  private async views(surveys: Survey[]): Promise<SurveyView[]> {
    const ids = surveys.map((s) => s.id);
    const links = ids.length ? await this.db.getRepository(SurveyDeskLink).findBy({ surveyId: In(ids) }) : [];
    const now = new Date();
    return surveys.map((s) => {
      const own = links.filter((l) => l.surveyId === s.id);
      return {
        id: s.id,
        name: s.name,
        formId: s.formId,
        formVersionId: s.formVersionId,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        active: s.active,
        state: windowState(s, now),
        deskRatePerMinute: s.deskRatePerMinute,
        deviceRatePerMinute: s.deviceRatePerMinute,
        deskIds: own.map((l) => l.deskId).sort((a, b) => a - b),
        agencyIds: [...new Set(own.map((l) => l.agencyId))].sort((a, b) => a - b),
      };
    });
  }
}
