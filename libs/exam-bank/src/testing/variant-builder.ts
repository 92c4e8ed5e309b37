import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/platform';
import { QuestionBankReader, type DrawableQuestion } from '../bank/question-bank.reader.js';
import { QuestionTopic } from '../bank/question-topic.entity.js';
import { drawQuestions, DrawShortage, orderOptions, type DrawPart } from './domain/variant-draw.js';
import type { SessionSettings, Variant } from './testing.types.js';
import { VersionCache } from './version-cache.js';

interface Pools {
  parts: DrawPart[];
  versionOf: Map<number, number>;
}

/** How long a session's pools of drawable questions are reused before the bank is read again. */
const POOL_TTL_MS = 60_000;

/**
 * Builds a candidate's variant from a seed: reads the bank's ready questions for each draw rule
 * (a topic includes its subtopics), draws, and orders each question's options.
 */
@Injectable()
export class VariantBuilder {
  private readonly pools = new Map<number, { at: number; pools: Promise<Pools> }>();

  constructor(
    private readonly bank: QuestionBankReader,
    private readonly versions: VersionCache,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  private async topicWithDescendants(topicIds: number[]): Promise<number[]> {
    const all = await this.db.getRepository(QuestionTopic).find({ select: { id: true, parentId: true } });
    const children = new Map<number, number[]>();
    for (const t of all) {
      if (t.parentId == null) continue;
      children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
    }
    const out = new Set<number>();
    const stack = [...topicIds];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return [...out];
  }

  private async loadPools(settings: SessionSettings): Promise<Pools> {
    const versionOf = new Map<number, number>();
    const remember = (qs: DrawableQuestion[]) => {
      for (const q of qs) versionOf.set(q.questionId, q.versionId);
      return qs.map((q) => q.questionId);
    };
    let allReady: number[] | null = null;
    const parts: DrawPart[] = [];
    for (const part of settings.parts) {
      const pools: DrawPart['pools'] = [];
      for (const rule of part.rules) {
        if (rule.questionIds) {
          allReady ??= remember(await this.bank.readyQuestions({}));
          const ready = new Set(allReady);
          pools.push({
            questionIds: rule.questionIds.filter((id) => ready.has(id)),
            count: rule.questionIds.length,
            fixed: true,
          });
        } else {
          const topicIds = await this.topicWithDescendants(rule.topicIds ?? []);
          const qs = await this.bank.readyQuestions({ topicIds, difficulty: rule.difficulty });
          pools.push({ questionIds: remember(qs), count: rule.count ?? 0, fixed: false });
        }
      }
      parts.push({ pools, shuffleQuestions: part.shuffleQuestions });
    }
    return { parts, versionOf };
  }

  private async poolsFor(sessionId: number, settings: SessionSettings): Promise<Pools> {
    // One read of the bank per session and minute, shared by every start that arrives meanwhile.
    const cached = this.pools.get(sessionId);
    if (cached && Date.now() - cached.at < POOL_TTL_MS) return cached.pools;
    const pools = this.loadPools(settings);
    this.pools.set(sessionId, { at: Date.now(), pools });
    pools.catch(() => this.pools.delete(sessionId));
    return pools;
  }

  /** Throws TEMPLATE_NOT_DRAWABLE when the bank cannot fill a rule today. */
  async checkDrawable(settings: SessionSettings): Promise<void> {
    const pools = await this.loadPools(settings);
    try {
      drawQuestions(1, pools.parts);
    } catch (e) {
      throw this.shortage(e);
    }
  }

  private shortage(e: unknown): unknown {
    if (!(e instanceof DrawShortage)) return e;
    return new DomainError(
      'TEMPLATE_NOT_DRAWABLE',
      `${e.message}: add or mark ready more questions, or lower the count`,
      'conflict',
      { part: e.part, rule: e.rule, wanted: e.wanted, available: e.available },
    );
  }

  async build(sessionId: number, settings: SessionSettings, seed: number): Promise<Variant> {
    const pools = await this.poolsFor(sessionId, settings);
    let drawn;
    try {
      drawn = drawQuestions(seed, pools.parts);
    } catch (e) {
      throw this.shortage(e);
    }
    const versionIds = drawn.map((d) => pools.versionOf.get(d.questionId)!);
    const versions = await this.versions.get(versionIds);
    return {
      items: drawn.map((d, i) => {
        const v = versions.get(versionIds[i]);
        if (!v)
          throw new DomainError('QUESTION_VERSION_MISSING', `Question ${d.questionId} has no version`, 'conflict');
        const part = settings.parts[d.part];
        return {
          part: d.part,
          slot: d.slot,
          questionId: d.questionId,
          versionId: v.id,
          points: part.pointsPerQuestion ?? v.points,
          options: orderOptions(
            seed,
            d.slot,
            v.options.map((o) => o.key),
            part.shuffleOptions && !v.fixedOrder,
          ),
        };
      }),
    };
  }
}
