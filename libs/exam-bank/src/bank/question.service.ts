import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, DomainError, notFound, PageQuery, pageOf, type Page, type Principal } from '@app/platform';
import { tagIndex } from './domain/normalize-text.js';
import type { ExportedQuestion, QuestionContent, QuestionDraft, TargetLevel } from './domain/question-draft.js';
import { contentDiffers, decideEdit, defaultScoringMode, draftProblems } from './domain/question-rules.js';
import type {
  ChangeStatusDto,
  CreateQuestionDto,
  QuestionFilterDto,
  QuestionQueryDto,
  QuestionSummary,
  QuestionView,
  UpdateQuestionDto,
  VersionView,
} from './dto/question.dto.js';
import { normalizedStem, QuestionRepository, versionFields, type QuestionCriteria } from './question.repository.js';
import { QuestionVersion } from './question-version.entity.js';
import { Question } from './question.entity.js';
import { TopicService, type TopicTree } from './topic.service.js';

/** At most this many questions in one export file. */
export const EXPORT_LIMIT = 50_000;

/** The draft a stored question and one of its versions stand for. */
export function storedDraft(q: Question, v: QuestionVersion, topicPath: string[]): QuestionDraft {
  return {
    topicPath,
    title: q.title,
    externalId: q.externalId,
    difficulty: q.difficulty,
    targetLevel: q.targetLevel as TargetLevel | null,
    tags: q.tags,
    type: v.type,
    stem: v.stem,
    options: v.options.map((o) => ({ text: o.text, fraction: o.fraction, feedback: o.feedback ?? null })),
    scoringMode: v.scoringMode,
    points: v.points,
    fixedOrder: v.fixedOrder,
    explanation: v.explanation,
  };
}

const versionView = (v: QuestionVersion): VersionView => ({
  id: v.id,
  version: v.version,
  type: v.type,
  stem: v.stem,
  options: v.options,
  scoringMode: v.scoringMode,
  points: v.points,
  fixedOrder: v.fixedOrder,
  explanation: v.explanation,
  used: v.used,
  createdAt: v.createdAt,
});

const invalid = (problems: string[]): DomainError =>
  new DomainError('QUESTION_INVALID', problems.join('; '), 'invalid', { problems });

