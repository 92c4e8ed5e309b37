import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { ExamCandidate } from './exam-candidate.entity.js';
import { ExamSession } from './exam-session.entity.js';
import { TestTemplate } from './test-template.entity.js';

/** Templates, sessions and their candidates. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  templates(m: EntityManager = this.db.manager) {
    return m.getRepository(TestTemplate);
  }

  sessions(m: EntityManager = this.db.manager) {
    return m.getRepository(ExamSession);
  }

  candidates(m: EntityManager = this.db.manager) {
    return m.getRepository(ExamCandidate);
  }

  findSession(id: number): Promise<ExamSession | null> {
    return this.sessions().findOneBy({ id });
  }

  findSessions(ids: number[]): Promise<ExamSession[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.sessions().findBy({ id: In(ids) });
  }

  listSessions(where: FindOptionsWhere<ExamSession>, skip: number, take: number): Promise<[ExamSession[], number]> {
    return this.sessions().findAndCount({ where, order: { opensAt: 'DESC', id: 'DESC' }, skip, take });
  }

  findCandidate(id: number): Promise<ExamCandidate | null> {
    return this.candidates().findOneBy({ id });
  }

  findCandidateForUser(sessionId: number, userId: number): Promise<ExamCandidate | null> {
    return this.candidates().findOneBy({ sessionId, userId });
  }

  candidatesOf(sessionId: number): Promise<ExamCandidate[]> {
    return this.candidates().find({ where: { sessionId }, order: { id: 'ASC' } });
  }

  candidatesByIds(ids: number[]): Promise<ExamCandidate[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.candidates().findBy({ id: In(ids) });
  }

  /** Numbered candidates that may log in with this number (any session unless one is given). */
  findByNumber(candidateNumber: string, sessionId?: number): Promise<ExamCandidate[]> {
    return this.candidates().findBy({
      candidateNumber,
      accessCodeHash: Not(IsNull()),
      ...(sessionId ? { sessionId } : {}),
    });
  }

  /** Sessions in which the user is a candidate. */
  candidaciesOfUser(userId: number): Promise<ExamCandidate[]> {
    return this.candidates().find({ where: { userId }, order: { id: 'DESC' }, take: 200 });
  }
}
