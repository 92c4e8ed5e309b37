import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditLog, DomainError, notFound, type Principal } from '@app/platform';
import { formProblems, type FormDraft, type FormQuestion } from '../domain/form-rules.js';
import type { FormSummary, FormView } from '../dto/form.dto.js';
import { SurveyProcedure } from '../desks/procedure.entity.js';
import { DEFAULT_FORM, DEFAULT_FORM_CODE, DEFAULT_PROCEDURES } from './default-form.js';
import { SurveyFormVersion } from './survey-form-version.entity.js';
import { SurveyForm } from './survey-form.entity.js';
import { SurveyQuestion } from './survey-question.entity.js';
import { SurveySection } from './survey-section.entity.js';

/** What collection needs of a version: immutable once a survey uses it, so it is cached per process. */
export interface FormDefinition {
  view: FormView;
  questions: FormQuestion[];
}

@Injectable()
export class FormsService implements OnApplicationBootstrap {
  private readonly log = new Logger('SurveyForms');
  private readonly cache = new Map<number, FormDefinition>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Seeds the default form and the starting list of procedures; running it again changes nothing. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureDefaults();
  }

  async ensureDefaults(): Promise<void> {
    const forms = this.db.getRepository(SurveyForm);
    if (!(await forms.existsBy({ code: DEFAULT_FORM_CODE }))) {
      try {
        await this.db.transaction((m) => this.createIn(m, null, DEFAULT_FORM_CODE, 'Phiếu mặc định', DEFAULT_FORM));
        this.log.log('Seeded the default survey form');
      } catch (e) {
        // Another instance seeded it at the same moment: the unique code refused ours.
        if (!(await forms.existsBy({ code: DEFAULT_FORM_CODE }))) throw e;
      }
    }
    const procedures = this.db.getRepository(SurveyProcedure);
    const have = new Set((await procedures.find({ select: { code: true } })).map((p) => p.code));
    const missing = DEFAULT_PROCEDURES.filter((p) => !have.has(p.code));
    if (missing.length) {
      await procedures.insert(missing.map((p) => ({ ...p, active: true }))).catch(async (e: unknown) => {
        if ((await procedures.count()) < DEFAULT_PROCEDURES.length) throw e;
      });
    }
  }

  async list(): Promise<FormSummary[]> {
    const forms = await this.db.getRepository(SurveyForm).find({ order: { id: 'ASC' } });
    const ids = forms.map((f) => f.currentVersionId).filter((v): v is number => v !== null);
    const versions = ids.length ? await this.db.getRepository(SurveyFormVersion).findBy({ id: In(ids) }) : [];
    const byId = new Map(versions.map((v) => [v.id, v.version]));
    return forms.map((f) => ({
      id: f.id,
      code: f.code,
      name: f.name,
      currentVersionId: f.currentVersionId,
      currentVersion: byId.get(f.currentVersionId ?? 0) ?? 0,
    }));
  }

  /** The form's current version, or the numbered one. */
  async get(formId: number, version?: number): Promise<FormView> {
    const form = await this.db.getRepository(SurveyForm).findOneBy({ id: formId });
    if (!form) throw notFound('Survey form', formId);
    const v = await this.db
      .getRepository(SurveyFormVersion)
      .findOneBy(version === undefined ? { id: form.currentVersionId ?? 0 } : { formId, version });
    if (!v) throw notFound('Survey form version', `${formId}/${version ?? 'current'}`);
    return (await this.definitionIn(this.db.manager, v.id, form)).view;
  }

  async create(p: Principal, code: string, name: string, draft: FormDraft): Promise<FormView> {
    this.assertValid(draft);
    if (await this.db.getRepository(SurveyForm).existsBy({ code })) {
      throw new DomainError('SURVEY_FORM_CODE_TAKEN', `A form with code "${code}" already exists`, 'conflict');
    }
    const versionId = await this.db.transaction(async (m) => {
      const id = await this.createIn(m, p.userId, code, name, draft);
      const formId = (await m.getRepository(SurveyFormVersion).findOneByOrFail({ id })).formId;
      await this.audit.record(
        { actor: p, action: 'survey.form.create', entityType: 'survey_form', entityId: formId, after: { code, name } },
        m,
      );
      return id;
    });
    return (await this.definitionIn(this.db.manager, versionId)).view;
  }

  /**
   * Replaces the form's content. A version a survey uses never changes: a new version is made and
   * becomes current; an unused current version is edited in place.
   */
  async update(p: Principal, formId: number, name: string | undefined, draft: FormDraft): Promise<FormView> {
    this.assertValid(draft);
    const versionId = await this.db.transaction(async (m) => {
      const form = await m.getRepository(SurveyForm).findOneBy({ id: formId });
      if (!form) throw notFound('Survey form', formId);
      const current = await m.getRepository(SurveyFormVersion).findOneByOrFail({ id: form.currentVersionId ?? 0 });
      let id: number;
      if (current.used) {
        const last = await m
          .getRepository(SurveyFormVersion)
          .findOne({ where: { formId }, order: { version: 'DESC' } });
        id = await this.writeVersion(m, formId, (last?.version ?? 0) + 1, draft);
      } else {
        const sections = await m.getRepository(SurveySection).findBy({ formVersionId: current.id });
        await m.getRepository(SurveyQuestion).delete({ formVersionId: current.id });
        if (sections.length) await m.getRepository(SurveySection).delete({ formVersionId: current.id });
        await m
          .getRepository(SurveyFormVersion)
          .update(
            { id: current.id },
            { title: draft.title, description: draft.description ?? null, satisfiedMin: draft.satisfiedMin ?? 4 },
          );
        await this.writeContent(m, current.id, draft);
        id = current.id;
      }
      await m.getRepository(SurveyForm).update({ id: formId }, { currentVersionId: id, ...(name ? { name } : {}) });
      await this.audit.record(
        {
          actor: p,
          action: 'survey.form.update',
          entityType: 'survey_form',
          entityId: formId,
          before: { versionId: current.id },
          after: { versionId: id, newVersion: current.used },
        },
        m,
      );
      return id;
    });
    return (await this.definitionIn(this.db.manager, versionId)).view;
  }

  /** The version a new survey uses: the form's current one, marked used so that it never changes. */
  async useCurrentVersion(m: EntityManager, formId: number): Promise<SurveyFormVersion> {
    const form = await m.getRepository(SurveyForm).findOneBy({ id: formId });
    if (!form?.currentVersionId) throw notFound('Survey form', formId);
    await m.getRepository(SurveyFormVersion).update({ id: form.currentVersionId }, { used: true });
    return m.getRepository(SurveyFormVersion).findOneByOrFail({ id: form.currentVersionId });
  }

  /** A used version's definition, cached: it never changes. */
  async definition(versionId: number): Promise<FormDefinition> {
    const hit = this.cache.get(versionId);
    if (hit) return hit;
    const def = await this.definitionIn(this.db.manager, versionId);
    if (def.view.used) this.cache.set(versionId, def);
    return def;
  }

  private assertValid(draft: FormDraft): void {
    const problems = formProblems(draft);
    if (problems.length) {
      throw new DomainError('SURVEY_FORM_INVALID', `The form cannot be saved: ${problems.join('; ')}`, 'invalid', {
        problems,
      });
    }
  }

  private async createIn(
    m: EntityManager,
    userId: number | null,
    code: string,
    name: string,
    draft: FormDraft,
  ): Promise<number> {
    const form = await m.getRepository(SurveyForm).save({ code, name, currentVersionId: null, createdBy: userId });
    const versionId = await this.writeVersion(m, form.id, 1, draft);
    await m.getRepository(SurveyForm).update({ id: form.id }, { currentVersionId: versionId });
    return versionId;
  }

  private async writeVersion(m: EntityManager, formId: number, version: number, draft: FormDraft): Promise<number> {
    const v = await m.getRepository(SurveyFormVersion).save({
      formId,
      version,
      title: draft.title,
      description: draft.description ?? null,
      satisfiedMin: draft.satisfiedMin ?? 4,
      used: false,
    });
    await this.writeContent(m, v.id, draft);
    return v.id;
  }

  private async writeContent(m: EntityManager, versionId: number, draft: FormDraft): Promise<void> {
    for (const [si, s] of draft.sections.entries()) {
      const section = await m
        .getRepository(SurveySection)
        .save({ formVersionId: versionId, key: s.key, position: si + 1, title: s.title });
      await m.getRepository(SurveyQuestion).insert(
        s.questions.map((q, qi) => ({
          formVersionId: versionId,
          sectionId: section.id,
          key: q.key,
          position: qi + 1,
          type: q.type,
          text: q.text,
          options: q.type === 'single_choice' ? (q.options ?? []).map((o) => ({ key: o.key, label: o.label })) : [],
          required: q.required ?? false,
          maxLength: q.type === 'comment' ? (q.maxLength ?? null) : null,
        })),
      );
    }
  }

  private async definitionIn(m: EntityManager, versionId: number, knownForm?: SurveyForm): Promise<FormDefinition> {
    const v = await m.getRepository(SurveyFormVersion).findOneBy({ id: versionId });
    if (!v) throw notFound('Survey form version', versionId);
    const form = knownForm ?? (await m.getRepository(SurveyForm).findOneByOrFail({ id: v.formId }));
    const sections = await m
      .getRepository(SurveySection)
      .find({ where: { formVersionId: versionId }, order: { position: 'ASC' } });
    const questions = await m
      .getRepository(SurveyQuestion)
      .find({ where: { formVersionId: versionId }, order: { position: 'ASC' } });
    const sectionKey = new Map(sections.map((s) => [s.id, s.key]));
    const view: FormView = {
      formId: form.id,
      code: form.code,
      name: form.name,
      versionId: v.id,
      version: v.version,
      title: v.title,
      description: v.description,
      satisfiedMin: v.satisfiedMin,
      used: v.used,
      sections: sections.map((s) => ({
        id: s.id,
        key: s.key,
        title: s.title,
        questions: questions
          .filter((q) => q.sectionId === s.id)
          .map((q) => ({
            id: q.id,
            key: q.key,
            type: q.type,
            text: q.text,
            options: q.options,
            required: q.required,
            maxLength: q.maxLength,
          })),
      })),
    };
    return {
      view,
      questions: questions.map((q) => ({
        id: q.id,
        key: q.key,
        sectionKey: sectionKey.get(q.sectionId) ?? '',
        type: q.type,
        options: q.options,
        required: q.required,
        maxLength: q.maxLength,
      })),
    };
  }
}
