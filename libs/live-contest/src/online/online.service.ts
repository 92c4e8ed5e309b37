import { randomInt } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DrawShortage,
  QuestionBankReader,
  QuestionTopic,
  TopicTree,
  VersionCache,
  drawQuestions,
  orderOptions,
  type DrawPart,
} from '@app/exam-bank';
import { DomainError, Role, notFound, type ErrorKind, type Principal } from '@app/platform';
import { completionMs, isRightChoice, onlineDeadline, startRefusal, type StartRefusal } from '../domain/online.js';
import type { CreateOnlineContestDto, SaveOnlineAnswerDto } from '../dto/online.dto.js';
import type { OnlineAttempt, OnlineItem } from './online-attempt.entity.js';
import type { OnlineContest } from './online-contest.entity.js';
import type {
  MyOnlineContest,
  MyOnlineResults,
  OnlineAttemptView,
  OnlineContestView,
  OnlineResultView,
  OnlineSaveAck,
} from './online-views.js';
import { OnlineRepository } from './online.repository.js';

/** How often the server closes attempts whose time is up. */
export const ONLINE_SWEEP_MS = 2000;
/** How long the pools of drawable questions of a contest are reused before the bank is read again. */
const POOL_TTL_MS = 60_000;
/** Officials see published contests that closed up to this long ago, to read their results. */
const RECENTLY_CLOSED_MS = 30 * 24 * 3600_000;

const DEFAULT_PREDICTION_QUESTION = 'Theo bạn, có bao nhiêu người trả lời đúng tất cả các câu hỏi?';

const REFUSALS: Record<StartRefusal, [code: string, message: string, kind: ErrorKind]> = {
  CONTEST_NOT_PUBLISHED: ['CONTEST_NOT_FOUND', 'This online contest does not exist', 'not_found'],
  CONTEST_NOT_OPEN: ['CONTEST_NOT_OPEN', 'The contest has not opened yet', 'conflict'],
  CONTEST_CLOSED: ['CONTEST_CLOSED', 'The contest has closed', 'gone'],
  NO_ATTEMPTS_LEFT: ['NO_ATTEMPTS_LEFT', 'You have used every attempt this contest allows', 'conflict'],
};
const refused = (why: StartRefusal): DomainError => new DomainError(...REFUSALS[why]);

const attemptNotFound = (id: number): DomainError =>
  new DomainError('ATTEMPT_NOT_FOUND', `Attempt ${id} was not found`, 'not_found');

const iso = (d: Date): string => d.toISOString();

/** The caller's account id: an exam access code (no account) opens only its own test session. */
function accountOf(who: Principal): number {
  if (who.userId === null) {
    throw new DomainError(
      'ACCOUNT_REQUIRED',
      'Online contests are played with a personal account; an exam access code opens only its own test',
      'forbidden',
    );
  }
  return who.userId;
}

/** The drawable questions of a contest: one draw part per area, and each question's current version. */
interface Pools {
  parts: DrawPart[];
  versionOf: Map<number, number>;
}

/**
 * Online contests: organizers create and publish them; officials take attempts drawn per reform
 * area from a stored seed, against a server deadline; the best attempt counts. Rankings are in
 * OnlineRankingService.
 */
