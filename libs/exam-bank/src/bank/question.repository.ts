import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { normalizeText, tagIndex, tagKey } from './domain/normalize-text.js';
import type { QuestionDraft, TargetLevel } from './domain/question-draft.js';
import { canonicalOptions, toStoredOptions } from './domain/question-rules.js';
import { QuestionVersion } from './question-version.entity.js';
import { Question } from './question.entity.js';
import type { Difficulty, QuestionStatus, QuestionType } from './question.types.js';

/** What the list, the export and the duplicate check filter on (topics already expanded). */
export interface QuestionCriteria {
  text?: string;
  topicIds?: number[];
  tag?: string;
  difficulty?: Difficulty;
  status?: QuestionStatus;
  targetLevel?: TargetLevel;
  type?: QuestionType;
}

export interface NewQuestion {
  draft: QuestionDraft;
  topicId: number;
  status: QuestionStatus;
  createdBy: number | null;
}

export const NORMALIZED_LENGTH = 512;
const CHUNK = 200;

/** The searchable, comparable text of a stem, cut to the indexed column's length. */
export const normalizedStem = (stem: string): string => normalizeText(stem).slice(0, NORMALIZED_LENGTH);

const likeEscape = (s: string): string => s.replace(/[!%_]/g, (c) => `!${c}`);

