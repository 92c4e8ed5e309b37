import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { ExamCandidate } from './exam-candidate.entity.js';
import { ExamSession } from './exam-session.entity.js';
import { TestTemplate } from './test-template.entity.js';
import type { SessionSettings } from './testing.types.js';

const SETTINGS_LIMIT = 1_000;

/** Templates, sessions and their candidates. */
@Injectable()
export class SessionsRepository {
  /**
   * Each session's settings (its copy of the template's parts), by session id. A session's
   * settings never change once it is made, so a copy stays true on every server instance.
   */
  private readonly settingsById = new Map<number, Promise<SessionSettings | null>>();

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

  /** A session's settings (never changed after it is made), read once per process. */
  settingsOf(sessionId: number): Promise<SessionSettings | null> {
    let settings = this.settingsById.get(sessionId);
    if (!settings) {
      if (this.settingsById.size >= SETTINGS_LIMIT) this.settingsById.clear();
      settings = this.sessions()
        .findOne({ where: { id: sessionId }, select: { id: true, settings: true } })
        .then((s) => s?.settings ?? null);
      this.settingsById.set(sessionId, settings);
      // a session not found (yet) or a failed read is asked for again next time
      void settings.then(
        (found) => found ?? this.settingsById.delete(sessionId),
        () => this.settingsById.delete(sessionId),
      );
    }
    return settings;
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