@Injectable()
export class OnlineContestService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OnlineContests');
  private readonly pools = new Map<number, { at: number; pools: Promise<Pools> }>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly repo: OnlineRepository,
    private readonly bank: QuestionBankReader,
    private readonly versions: VersionCache,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    void this.closeExpired();
    this.timer = setInterval(() => void this.closeExpired(), ONLINE_SWEEP_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
  }

  // ── organizer ───────────────────────────────────────────────────────────────

  async create(who: Principal, dto: CreateOnlineContestDto): Promise<OnlineContestView> {
    if (dto.closesAt.getTime() <= dto.opensAt.getTime()) {
      throw new DomainError('WINDOW_INVALID', 'closesAt must be after opensAt');
    }
    const topicIds = dto.areas.map((a) => a.topicId);
    if (new Set(topicIds).size !== topicIds.length) {
      throw new DomainError('DUPLICATE_AREA', 'Each reform area (topic) may appear once');
    }
    const tree = await this.topicTree();
    const unknown = topicIds.filter((id) => !tree.has(id));
    if (unknown.length) throw notFound('Topic', unknown.join(', '));
    const areas = dto.areas.map((a) => ({ topicId: a.topicId, count: a.count }));
    await this.checkDrawable(areas, tree);
    const saved = await this.repo.saveContest({
      title: dto.title.trim(),
      description: dto.description?.trim() || null,
      organizerId: who.userId!,
      state: 'draft',
      opensAt: dto.opensAt,
      closesAt: dto.closesAt,
      areas,
      maxAttempts: dto.maxAttempts ?? 3,
      timeLimitSec: dto.timeLimitSec ?? 1200,
      pointsPerQuestion: dto.pointsPerQuestion ?? 1,
      shuffleOptions: dto.shuffleOptions ?? true,
      predictionQuestion: dto.predictionQuestion?.trim() || DEFAULT_PREDICTION_QUESTION,
      minParticipation: dto.minParticipation ?? 0.5,
      tieBreak: dto.tieBreak ?? ['prediction', 'time'],
      publishedAt: null,
    });
    return this.view(saved, tree);
  }

  /** Publishing fixes the contest: officials can see it and, inside its window, take attempts. */
  async publish(who: Principal, id: number): Promise<OnlineContestView> {
    const c = await this.owned(who, id);
    if (c.state !== 'draft') throw new DomainError('ALREADY_PUBLISHED', 'The contest is already published', 'conflict');
    if (c.closesAt.getTime() <= Date.now()) {
      throw new DomainError('CONTEST_CLOSED', 'The contest window has already closed; create a new one', 'gone');
    }
    const tree = await this.topicTree();
    await this.checkDrawable(c.areas, tree);
    await this.repo.publish(c.id, new Date());
    return this.view((await this.repo.findContest(c.id))!, tree);
  }

  async list(who: Principal): Promise<OnlineContestView[]> {
    const tree = await this.topicTree();
    const rows = await this.repo.listContests(who.role === Role.Organizer ? who.userId : null);
    return rows.map((c) => this.view(c, tree));
  }

  async get(who: Principal, id: number): Promise<OnlineContestView> {
    return this.view(await this.readable(who, id), await this.topicTree());
  }

  /** The contest if the caller may change it: its organizer or an administrator. */
  async owned(who: Principal, id: number): Promise<OnlineContest> {
    const c = await this.repo.findContest(id);
    if (!c) throw notFound('Online contest', id);
    if (who.role !== Role.Admin && c.organizerId !== who.userId) {
      throw new DomainError('FORBIDDEN', 'Only the organizer who created this contest may change it', 'forbidden');
    }
    return c;
  }

  /** The contest if the caller may read its results: its organizer, an administrator or an inspector. */
  async readable(who: Principal, id: number): Promise<OnlineContest> {
    if (who.role === Role.Inspector) {
      const c = await this.repo.findContest(id);
      if (!c) throw notFound('Online contest', id);
      return c;
    }
    return this.owned(who, id);
  }

  view(c: OnlineContest, tree: TopicTree): OnlineContestView {
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      state: c.state,
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      areas: c.areas.map((a) => ({ ...a, topicName: tree.path(a.topicId).join(' › ') || `#${a.topicId}` })),
      questionCount: c.areas.reduce((s, a) => s + a.count, 0),
      maxAttempts: c.maxAttempts,
      timeLimitSec: c.timeLimitSec,
      pointsPerQuestion: c.pointsPerQuestion,
      shuffleOptions: c.shuffleOptions,
      predictionQuestion: c.predictionQuestion,
      minParticipation: c.minParticipation,
      tieBreak: c.tieBreak,
      publishedAt: c.publishedAt ? iso(c.publishedAt) : null,
    };
  }

  async topicTree(): Promise<TopicTree> {
    return new TopicTree(await this.db.getRepository(QuestionTopic).find());
  }

  private async loadPools(areas: OnlineContest['areas'], tree: TopicTree): Promise<Pools> {
    const parts: DrawPart[] = [];
    const versionOf = new Map<number, number>();
    for (const area of areas) {
      const ready = await this.bank.readyQuestions({ topicIds: tree.subtree(area.topicId) });
      for (const q of ready) versionOf.set(q.questionId, q.versionId);
      parts.push({
        pools: [{ questionIds: ready.map((q) => q.questionId), count: area.count, fixed: false }],
        shuffleQuestions: true,
      });
    }
    return { parts, versionOf };
  }

  private async checkDrawable(areas: OnlineContest['areas'], tree: TopicTree): Promise<void> {
    try {
      drawQuestions(1, (await this.loadPools(areas, tree)).parts);
    } catch (e) {
      throw this.shortage(e, areas, tree);
    }
  }

  private shortage(e: unknown, areas: OnlineContest['areas'], tree: TopicTree): unknown {
    if (!(e instanceof DrawShortage)) return e;
    const area = areas[e.part];
    return new DomainError(
      'CONTEST_NOT_DRAWABLE',
      `The area "${tree.path(area.topicId).join(' › ')}" needs ${e.wanted} ready questions but the bank has ` +
        `${e.available}: add or mark ready more questions, or lower the count`,
      'conflict',
      { topicId: area.topicId, wanted: e.wanted, available: e.available },
    );
  }

  private poolsFor(c: OnlineContest): Promise<Pools> {
    const cached = this.pools.get(c.id);
    if (cached && Date.now() - cached.at < POOL_TTL_MS) return cached.pools;
    const pools = this.topicTree().then((tree) => this.loadPools(c.areas, tree));
    this.pools.set(c.id, { at: Date.now(), pools });
    pools.catch(() => this.pools.delete(c.id));
    return pools;
  }

  // ── officials ───────────────────────────────────────────────────────────────

  /** Published contests open now, opening later or closed lately, with the caller's own standing. */
  async myContests(who: Principal): Promise<MyOnlineContest[]> {
    const now = new Date();
    const contests = await this.repo.listPublishedSince(new Date(now.getTime() - RECENTLY_CLOSED_MS));
    const attempts = await this.repo.attemptsOfUser(
      accountOf(who),
      contests.map((c) => c.id),
    );
    const tree = await this.topicTree();
    return contests.map((c) => {
      const mine = attempts.filter((a) => a.contestId === c.id);
      const open = mine.find((a) => a.state === 'in_progress' && a.deadline.getTime() > now.getTime());
      const finished = mine.filter((a) => a.state !== 'in_progress');
      return {
        contest: this.view(c, tree),
        window: now < c.opensAt ? 'not_open' : now >= c.closesAt ? 'closed' : 'open',
        attemptsUsed: mine.length,
        attemptsLeft: Math.max(0, c.maxAttempts - mine.length),
        inProgressAttemptId: open?.id ?? null,
        best: this.best(c, finished),
      };
    });
  }

  /** Starts a new attempt, or resumes the one under way. */
  async start(who: Principal, contestId: number): Promise<OnlineAttemptView> {
    const userId = accountOf(who);
    const c = await this.repo.findContest(contestId);
    if (!c || c.state !== 'published') throw refused('CONTEST_NOT_PUBLISHED');
    let mine = await this.repo.attemptsOf(contestId, userId);
    const now = new Date();
    const under = mine.find((a) => a.state === 'in_progress');
    if (under && under.deadline.getTime() > now.getTime()) return this.attemptView(c, under, now);
    if (under) {
      await this.finish(under.id, 'expired', under.deadline);
      mine = await this.repo.attemptsOf(contestId, userId);
    }
    const refusal = startRefusal(
      { published: true, opensAt: c.opensAt, closesAt: c.closesAt, maxAttempts: c.maxAttempts },
      mine.length,
      now,
    );
    if (refusal) throw refused(refusal);
    const seed = randomInt(0, 2 ** 31);
    const variant = await this.draw(c, seed);
    // Before the attempt shows them: from now on an edit to these questions makes a new version.
    await this.versions.markUsed(variant.map((i) => i.versionId));
    const attempt = await this.repo.insertAttempt({
      contestId,
      userId,
      agencyId: who.agencyId,
      number: mine.length + 1,
      seed,
      variant,
      state: 'in_progress',
      startedAt: now,
      deadline: onlineDeadline(now, c.timeLimitSec, c.closesAt),
      finishedAt: null,
      score: null,
      correctCount: null,
      durationMs: null,
      prediction: null,
    });
    if (!attempt) {
      // A second start raced this one and took the number: resume that attempt if it is under way.
      const again = (await this.repo.attemptsOf(contestId, userId)).find((a) => a.state === 'in_progress');
      if (again) return this.attemptView(c, again, new Date());
      throw refused('NO_ATTEMPTS_LEFT');
    }
    return this.attemptView(c, attempt, new Date());
  }

  /** The variant of a seed over the bank as it is now: questions per area, options ordered. */
  private async draw(c: OnlineContest, seed: number): Promise<OnlineItem[]> {
    const pools = await this.poolsFor(c);
    let drawn;
    try {
      drawn = drawQuestions(seed, pools.parts);
    } catch (e) {
      throw this.shortage(e, c.areas, await this.topicTree());
    }
    const versions = await this.versions.get(drawn.map((d) => pools.versionOf.get(d.questionId)!));
    const items: OnlineItem[] = [];
    for (const d of drawn) {
      const v = versions.get(pools.versionOf.get(d.questionId)!);
      if (!v) {
        this.pools.delete(c.id);
        throw new DomainError(
          'QUESTION_UNAVAILABLE',
          'A drawn question left the bank meanwhile; try again',
          'conflict',
        );
      }
      items.push({
        topicId: c.areas[d.part].topicId,
        questionId: d.questionId,
        versionId: v.id,
        options: orderOptions(
          seed,
          d.slot,
          v.options.map((o) => o.key),
          c.shuffleOptions && !v.fixedOrder,
        ),
      });
    }
    return items;
  }

  /** The caller's own attempt; another official's answers ATTEMPT_NOT_FOUND, as if it did not exist. */
  private async ownAttempt(who: Principal, attemptId: number): Promise<OnlineAttempt> {
    const userId = accountOf(who);
    const a = await this.repo.findAttempt(attemptId);
    if (!a || a.userId !== userId) throw attemptNotFound(attemptId);
    return a;
  }

  async attempt(who: Principal, attemptId: number): Promise<OnlineAttemptView> {
    let a = await this.ownAttempt(who, attemptId);
    const now = new Date();
    if (a.state === 'in_progress' && a.deadline.getTime() <= now.getTime()) {
      await this.finish(a.id, 'expired', a.deadline);
      a = (await this.repo.findAttempt(a.id))!;
    }
    return this.attemptView((await this.repo.findContest(a.contestId))!, a, now);
  }

  private async attemptView(c: OnlineContest, a: OnlineAttempt, now: Date): Promise<OnlineAttemptView> {
    const versions = await this.versions.get(a.variant.map((i) => i.versionId));
    const answers = await this.repo.answers(a.id);
    return {
      attemptId: a.id,
      contestId: c.id,
      contestTitle: c.title,
      number: a.number,
      maxAttempts: c.maxAttempts,
      state: a.state,
      startedAt: iso(a.startedAt),
      deadline: iso(a.deadline),
      serverTime: iso(now),
      remainingMs: a.state === 'in_progress' ? Math.max(0, a.deadline.getTime() - now.getTime()) : 0,
      predictionQuestion: c.predictionQuestion,
      prediction: a.prediction,
      // Built field by field: the options' fractions (the key) never leave the server.
      questions: a.variant.map((item, index) => {
        const v = versions.get(item.versionId)!;
        const text = new Map(v.options.map((o) => [o.key, o.text]));
        return {
          index,
          text: v.stem,
          type: v.type,
          options: item.options.map((key) => ({ key, text: text.get(key) ?? '' })),
        };
      }),
      answers: Object.fromEntries(answers.map((x) => [x.itemIndex, x.chosen.split(',')])),
    };
  }

  private lateOrFinished(
    r: { ok: false; reason: 'late'; deadline: Date } | { ok: false; reason: 'finished' },
    now: Date,
  ) {
    if (r.reason === 'late') {
      const missedByMs = now.getTime() - r.deadline.getTime();
      return new DomainError(
        'ATTEMPT_DEADLINE_PASSED',
        `The time for this attempt ran out ${Math.ceil(missedByMs / 1000)} s ago; the answer was not saved`,
        'gone',
        { deadline: iso(r.deadline), missedByMs },
      );
    }
    return new DomainError('ATTEMPT_FINISHED', 'This attempt has been submitted; the answer was not saved', 'conflict');
  }

  /** Saves one answer; resending the same (or a changed) choice before the deadline replaces it. */
  async saveAnswer(who: Principal, attemptId: number, index: number, dto: SaveOnlineAnswerDto): Promise<OnlineSaveAck> {
    const a = await this.ownAttempt(who, attemptId);
    const item = a.variant[index];
    if (!item) throw new DomainError('ITEM_OUT_OF_RANGE', `This attempt has ${a.variant.length} questions`);
    const unknown = dto.chosen.filter((k) => !item.options.includes(k));
    if (unknown.length)
      throw new DomainError('UNKNOWN_OPTION', `Not an option of this question: ${unknown.join(', ')}`);
    const v = (await this.versions.get([item.versionId])).get(item.versionId)!;
    if (v.type !== 'multiple' && dto.chosen.length > 1) {
      throw new DomainError('ONE_OPTION_ONLY', 'This question takes exactly one option');
    }
    const now = new Date();
    const chosen = [...dto.chosen].sort().join(',');
    const r = await this.repo.guarded(a.id, now, (m) => this.repo.upsertAnswer(m, a.id, index, chosen, now));
    if (!r.ok) throw this.lateOrFinished(r, now);
    return { index, savedAt: iso(r.at), serverTime: iso(new Date()) };
  }

  async setPrediction(
    who: Principal,
    attemptId: number,
    prediction: number,
  ): Promise<{ prediction: number; savedAt: string }> {
    const a = await this.ownAttempt(who, attemptId);
    const now = new Date();
    const r = await this.repo.guarded(a.id, now, (m) => this.repo.setPrediction(m, a.id, prediction));
    if (!r.ok) throw this.lateOrFinished(r, now);
    return { prediction, savedAt: iso(now) };
  }

  /**
   * Submits and grades. Submitting again answers the same result; a submit after the deadline finds
   * the attempt closed by the server (answers saved in time are graded, nothing later).
   */
  async submit(who: Principal, attemptId: number, prediction?: number): Promise<OnlineResultView> {
    const a = await this.ownAttempt(who, attemptId);
    const now = new Date();
    if (a.state === 'in_progress') {
      if (prediction !== undefined) {
        const r = await this.repo.guarded(a.id, now, (m) => this.repo.setPrediction(m, a.id, prediction));
        if (!r.ok && r.reason === 'late') await this.finish(a.id, 'expired', a.deadline);
      }
      if (!(await this.finish(a.id, 'submitted', now, true))) await this.finish(a.id, 'expired', a.deadline);
    }
    const done = (await this.repo.findAttempt(a.id))!;
    const c = (await this.repo.findContest(a.contestId))!;
    return this.result(c, done);
  }

  async myResults(who: Principal, contestId: number): Promise<MyOnlineResults> {
    const userId = accountOf(who);
    const c = await this.repo.findContest(contestId);
    if (!c || c.state !== 'published') throw refused('CONTEST_NOT_PUBLISHED');
    let mine = await this.repo.attemptsOf(contestId, userId);
    const now = Date.now();
    const overdue = mine.filter((a) => a.state === 'in_progress' && a.deadline.getTime() <= now);
    if (overdue.length) {
      for (const a of overdue) await this.finish(a.id, 'expired', a.deadline);
      mine = await this.repo.attemptsOf(contestId, userId);
    }
    const finished = mine.filter((a) => a.state !== 'in_progress');
    return {
      contestId: c.id,
      contestTitle: c.title,
      attempts: finished.map((a) => this.result(c, a)),
      best: this.best(c, finished),
      attemptsLeft: Math.max(0, c.maxAttempts - mine.length),
    };
  }

  /** The attempt that counts: highest score, then the shortest time (the domain's bestAttempt). */
  private best(c: OnlineContest, finished: OnlineAttempt[]): OnlineResultView | null {
    const counted = finished.filter((a) => a.number <= c.maxAttempts);
    if (!counted.length) return null;
    const top = [...counted].sort(
      (x, y) => (y.score ?? 0) - (x.score ?? 0) || (x.durationMs ?? 0) - (y.durationMs ?? 0) || x.number - y.number,
    )[0];
    return this.result(c, top);
  }

  result(c: OnlineContest, a: OnlineAttempt): OnlineResultView {
    const questionCount = c.areas.reduce((s, x) => s + x.count, 0);
    return {
      attemptId: a.id,
      number: a.number,
      state: a.state === 'expired' ? 'expired' : 'submitted',
      score: a.score ?? 0,
      maxScore: questionCount * c.pointsPerQuestion,
      correctCount: a.correctCount ?? 0,
      questionCount,
      durationMs: a.durationMs ?? 0,
      prediction: a.prediction,
      finishedAt: iso(a.finishedAt ?? a.deadline),
    };
  }

  // ── closing and grading ─────────────────────────────────────────────────────

  /**
   * Finishes and grades an attempt once: `submitted` (only before the deadline when `onTime`) or
   * `expired` at its deadline. Returns false when the attempt was not (or no longer) under way.
   */
  async finish(attemptId: number, state: 'submitted' | 'expired', at: Date, onTime = false): Promise<boolean> {
    return this.repo.transaction(async (m) => {
      if (!(await this.repo.claimFinish(m, attemptId, state, at, onTime ? at : null))) return false;
      await this.grade(m, attemptId, at);
      return true;
    });
  }

  private async grade(m: EntityManager, attemptId: number, at: Date): Promise<void> {
    const a = (await this.repo.findAttempt(attemptId, m))!;
    const c = (await this.repo.findContest(a.contestId))!;
    const answers = new Map((await this.repo.answers(attemptId, m)).map((x) => [x.itemIndex, x.chosen.split(',')]));
    const versions = await this.versions.get(
      a.variant.map((i) => i.versionId),
      m,
    );
    let correct = 0;
    a.variant.forEach((item, index) => {
      const v = versions.get(item.versionId);
      const chosen = answers.get(index);
      if (v && chosen && isRightChoice(v.options, chosen)) correct++;
    });
    await this.repo.writeResult(m, attemptId, {
      score: Math.round(correct * c.pointsPerQuestion * 100) / 100,
      correctCount: correct,
      durationMs: completionMs(a.startedAt, at, a.deadline),
      finishedAt: at.getTime() > a.deadline.getTime() ? a.deadline : at,
    });
  }

  /** Closes every attempt whose time is up (the server's clock); overlapping calls share one pass. */
  closeExpired(now: Date = new Date()): Promise<void> {
    this.sweeping ??= this.sweep(now).finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async sweep(now: Date): Promise<void> {
    try {
      const due = await this.repo.expiredAttemptIds(now);
      for (const id of due) {
        if (this.stopped) return;
        const a = await this.repo.findAttempt(id);
        if (a) await this.finish(id, 'expired', a.deadline);
      }
    } catch (err) {
      if (!this.stopped) this.logger.error(err instanceof Error ? err : String(err), 'closing expired attempts');
    }
  }
}
