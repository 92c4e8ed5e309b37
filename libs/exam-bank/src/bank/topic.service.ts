import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog, DomainError, notFound, type Principal } from '@app/platform';
import { topicNameKey } from './domain/topic-path.js';
import type { CreateTopicDto, TopicNodeDto, UpdateTopicDto } from './dto/topic.dto.js';
import { QuestionTopic } from './question-topic.entity.js';
import { Question } from './question.entity.js';

/** All topics at once (a bank has tens or hundreds): paths, sub-trees and lookups by name. */
export class TopicTree {
  private readonly byId = new Map<number, QuestionTopic>();

  constructor(topics: QuestionTopic[]) {
    for (const t of topics) this.byId.set(t.id, t);
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  get all(): QuestionTopic[] {
    return [...this.byId.values()];
  }

  /** Names from the top of the tree down to the topic. */
  path(id: number): string[] {
    const out: string[] = [];
    const seen = new Set<number>();
    for (let t = this.byId.get(id); t && !seen.has(t.id); t = t.parentId ? this.byId.get(t.parentId) : undefined) {
      seen.add(t.id);
      out.unshift(t.name);
    }
    return out;
  }

  /** The topic and every topic below it. */
  subtree(id: number): number[] {
    const out = [id];
    for (let i = 0; i < out.length; i++) {
      for (const t of this.byId.values()) if (t.parentId === out[i]) out.push(t.id);
    }
    return out;
  }

  child(parentId: number | null, name: string): QuestionTopic | undefined {
    const key = topicNameKey(name);
    return this.all.find((t) => t.parentId === parentId && topicNameKey(t.name) === key);
  }

  add(t: QuestionTopic): void {
    this.byId.set(t.id, t);
  }
}

/** The topic tree: list, create, rename, move; and the paths imports name. */
@Injectable()
export class TopicService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async loadTree(manager: EntityManager = this.db.manager): Promise<TopicTree> {
    return new TopicTree(await manager.getRepository(QuestionTopic).find({ order: { position: 'ASC', id: 'ASC' } }));
  }

  async tree(): Promise<TopicNodeDto[]> {
    const tree = await this.loadTree();
    const counts = (await this.db
      .getRepository(Question)
      .createQueryBuilder('q')
      .select('q.topicId', 'topicId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('q.topicId')
      .getRawMany()) as { topicId: number | string; n: number | string }[];
    const count = new Map(counts.map((c) => [Number(c.topicId), Number(c.n)]));
    const node = (t: QuestionTopic): TopicNodeDto => ({
      id: t.id,
      name: t.name,
      parentId: t.parentId,
      position: t.position,
      path: tree.path(t.id),
      questionCount: count.get(t.id) ?? 0,
      children: tree.all.filter((c) => c.parentId === t.id).map(node),
    });
    return tree.all.filter((t) => t.parentId === null || !tree.has(t.parentId)).map(node);
  }

  async create(dto: CreateTopicDto, actor: Principal): Promise<QuestionTopic> {
    return this.db.transaction(async (m) => {
      const tree = await this.loadTree(m);
      const parentId = dto.parentId ?? null;
      if (parentId !== null && !tree.has(parentId)) throw notFound('Topic', parentId);
      const name = dto.name.normalize('NFC').trim();
      this.assertFreeName(tree, parentId, name);
      const position = tree.all.filter((t) => t.parentId === parentId).length;
      const topic = await m.getRepository(QuestionTopic).save({ parentId, name, position });
      await this.audit.record(
        { actor, action: 'topic.created', entityType: 'question_topic', entityId: topic.id, after: { name, parentId } },
        m,
      );
      return topic;
    });
  }

  async update(id: number, dto: UpdateTopicDto, actor: Principal): Promise<QuestionTopic> {
    return this.db.transaction(async (m) => {
      const tree = await this.loadTree(m);
      const topic = tree.all.find((t) => t.id === id);
      if (!topic) throw notFound('Topic', id);
      const before = { name: topic.name, parentId: topic.parentId, position: topic.position };
      const parentId = dto.parentId === undefined ? topic.parentId : dto.parentId;
      if (parentId !== null) {
        if (!tree.has(parentId)) throw notFound('Topic', parentId);
        if (tree.subtree(id).includes(parentId)) {
          throw new DomainError('TOPIC_CYCLE', 'A topic cannot be moved under itself or one of its sub-topics');
        }
      }
      const name = dto.name === undefined ? topic.name : dto.name.normalize('NFC').trim();
      if (name !== topic.name || parentId !== topic.parentId) this.assertFreeName(tree, parentId, name, id);
      Object.assign(topic, { name, parentId, position: dto.position ?? topic.position });
      await m.getRepository(QuestionTopic).save(topic);
      await this.audit.record(
        {
          actor,
          action: 'topic.updated',
          entityType: 'question_topic',
          entityId: id,
          before,
          after: { name, parentId, position: topic.position },
        },
        m,
      );
      return topic;
    });
  }

  private assertFreeName(tree: TopicTree, parentId: number | null, name: string, self?: number): void {
    if (!name) throw new DomainError('TOPIC_NAME_EMPTY', 'A topic needs a name');
    const clash = tree.child(parentId, name);
    if (clash && clash.id !== self) {
      throw new DomainError('TOPIC_NAME_TAKEN', `A topic named "${clash.name}" is already there`, 'conflict', {
        topicId: clash.id,
      });
    }
  }

  /** The topic at `path` below `rootId` (null = the top), creating the missing ones (imports). */
  async ensurePath(m: EntityManager, tree: TopicTree, rootId: number | null, path: readonly string[]): Promise<number> {
    let parentId = rootId;
    for (const raw of path) {
      const name = raw.normalize('NFC').trim();
      let topic = tree.child(parentId, name);
      if (!topic) {
        const position = tree.all.filter((t) => t.parentId === parentId).length;
        topic = await m.getRepository(QuestionTopic).save({ parentId, name, position });
        tree.add(topic);
      }
      parentId = topic.id;
    }
    if (parentId === null) throw new DomainError('TOPIC_MISSING', 'The question has no topic');
    return parentId;
  }

  async exists(id: number, manager: EntityManager = this.db.manager): Promise<boolean> {
    return manager.getRepository(QuestionTopic).exists({ where: { id } });
  }
}
