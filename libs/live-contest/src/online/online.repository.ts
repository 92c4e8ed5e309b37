import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { Agency, User } from '@app/org';
import { Role } from '@app/platform';
import { OnlineAnswer } from './online-answer.entity.js';
import { OnlineAttempt, type OnlineAttemptState } from './online-attempt.entity.js';
import { OnlineContest } from './online-contest.entity.js';

/** Outcome of a guarded write to an attempt under way. */
export type GuardedWrite =
  { ok: true; at: Date } | { ok: false; reason: 'late'; deadline: Date } | { ok: false; reason: 'finished' };

/** Agencies with what the ranking needs: names, recorded staff and active official accounts. */
export interface AgencyHeadcount {
  agencyId: number;
  name: string;
  staffCount: number | null;
  officialAccounts: number;
}

@Injectable()
export class OnlineRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  private get locks(): boolean {
    return this.db.options.type !== 'better-sqlite3';
  }

  // ── contests ────────────────────────────────────────────────────────────────

  saveContest(c: Partial<OnlineContest>): Promise<OnlineContest> {
    return this.db.getRepository(OnlineContest).save(c);
  }

  findContest(id: number): Promise<OnlineContest | null> {
    return this.db.getRepository(OnlineContest).findOneBy({ id });
  }

  /** Every contest (organizerId null) or one organizer's, newest first. */
  listContests(organizerId: number | null): Promise<OnlineContest[]> {
    return this.db.getRepository(OnlineContest).find({
      where: organizerId === null ? {} : { organizerId },
      order: { id: 'DESC' },
      take: 200,
    });
  }

  /** Published contests not closed before `since`, soonest closing first. */
  listPublishedSince(since: Date): Promise<OnlineContest[]> {
    return this.db.getRepository(OnlineContest).find({
      where: { state: 'published', closesAt: MoreThanOrEqual(since) },
      order: { closesAt: 'ASC' },
      take: 100,
    });
  }

  /** Published contests that closed inside the period. */
  closedContests(period: { from?: Date; to?: Date }, now: Date): Promise<OnlineContest[]> {
    const qb = this.db
      .getRepository(OnlineContest)
      .createQueryBuilder('c')
      .where("c.state = 'published'")
      .andWhere('c.closesAt <= :now', { now });
    if (period.from) qb.andWhere('c.closesAt >= :from', { from: period.from });
    if (period.to) qb.andWhere('c.closesAt < :to', { to: period.to });
    return qb.orderBy('c.id').getMany();
  }

  /** Marks a draft published; false when it was not a draft any more. */
  async publish(id: number, at: Date): Promise<boolean> {
    const r = await this.db
      .getRepository(OnlineContest)
      .update({ id, state: 'draft' }, { state: 'published', publishedAt: at });
    return (r.affected ?? 0) > 0;
  }

  // ── attempts ────────────────────────────────────────────────────────────────

  findAttempt(id: number, m: EntityManager = this.db.manager): Promise<OnlineAttempt | null> {
    return m.getRepository(OnlineAttempt).findOneBy({ id });
  }

  attemptsOf(contestId: number, userId: number): Promise<OnlineAttempt[]> {
    return this.db.getRepository(OnlineAttempt).find({ where: { contestId, userId }, order: { number: 'ASC' } });
  }

  attemptsOfUser(userId: number, contestIds: number[]): Promise<OnlineAttempt[]> {
    if (contestIds.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(OnlineAttempt)
      .find({ where: { userId, contestId: In(contestIds) }, order: { number: 'ASC' } });
  }

  /** Finished attempts of a contest (of several contests), the variant left out. */
  finishedAttempts(contestIds: number[]): Promise<OnlineAttempt[]> {
    if (contestIds.length === 0) return Promise.resolve([]);
    return this.db.getRepository(OnlineAttempt).find({
      select: {
        id: true,
        contestId: true,
        userId: true,
        agencyId: true,
        number: true,
        state: true,
        startedAt: true,
        finishedAt: true,
        score: true,
        correctCount: true,
        durationMs: true,
        prediction: true,
      },
      where: { contestId: In(contestIds), state: In(['submitted', 'expired']) },
      order: { userId: 'ASC', number: 'ASC' },
    });
  }

  /**
   * Inserts the attempt unless that attempt number was taken meanwhile (a second start at once: the
   * unique key decides, without an error); null then.
   */
  async insertAttempt(a: Omit<OnlineAttempt, 'id'>): Promise<OnlineAttempt | null> {
    const repo = this.db.getRepository(OnlineAttempt);
    await repo.createQueryBuilder().insert().into(OnlineAttempt).values(a).orIgnore().execute();
    const row = await repo.findOneBy({ contestId: a.contestId, userId: a.userId, number: a.number });
    return row && row.seed === a.seed && row.startedAt.getTime() === a.startedAt.getTime() ? row : null;
  }

  /** In-progress attempts whose deadline has passed. */
  async expiredAttemptIds(now: Date, limit = 500): Promise<number[]> {
    const rows = await this.db.getRepository(OnlineAttempt).find({
      select: { id: true },
      where: { state: 'in_progress', deadline: LessThanOrEqual(now) },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /**
   * Runs `write` only while the attempt is under way and before its deadline, with the attempt's row
   * locked (MariaDB) so that a submit cannot slip in between the check and the write.
   */
  async guarded(attemptId: number, now: Date, write: (m: EntityManager) => Promise<void>): Promise<GuardedWrite> {
    return this.db.transaction(async (m) => {
      const a = await m.getRepository(OnlineAttempt).findOne({
        select: { id: true, state: true, deadline: true },
        where: { id: attemptId },
        ...(this.locks ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (!a || a.state !== 'in_progress') return { ok: false, reason: 'finished' };
      if (now.getTime() >= a.deadline.getTime()) return { ok: false, reason: 'late', deadline: a.deadline };
      await write(m);
      return { ok: true, at: now };
    });
  }

  async upsertAnswer(
    m: EntityManager,
    attemptId: number,
    itemIndex: number,
    chosen: string,
    savedAt: Date,
  ): Promise<void> {
    await m.getRepository(OnlineAnswer).upsert({ attemptId, itemIndex, chosen, savedAt }, ['attemptId', 'itemIndex']);
  }

  async setPrediction(m: EntityManager, attemptId: number, prediction: number): Promise<void> {
    await m.getRepository(OnlineAttempt).update({ id: attemptId }, { prediction });
  }

  answers(attemptId: number, m: EntityManager = this.db.manager): Promise<OnlineAnswer[]> {
    return m.getRepository(OnlineAnswer).find({ where: { attemptId }, order: { itemIndex: 'ASC' } });
  }

  /**
   * Claims an attempt under way for finishing: one conditional UPDATE, so a submit, the sweeper and
   * other instances never finish it twice. `beforeDeadline` claims only if the deadline is ahead.
   */
  async claimFinish(
    m: EntityManager,
    attemptId: number,
    state: Exclude<OnlineAttemptState, 'in_progress'>,
    finishedAt: Date,
    beforeDeadline: Date | null,
  ): Promise<boolean> {
    const qb = m
      .createQueryBuilder()
      .update(OnlineAttempt)
      .set({ state, finishedAt })
      .where('id = :id', { id: attemptId })
      .andWhere("state = 'in_progress'");
    if (beforeDeadline) qb.andWhere('deadline > :now', { now: beforeDeadline });
    const r = await qb.execute();
    return (r.affected ?? 0) > 0;
  }

  async writeResult(
    m: EntityManager,
    attemptId: number,
    r: { score: number; correctCount: number; durationMs: number; finishedAt: Date },
  ): Promise<void> {
    await m.getRepository(OnlineAttempt).update({ id: attemptId }, r);
  }

  // ── people ──────────────────────────────────────────────────────────────────

  /** Full names of everyone who attempted the contest (a subquery: no list of ids, however many). */
  async entrantNames(contestId: number): Promise<Map<number, string>> {
    const rows = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.id', 'u.fullName'])
      .where((qb) => {
        const sub = qb
          .subQuery()
          .select('a.user_id')
          .from(OnlineAttempt, 'a')
          .where('a.contest_id = :contestId', { contestId })
          .getQuery();
        return `u.id IN ${sub}`;
      })
      .getMany();
    return new Map(rows.map((u) => [u.id, u.fullName]));
  }

  /** Active agencies with their recorded staff and their active official accounts. */
  async agencyHeadcounts(): Promise<AgencyHeadcount[]> {
    const agencies = await this.db
      .getRepository(Agency)
      .find({ select: { id: true, name: true, staffCount: true }, where: { active: true } });
    const counts = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.agencyId', 'agencyId')
      .addSelect('COUNT(*)', 'n')
      .where('u.role = :role', { role: Role.Official })
      .andWhere('u.active = :active', { active: true })
      .andWhere('u.agencyId IS NOT NULL')
      .groupBy('u.agencyId')
      .getRawMany<{ agencyId: number | string; n: number | string }>();
    const byAgency = new Map(counts.map((c) => [Number(c.agencyId), Number(c.n)]));
    return agencies.map((a) => ({
      agencyId: a.id,
      name: a.name,
      staffCount: a.staffCount,
      officialAccounts: byAgency.get(a.id) ?? 0,
    }));
  }
}
