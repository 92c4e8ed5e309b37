import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { LiveSession } from '../live/live-session.entity.js';
import { ContestQuestion } from './contest-question.entity.js';
import { ContestRound } from './contest-round.entity.js';
import { Contest } from './contest.entity.js';
import { RosterEntry } from './roster-entry.entity.js';

/** A contest with its rounds and questions in play order. */
export interface ContestTree {
  contest: Contest;
  rounds: ContestRound[];
  questions: ContestQuestion[];
}

@Injectable()
export class ContestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findContest(id: number, m: EntityManager = this.db.manager): Promise<Contest | null> {
    return m.getRepository(Contest).findOneBy({ id });
  }

  listForOrganizer(organizerId: number | null): Promise<Contest[]> {
    const repo = this.db.getRepository(Contest);
    return organizerId === null
      ? repo.find({ order: { id: 'DESC' }, take: 200 })
      : repo.find({ where: { organizerId }, order: { id: 'DESC' }, take: 200 });
  }

  saveContest(c: Partial<Contest>, m: EntityManager = this.db.manager): Promise<Contest> {
    return m.getRepository(Contest).save(c);
  }

  async addRound(r: Omit<ContestRound, 'id' | 'position'>, m: EntityManager = this.db.manager): Promise<ContestRound> {
    const position = (await m.getRepository(ContestRound).countBy({ contestId: r.contestId })) + 1;
    return m.getRepository(ContestRound).save({ ...r, position });
  }

  findRound(contestId: number, roundId: number): Promise<ContestRound | null> {
    return this.db.getRepository(ContestRound).findOneBy({ id: roundId, contestId });
  }

  /** Appends questions to the round, numbering them after those already there. */
  async addQuestions(
    round: ContestRound,
    questions: Omit<ContestQuestion, 'id' | 'position' | 'contestId' | 'roundId'>[],
  ): Promise<ContestQuestion[]> {
    return this.db.transaction(async (m) => {
      const start = await m.getRepository(ContestQuestion).countBy({ roundId: round.id });
      return m.getRepository(ContestQuestion).save(
        questions.map((q, i) => ({
          ...q,
          contestId: round.contestId,
          roundId: round.id,
          position: start + i + 1,
        })),
      );
    });
  }

  async tree(contestId: number): Promise<ContestTree | null> {
    const contest = await this.findContest(contestId);
    if (!contest) return null;
    const rounds = await this.db.getRepository(ContestRound).find({ where: { contestId }, order: { position: 'ASC' } });
    const order = new Map(rounds.map((r) => [r.id, r.position]));
    const questions = (await this.db.getRepository(ContestQuestion).findBy({ contestId })).sort(
      (a, b) => order.get(a.roundId)! - order.get(b.roundId)! || a.position - b.position,
    );
    return { contest, rounds, questions };
  }

  async replaceRoster(contestId: number, entries: { name: string; agencyId: number }[]): Promise<number> {
    return this.db.transaction(async (m) => {
      await m.getRepository(RosterEntry).delete({ contestId });
      if (entries.length) await m.getRepository(RosterEntry).insert(entries.map((e) => ({ ...e, contestId })));
      return entries.length;
    });
  }

  /** The contest's sessions still live (each plays its own snapshot of the contest). */
  liveSessions(contestId: number): Promise<LiveSession[]> {
    return this.db.getRepository(LiveSession).find({
      select: { id: true, pin: true, createdAt: true },
      where: { contestId, state: 'live' },
      order: { id: 'ASC' },
    });
  }

  roster(contestId: number): Promise<RosterEntry[]> {
    return this.db.getRepository(RosterEntry).findBy({ contestId });
  }

  /** Whether the contest was ever opened as a live session (its questions are then the evidence of results). */
  hasSessions(contestId: number): Promise<boolean> {
    return this.db.getRepository(LiveSession).existsBy({ contestId });
  }

  saveRound(r: ContestRound): Promise<ContestRound> {
    return this.db.getRepository(ContestRound).save(r);
  }

  findQuestion(roundId: number, questionId: number): Promise<ContestQuestion | null> {
    return this.db.getRepository(ContestQuestion).findOneBy({ id: questionId, roundId });
  }

  saveQuestion(q: ContestQuestion): Promise<ContestQuestion> {
    return this.db.getRepository(ContestQuestion).save(q);
  }

  /** Removes a question and numbers the rest of its round 1..n again. */
  async deleteQuestion(q: ContestQuestion): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.getRepository(ContestQuestion).delete({ id: q.id });
      const rest = await m
        .getRepository(ContestQuestion)
        .find({ where: { roundId: q.roundId }, order: { position: 'ASC' } });
      await m.getRepository(ContestQuestion).save(rest.map((r, i) => ({ ...r, position: i + 1 })));
    });
  }

  /** Removes a round with its questions and numbers the contest's other rounds 1..n again. */
  async deleteRound(round: ContestRound): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.getRepository(ContestQuestion).delete({ roundId: round.id });
      await m.getRepository(ContestRound).delete({ id: round.id });
      const rest = await m
        .getRepository(ContestRound)
        .find({ where: { contestId: round.contestId }, order: { position: 'ASC' } });
      await m.getRepository(ContestRound).save(rest.map((r, i) => ({ ...r, position: i + 1 })));
    });
  }
}