/** Questions: create, read, edit under the versioning rule, change status, search, export. */
@Injectable()
export class QuestionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionRepository,
    private readonly topics: TopicService,
    private readonly audit: AuditLog,
  ) {}

  async create(dto: CreateQuestionDto, actor: Principal): Promise<QuestionView> {
    const draft: QuestionDraft = {
      topicPath: [],
      title: dto.title?.trim() || null,
      externalId: dto.externalId?.trim() || null,
      difficulty: dto.difficulty ?? 'medium',
      targetLevel: dto.targetLevel ?? null,
      tags: cleanTags(dto.tags ?? []),
      type: dto.type,
      stem: dto.stem,
      options: dto.options,
      scoringMode: dto.scoringMode ?? defaultScoringMode(dto.type),
      points: dto.points ?? 1,
      fixedOrder: dto.fixedOrder ?? false,
      explanation: dto.explanation ?? null,
    };
    const problems = draftProblems(draft);
    if (problems.length) throw invalid(problems);
    const id = await this.db.transaction(async (m) => {
      if (!(await this.topics.exists(dto.topicId, m))) throw notFound('Topic', dto.topicId);
      const [id] = await this.questions.insertMany(m, [
        { draft, topicId: dto.topicId, status: dto.status ?? 'draft', createdBy: actor.userId },
      ]);
      await this.audit.record(
        {
          actor,
          action: 'question.created',
          entityType: 'question',
          entityId: id,
          after: { topicId: dto.topicId, ...draft },
        },
        m,
      );
      return id;
    });
    return this.get(id);
  }

  async get(id: number): Promise<QuestionView> {
    const q = await this.questions.findQuestion(id);
    if (!q) throw notFound('Question', id);
    const [versions, tree] = await Promise.all([this.questions.versionsOf(id), this.topics.loadTree()]);
    const current = versions.find((v) => v.id === q.currentVersionId) ?? versions[0];
    const dupes = await this.questions.existingDuplicates(
      this.db.manager,
      [{ topicId: q.topicId, normalized: q.normalizedText }],
      q.id,
    );
    return {
      ...this.view(q, current, tree),
      versions: versions.map(versionView),
      duplicates: [...dupes.values()],
    };
  }

  private view(q: Question, v: QuestionVersion, tree: TopicTree): QuestionView {
    return {
      id: q.id,
      topicId: q.topicId,
      topicPath: tree.path(q.topicId),
      status: q.status,
      difficulty: q.difficulty,
      targetLevel: q.targetLevel,
      tags: q.tags,
      title: q.title,
      externalId: q.externalId,
      createdAt: q.createdAt,
      updatedAt: q.updatedAt,
      current: versionView(v),
    };
  }

  /**
   * Edits a question. Content changes follow the versioning rule (a version an attempt has shown
   * is never changed: a new version is made); topic, difficulty, level, tags, title and id are the
   * question's own and change in place. Audited with before and after.
   */
  async update(id: number, dto: UpdateQuestionDto, actor: Principal): Promise<QuestionView> {
    await this.db.transaction(async (m) => {
      const q = await this.questions.findQuestion(id, m);
      if (!q) throw notFound('Question', id);
      const current = await m.getRepository(QuestionVersion).findOneByOrFail({ id: q.currentVersionId ?? -1 });
      const before = storedDraft(q, current, []);
      const type = dto.type ?? current.type;
      const content: QuestionContent = {
        type,
        stem: dto.stem ?? current.stem,
        options: dto.options ?? before.options,
        scoringMode:
          dto.scoringMode ?? (dto.type && dto.type !== current.type ? defaultScoringMode(type) : current.scoringMode),
        points: dto.points ?? current.points,
        fixedOrder: dto.fixedOrder ?? current.fixedOrder,
        explanation: dto.explanation === undefined ? current.explanation : dto.explanation,
      };
      const after: QuestionDraft = {
        ...before,
        ...content,
        title: dto.title === undefined ? q.title : dto.title?.trim() || null,
        externalId: dto.externalId === undefined ? q.externalId : dto.externalId?.trim() || null,
        difficulty: dto.difficulty ?? q.difficulty,
        targetLevel: dto.targetLevel === undefined ? before.targetLevel : dto.targetLevel,
        tags: dto.tags ? cleanTags(dto.tags) : q.tags,
      };
      const problems = draftProblems(after);
      if (problems.length) throw invalid(problems);
      const topicId = dto.topicId ?? q.topicId;
      if (topicId !== q.topicId && !(await this.topics.exists(topicId, m))) throw notFound('Topic', topicId);

      let decision = decideEdit(current.used, contentDiffers(before, content));
      if (decision === 'in_place') {
        // An attempt may have shown the version since it was read: then it is frozen after all.
        const res = await m
          .getRepository(QuestionVersion)
          .update({ id: current.id, used: false }, versionFields(after));
        if (!res.affected) decision = 'new_version';
      }
      let versionId = current.id;
      let version = current.version;
      if (decision === 'new_version') {
        const latest = await m.getRepository(QuestionVersion).maximum('version', { questionId: id });
        version = (latest ?? current.version) + 1;
        const saved = await m
          .getRepository(QuestionVersion)
          .save({ questionId: id, version, ...versionFields(after), used: false });
        versionId = saved.id;
      }
      const metaChanged =
        topicId !== q.topicId ||
        JSON.stringify([after.title, after.externalId, after.difficulty, after.targetLevel, after.tags]) !==
          JSON.stringify([q.title, q.externalId, q.difficulty, q.targetLevel, q.tags]);
      if (decision === 'unchanged' && !metaChanged) return;
      await m.getRepository(Question).update(
        { id },
        {
          topicId,
          currentVersionId: versionId,
          title: after.title,
          externalId: after.externalId,
          difficulty: after.difficulty,
          targetLevel: after.targetLevel,
          tags: after.tags,
          tagIndex: tagIndex(after.tags) || null,
          normalizedText: normalizedStem(after.stem),
        },
      );
      await this.audit.record(
        {
          actor,
          action: 'question.edited',
          entityType: 'question',
          entityId: id,
          before: { topicId: q.topicId, version: current.version, ...before },
          after: { topicId, version, versioning: decision, ...after },
          reason: dto.reason ?? null,
        },
        m,
      );
    });
    return this.get(id);
  }

  /** draft → ready → retired (and back): only ready questions are drawn into tests. Audited. */
  async setStatus(id: number, dto: ChangeStatusDto, actor: Principal): Promise<QuestionView> {
    await this.db.transaction(async (m) => {
      const q = await this.questions.findQuestion(id, m);
      if (!q) throw notFound('Question', id);
      if (q.status === dto.status) return;
      await m.getRepository(Question).update({ id }, { status: dto.status });
      await this.audit.record(
        {
          actor,
          action: 'question.status_changed',
          entityType: 'question',
          entityId: id,
          before: { status: q.status },
          after: { status: dto.status },
          reason: dto.reason ?? null,
        },
        m,
      );
    });
    return this.get(id);
  }

  async list(query: QuestionQueryDto): Promise<Page<QuestionSummary>> {
    const tree = await this.topics.loadTree();
    const criteria = this.criteria(query, tree);
    const [rows, total] = await this.questions.search(criteria, (query.page - 1) * query.pageSize, query.pageSize);
    const versions = await this.questions.currentVersions(rows);
    const items = rows.flatMap((q): QuestionSummary[] => {
      const v = versions.get(q.id);
      if (!v) return [];
      return [
        {
          id: q.id,
          topicId: q.topicId,
          topicPath: tree.path(q.topicId),
          status: q.status,
          difficulty: q.difficulty,
          targetLevel: q.targetLevel,
          tags: q.tags,
          title: q.title,
          externalId: q.externalId,
          type: v.type,
          stem: v.stem,
          optionCount: v.options.length,
          version: v.version,
          updatedAt: q.updatedAt,
        },
      ];
    });
    return pageOf(items, total, Object.assign(new PageQuery(), { page: query.page, pageSize: query.pageSize }));
  }

  /** The current versions of every question the filter matches, as drafts with full topic paths. */
  async exportDrafts(filter: QuestionFilterDto): Promise<ExportedQuestion[]> {
    const tree = await this.topics.loadTree();
    const rows = await this.questions.allMatching(this.criteria(filter, tree), EXPORT_LIMIT + 1);
    if (rows.length > EXPORT_LIMIT) {
      throw new DomainError(
        'EXPORT_TOO_LARGE',
        `More than ${EXPORT_LIMIT} questions match: narrow the filter (topic, status …)`,
        'too_large',
      );
    }
    const versions = await this.questions.currentVersions(rows);
    return rows.flatMap((q) => {
      const v = versions.get(q.id);
      return v ? [{ id: q.id, draft: storedDraft(q, v, tree.path(q.topicId)) }] : [];
    });
  }

  private criteria(f: QuestionFilterDto, tree: TopicTree): QuestionCriteria {
    let topicIds: number[] | undefined;
    if (f.topicId !== undefined) {
      if (!tree.has(f.topicId)) throw notFound('Topic', f.topicId);
      topicIds = f.includeSubtopics ? tree.subtree(f.topicId) : [f.topicId];
    }
    return {
      text: f.q,
      topicIds,
      tag: f.tag,
      difficulty: f.difficulty,
      status: f.status,
      targetLevel: f.targetLevel,
      type: f.type,
    };
  }
}

/** Tags trimmed, NFC, without repeats. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.normalize('NFC').trim()))];
}