/** Questions and their versions: inserts in bulk, search, duplicates. */
@Injectable()
export class QuestionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Inserts the questions with their first version, in chunks; `onChunk` is told how many are done.
   * Runs inside the caller's transaction.
   */
  async insertMany(
    m: EntityManager,
    items: readonly NewQuestion[],
    onChunk?: (done: number) => void,
  ): Promise<number[]> {
    const ids: number[] = [];
    for (let start = 0; start < items.length; start += CHUNK) {
      const chunk = items.slice(start, start + CHUNK);
      // Multi-row inserts; the chunk's new rows are found again by a marker no committed row carries
      // (a negative version id), in insertion (id) order, then pointed at their versions.
      const marker = -1 - randomInt(2 ** 31 - 2);
      await insertRows(
        m,
        'questions',
        [
          'topic_id',
          'current_version_id',
          'status',
          'difficulty',
          'target_level',
          'tags',
          'tag_index',
          'normalized_text',
          'external_id',
          'title',
          'created_by',
        ],
        chunk.map((item) => [
          item.topicId,
          marker,
          item.status,
          item.draft.difficulty,
          item.draft.targetLevel,
          JSON.stringify(item.draft.tags),
          tagIndex(item.draft.tags) || null,
          normalizedStem(item.draft.stem),
          item.draft.externalId,
          item.draft.title,
          item.createdBy,
        ]),
      );
      const inserted = await m.getRepository(Question).find({
        select: { id: true },
        where: { currentVersionId: marker },
        order: { id: 'ASC' },
      });
      if (inserted.length !== chunk.length) throw new Error('Inserted questions could not be found again');
      const chunkIds = inserted.map((q) => q.id);
      await insertRows(
        m,
        'question_versions',
        [
          'question_id',
          'version',
          'type',
          'stem',
          'options',
          'scoring_mode',
          'points',
          'fixed_order',
          'explanation',
          'used',
        ],
        chunk.map((item, i) => {
          const v = versionFields(item.draft);
          return [
            chunkIds[i],
            1,
            v.type,
            v.stem,
            JSON.stringify(v.options),
            v.scoringMode,
            v.points,
            v.fixedOrder ? 1 : 0,
            v.explanation,
            0,
          ];
        }),
      );
      const versions = await m.getRepository(QuestionVersion).find({
        select: { id: true, questionId: true },
        where: { questionId: In(chunkIds) },
      });
      await this.pointAtVersions(
        m,
        versions.map((v) => [v.questionId, v.id]),
      );
      ids.push(...chunkIds);
      onChunk?.(ids.length);
    }
    return ids;
  }

  /** UPDATE … SET current_version_id = CASE id WHEN … END for a chunk of questions. */
  private async pointAtVersions(m: EntityManager, pairs: [number, number][]): Promise<void> {
    if (!pairs.length) return;
    const cases = pairs.map(([q, v]) => `WHEN ${Number(q)} THEN ${Number(v)}`).join(' ');
    await m
      .createQueryBuilder()
      .update(Question)
      .set({ currentVersionId: () => `CASE id ${cases} END` })
      .where({ id: In(pairs.map(([q]) => q)) })
      .updateEntity(false)
      .execute();
  }

  async findQuestion(id: number, m: EntityManager = this.db.manager): Promise<Question | null> {
    return m.getRepository(Question).findOneBy({ id });
  }

  async versionsOf(questionId: number, m: EntityManager = this.db.manager): Promise<QuestionVersion[]> {
    return m.getRepository(QuestionVersion).find({ where: { questionId }, order: { version: 'DESC' } });
  }

  async currentVersions(
    questions: readonly Question[],
    m: EntityManager = this.db.manager,
  ): Promise<Map<number, QuestionVersion>> {
    const ids = questions.map((q) => q.currentVersionId).filter((id): id is number => id !== null);
    const out = new Map<number, QuestionVersion>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await m.getRepository(QuestionVersion).findBy({ id: In(ids.slice(i, i + 1000)) });
      for (const v of rows) out.set(v.questionId, v);
    }
    return out;
  }

  /** A page of questions matching the criteria, newest first. */
  async search(c: QuestionCriteria, skip: number, take: number): Promise<[Question[], number]> {
    if (c.topicIds && c.topicIds.length === 0) return [[], 0];
    return this.filtered(c).orderBy('q.id', 'DESC').skip(skip).take(take).getManyAndCount();
  }

  /** Every question matching the criteria, in topic then id order (exports), at most `limit`. */
  async allMatching(c: QuestionCriteria, limit: number): Promise<Question[]> {
    if (c.topicIds && c.topicIds.length === 0) return [];
    return this.filtered(c).orderBy('q.topicId', 'ASC').addOrderBy('q.id', 'ASC').take(limit).getMany();
  }

  private filtered(c: QuestionCriteria): SelectQueryBuilder<Question> {
    const qb = this.db.getRepository(Question).createQueryBuilder('q');
    // Every word of the query, without diacritics, somewhere in the normalised text.
    const words = normalizeText(c.text ?? '')
      .split(' ')
      .filter((w) => w.length > 0)
      .slice(0, 10);
    words.forEach((w, i) =>
      qb.andWhere(`q.normalizedText LIKE :w${i} ESCAPE '!'`, { [`w${i}`]: `%${likeEscape(w)}%` }),
    );
    if (c.topicIds) qb.andWhere('q.topicId IN (:...topicIds)', { topicIds: c.topicIds });
    if (c.tag) qb.andWhere(`q.tagIndex LIKE :tag ESCAPE '!'`, { tag: `%|${likeEscape(tagKey(c.tag))}|%` });
    if (c.difficulty) qb.andWhere('q.difficulty = :difficulty', { difficulty: c.difficulty });
    if (c.status) qb.andWhere('q.status = :status', { status: c.status });
    if (c.targetLevel) qb.andWhere('(q.targetLevel = :level OR q.targetLevel IS NULL)', { level: c.targetLevel });
    if (c.type) {
      qb.andWhere('q.currentVersionId IN (SELECT v.id FROM question_versions v WHERE v.type = :type)', {
        type: c.type,
      });
    }
    return qb;
  }

  /**
   * Questions already in the bank with the same normalised text in the same topic: for each
   * "topicId|text" key asked, the id of the first such question.
   */
  async existingDuplicates(
    m: EntityManager,
    items: readonly { topicId: number; normalized: string }[],
    exceptId?: number,
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const texts = [...new Set(items.map((i) => i.normalized))];
    const wanted = new Set(items.map((i) => `${i.topicId}|${i.normalized}`));
    for (let i = 0; i < texts.length; i += 500) {
      const rows = await m.getRepository(Question).find({
        select: { id: true, topicId: true, normalizedText: true },
        where: { normalizedText: In(texts.slice(i, i + 500)) },
        order: { id: 'ASC' },
      });
      for (const r of rows) {
        const key = `${r.topicId}|${r.normalizedText}`;
        if (r.id !== exceptId && wanted.has(key) && !out.has(key)) out.set(key, r.id);
      }
    }
    return out;
  }
}

/**
 * One multi-row INSERT with bound parameters (TypeORM's builder costs more than the database does
 * at this size). Values are already in their column form: JSON text, 0/1 booleans.
 */
async function insertRows(
  m: EntityManager,
  tableName: string,
  columns: readonly string[],
  rows: readonly (string | number | null)[][],
): Promise<void> {
  if (!rows.length) return;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  await m.query(
    `INSERT INTO ${tableName} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
    rows.flat(),
  );
}

/** The version columns of a draft: options keyed a, b, c … (true/false: Đúng first). */
export function versionFields(
  d: QuestionDraft,
): Pick<QuestionVersion, 'type' | 'stem' | 'options' | 'scoringMode' | 'points' | 'fixedOrder' | 'explanation'> {
  return {
    type: d.type,
    stem: d.stem.trim(),
    options: toStoredOptions(canonicalOptions(d.type, d.options)),
    scoringMode: d.scoringMode,
    points: d.points,
    fixedOrder: d.fixedOrder,
    explanation: d.explanation?.trim() || null,
  };
}
