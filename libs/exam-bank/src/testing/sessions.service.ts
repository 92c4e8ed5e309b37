import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type FindOptionsWhere } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { User } from '@app/org';
import {
  AppConfig,
  canReachAgency,
  DomainError,
  forbidden,
  notFound,
  pageOf,
  PageQuery,
  RateLimit,
  Role,
  TokenService,
  type Page,
  type Principal,
} from '@app/platform';
import type { IssuedCode } from '../published/bank-views.js';
import { drawRuleProblem } from './domain/variant-draw.js';
import type {
  AddCandidatesDto,
  CandidateLoginDto,
  CandidateUpdateDto,
  SessionDto,
  SessionListQuery,
  SessionUpdateDto,
} from './dto/session.dto.js';
import type { TemplateDto } from './dto/template.dto.js';
import { AttemptsRepository } from './attempts.repository.js';
import { attemptDeadline } from './domain/deadline.js';
import type { ExamCandidate } from './exam-candidate.entity.js';
import type { ExamSession } from './exam-session.entity.js';
import { SessionsRepository } from './sessions.repository.js';
import type { TestTemplate } from './test-template.entity.js';
import type { SessionSettings, TemplatePart } from './testing.types.js';
import { VariantBuilder } from './variant-builder.js';

/** Unambiguous letters and digits for printed slips (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/**
 * Access codes are random (about 39 bits), single-purpose and rate-limited, so a salted SHA-256
 * is enough to keep them unreadable at rest; a slow password hash would make issuing codes for a
 * room of thousands take minutes.
 */
export const hashAccessCode = (candidateId: number, code: string): string =>
  createHash('sha256').update(`${candidateId}:${code.trim().toUpperCase()}`).digest('hex');

function newAccessCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export type { IssuedCode };

/** Templates, sessions, candidates, access codes and the candidate login. */
@Injectable()
export class SessionsService {
  private readonly logins: RateLimit;

  constructor(
    private readonly repo: SessionsRepository,
    private readonly attempts: AttemptsRepository,
    private readonly variants: VariantBuilder,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly db: DataSource,
    config: AppConfig,
  ) {
    this.logins = new RateLimit('candidate-login', config.LOGIN_RATE_PER_MINUTE, 60);
  }

  // ── templates ───────────────────────────────────────────────────────────────────────────────

  private parts(dto: TemplateDto): TemplatePart[] {
    return dto.parts.map((p, i) => {
      p.rules.forEach((rule, r) => {
        const problem = drawRuleProblem(rule);
        if (problem) {
          throw new DomainError('INVALID_DRAW_RULE', `Part ${i + 1}, rule ${r + 1}: ${problem}`, 'invalid', {
            part: i,
            rule: r,
          });
        }
      });
      return {
        name: p.name,
        rules: p.rules.map((r) => ({ ...r })),
        passPercent: p.passPercent,
        shuffleQuestions: p.shuffleQuestions,
        shuffleOptions: p.shuffleOptions,
        pointsPerQuestion: p.pointsPerQuestion,
      };
    });
  }

  createTemplate(dto: TemplateDto, by: Principal): Promise<TestTemplate> {
    return this.repo.templates().save({
      name: dto.name,
      description: dto.description ?? null,
      navigation: dto.navigation,
      passPercent: dto.passPercent ?? 50,
      parts: this.parts(dto),
      createdBy: by.userId,
    });
  }

  async updateTemplate(id: number, dto: TemplateDto): Promise<TestTemplate> {
    const t = await this.template(id);
    Object.assign(t, {
      name: dto.name,
      description: dto.description ?? null,
      navigation: dto.navigation,
      passPercent: dto.passPercent ?? 50,
      parts: this.parts(dto),
    });
    return this.repo.templates().save(t);
  }

  async template(id: number): Promise<TestTemplate> {
    const t = await this.repo.templates().findOneBy({ id });
    if (!t) throw notFound('Template', id);
    return t;
  }

  async listTemplates(page: PageQuery): Promise<Page<TestTemplate>> {
    const [items, total] = await this.repo
      .templates()
      .findAndCount({ order: { id: 'DESC' }, skip: page.skip, take: page.pageSize });
    return pageOf(items, total, page);
  }

  // ── sessions ────────────────────────────────────────────────────────────────────────────────

  private checkSessionShape(
    s: Pick<ExamSession, 'purpose' | 'agencyId' | 'jobPosition' | 'quota' | 'opensAt' | 'closesAt'>,
  ): void {
    if (s.closesAt.getTime() <= s.opensAt.getTime()) {
      throw new DomainError('SESSION_WINDOW_INVALID', 'The window must close after it opens', 'invalid');
    }
    if (s.purpose === 'inspection' && !s.agencyId) {
      throw new DomainError(
        'SESSION_AGENCY_REQUIRED',
        'An inspection session needs the agency inspected (agencyId)',
        'invalid',
      );
    }
    if (s.purpose === 'recruitment' && (!s.jobPosition || s.quota == null)) {
      throw new DomainError(
        'SESSION_POSITION_REQUIRED',
        'A recruitment session needs the job position (jobPosition) and its quota',
        'invalid',
      );
    }
  }

  async createSession(dto: SessionDto, by: Principal): Promise<ExamSession> {
    const template = await this.template(dto.templateId);
    if (dto.agencyId && !canReachAgency(by, dto.agencyId)) throw forbidden('That agency is outside your scope');
    const draft = {
      templateId: template.id,
      name: dto.name,
      purpose: dto.purpose,
      agencyId: dto.agencyId ?? null,
      jobPosition: dto.jobPosition ?? null,
      quota: dto.quota ?? null,
      opensAt: dto.opensAt,
      closesAt: dto.closesAt,
      durationSeconds: dto.durationSeconds,
      reviewShows: dto.reviewShows,
      reviewWhen: dto.reviewWhen,
      tieBreak: dto.tieBreak?.map((t) => ({ key: t.key, order: t.order })) ?? null,
      createdBy: by.userId,
    };
    this.checkSessionShape(draft);
    const settings: SessionSettings = {
      parts: template.parts,
      passPercent: template.passPercent,
      navigation: template.navigation,
    };
    await this.variants.checkDrawable(settings);
    return this.repo.sessions().save({ ...draft, settings });
  }

  async updateSession(id: number, dto: SessionUpdateDto): Promise<ExamSession> {
    const s = await this.session(id);
    if (dto.name !== undefined) s.name = dto.name;
    if (dto.opensAt !== undefined) s.opensAt = dto.opensAt;
    if (dto.closesAt !== undefined) s.closesAt = dto.closesAt;
    if (dto.reviewShows !== undefined) s.reviewShows = dto.reviewShows;
    if (dto.reviewWhen !== undefined) s.reviewWhen = dto.reviewWhen;
    if (dto.quota !== undefined) s.quota = dto.quota;
    if (dto.tieBreak !== undefined) s.tieBreak = dto.tieBreak.map((t) => ({ key: t.key, order: t.order }));
    this.checkSessionShape(s);
    const saved = await this.repo.sessions().save(s);
    if (dto.closesAt !== undefined) await this.refitDeadlines(saved);
    return saved;
  }

  /** A moved window close moves the deadlines of the attempts under way (never past duration + extra time). */
  private async refitDeadlines(session: ExamSession): Promise<void> {
    const open = (await this.attempts.findBySession(session.id)).filter((a) => a.state === 'in_progress');
    if (open.length === 0) return;
    const extra = new Map((await this.repo.candidatesOf(session.id)).map((c) => [c.id, c.extraSeconds]));
    for (const a of open) {
      const deadline = attemptDeadline(
        a.startedAt,
        session.durationSeconds,
        extra.get(a.candidateId) ?? 0,
        session.closesAt,
      );
      if (deadline.getTime() !== a.deadline.getTime()) await this.attempts.setDeadline(a.id, deadline);
    }
  }

  async session(id: number): Promise<ExamSession> {
    const s = await this.repo.findSession(id);
    if (!s) throw notFound('Session', id);
    return s;
  }

  async listSessions(q: SessionListQuery, by: Principal): Promise<Page<ExamSession>> {
    const where: FindOptionsWhere<ExamSession> = {};
    if (q.purpose) where.purpose = q.purpose;
    if (q.agencyId) where.agencyId = q.agencyId;
    if (by.role === Role.AgencyOfficer) where.agencyId = by.agencyId ?? -1;
    const [items, total] = await this.repo.listSessions(where, q.skip, q.pageSize);
    return pageOf(items, total, q);
  }

  // ── candidates ──────────────────────────────────────────────────────────────────────────────

  async addCandidates(sessionId: number, dto: AddCandidatesDto): Promise<ExamCandidate[]> {
    const session = await this.session(sessionId);
    const accounts = dto.accounts ?? [];
    const numbered = dto.numbered ?? [];
    if (accounts.length + numbered.length === 0) {
      throw new DomainError('NO_CANDIDATES', 'Give at least one account or candidate number', 'invalid');
    }
    const userIds = accounts.map((a) => a.userId);
    const users = userIds.length ? await this.db.getRepository(User).findBy({ id: In(userIds) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const unknown = userIds.filter((id) => !byId.has(id));
    if (unknown.length) {
      throw new DomainError('UNKNOWN_USERS', `No such users: ${unknown.join(', ')}`, 'invalid', { userIds: unknown });
    }
    const existing = await this.repo.candidatesOf(session.id);
    const dupUsers = userIds.filter((id) => existing.some((c) => c.userId === id));
    const numbers = numbered.map((n) => n.candidateNumber);
    const dupNumbers = numbers.filter(
      (n, i) => numbers.indexOf(n) !== i || existing.some((c) => c.candidateNumber === n),
    );
    if (dupUsers.length || dupNumbers.length || new Set(userIds).size !== userIds.length) {
      throw new DomainError(
        'CANDIDATE_DUPLICATE',
        'Some candidates are already in the session or listed twice',
        'conflict',
        {
          userIds: dupUsers,
          candidateNumbers: dupNumbers,
        },
      );
    }
    const rows: Partial<ExamCandidate>[] = [
      ...accounts.map((a) => ({
        sessionId,
        userId: a.userId,
        candidateNumber: null,
        fullName: byId.get(a.userId)!.fullName,
        agencyId: byId.get(a.userId)!.agencyId,
        extraSeconds: a.extraSeconds ?? 0,
        priorityPoints: a.priorityPoints ?? 0,
      })),
      ...numbered.map((n) => ({
        sessionId,
        userId: null,
        candidateNumber: n.candidateNumber,
        fullName: n.fullName,
        agencyId: n.agencyId ?? session.agencyId,
        extraSeconds: n.extraSeconds ?? 0,
        priorityPoints: n.priorityPoints ?? 0,
      })),
    ];
    return this.db.transaction((m) => this.repo.candidates(m).save(rows, { chunk: 200 }));
  }

  candidates(sessionId: number): Promise<ExamCandidate[]> {
    return this.repo.candidatesOf(sessionId);
  }

  /** Extra time applies to an attempt already under way too (its deadline moves, within the window). */
  async updateCandidate(sessionId: number, candidateId: number, dto: CandidateUpdateDto): Promise<ExamCandidate> {
    const session = await this.session(sessionId);
    const c = await this.repo.findCandidate(candidateId);
    if (!c || c.sessionId !== sessionId) throw notFound('Candidate', candidateId);
    if (dto.extraSeconds !== undefined) c.extraSeconds = dto.extraSeconds;
    if (dto.priorityPoints !== undefined) c.priorityPoints = dto.priorityPoints;
    const saved = await this.repo.candidates().save(c);
    const attempt = await this.attempts.findForCandidate(sessionId, candidateId);
    if (attempt && attempt.state === 'in_progress' && dto.extraSeconds !== undefined) {
      await this.attempts.setDeadline(
        attempt.id,
        attemptDeadline(attempt.startedAt, session.durationSeconds, c.extraSeconds, session.closesAt),
      );
    }
    return saved;
  }

  /**
   * Issues access codes to numbered candidates (those without one, or the listed ones again) and
   * returns them this once: only their hashes are kept.
   */
  async issueAccessCodes(sessionId: number, candidateIds?: number[]): Promise<IssuedCode[]> {
    await this.session(sessionId);
    const all = (await this.repo.candidatesOf(sessionId)).filter((c) => c.candidateNumber);
    const targets = candidateIds
      ? all.filter((c) => candidateIds.includes(c.id))
      : all.filter((c) => !c.accessCodeHash);
    if (candidateIds && targets.length !== new Set(candidateIds).size) {
      throw new DomainError(
        'CANDIDATE_NOT_NUMBERED',
        'Codes are issued only to numbered candidates of this session',
        'invalid',
      );
    }
    const issued: IssuedCode[] = [];
    await this.db.transaction(async (m) => {
      for (const c of targets) {
        const code = newAccessCode();
        await this.repo.candidates(m).update({ id: c.id }, { accessCodeHash: hashAccessCode(c.id, code) });
        issued.push({ candidateId: c.id, candidateNumber: c.candidateNumber!, fullName: c.fullName, accessCode: code });
      }
    });
    return issued;
  }

  /** Candidate number + access code → a token for this session only. */
  async candidateLogin(
    dto: CandidateLoginDto,
    ip: string,
  ): Promise<{ accessToken: string; expiresAt: string; candidate: CandidateSummary }> {
    await this.logins.consume(`ip:${ip}`);
    await this.logins.consume(`number:${dto.candidateNumber.trim().toUpperCase()}`);
    const found = await this.repo.findByNumber(dto.candidateNumber.trim(), dto.sessionId);
    const match = found.find((c) => {
      const want = Buffer.from(c.accessCodeHash!, 'hex');
      const got = Buffer.from(hashAccessCode(c.id, dto.accessCode), 'hex');
      return want.length === got.length && timingSafeEqual(want, got);
    });
    if (!match) throw new DomainError('BAD_ACCESS_CODE', 'Wrong candidate number or access code', 'unauthenticated');
    const principal: Principal = {
      userId: null,
      role: Role.Official,
      agencyId: match.agencyId,
      name: match.fullName,
      candidateId: match.id,
      sessionId: match.sessionId,
    };
    return { ...this.tokens.sign(principal), candidate: toCandidateSummary(match) };
  }

  /** The candidate record the caller is in this session, or null. */
  async candidateOf(principal: Principal, sessionId: number): Promise<ExamCandidate | null> {
    if (principal.candidateId !== undefined) {
      if (principal.sessionId !== sessionId) return null;
      const c = await this.repo.findCandidate(principal.candidateId);
      return c && c.sessionId === sessionId ? c : null;
    }
    if (principal.userId == null) return null;
    return this.repo.findCandidateForUser(sessionId, principal.userId);
  }

  /** The sessions the caller sits, newest first. */
  async mySessions(principal: Principal): Promise<{ candidate: CandidateSummary; session: CandidateSessionView }[]> {
    const cands =
      principal.candidateId !== undefined
        ? await this.repo.candidatesByIds([principal.candidateId])
        : principal.userId != null
          ? await this.repo.candidaciesOfUser(principal.userId)
          : [];
    const sessions = new Map((await this.repo.findSessions(cands.map((c) => c.sessionId))).map((s) => [s.id, s]));
    return cands
      .filter((c) => sessions.has(c.sessionId))
      .map((c) => ({ candidate: toCandidateSummary(c), session: toCandidateSessionView(sessions.get(c.sessionId)!) }));
  }
}

export interface CandidateSummary {
  id: number;
  sessionId: number;
  candidateNumber: string | null;
  fullName: string;
  agencyId: number | null;
}

export const toCandidateSummary = (c: ExamCandidate): CandidateSummary => ({
  id: c.id,
  sessionId: c.sessionId,
  candidateNumber: c.candidateNumber,
  fullName: c.fullName,
  agencyId: c.agencyId,
});

/** What a candidate may know of a session: no draw rules, no question ids. */
export interface CandidateSessionView {
  id: number;
  name: string;
  purpose: string;
  opensAt: string;
  closesAt: string;
  durationSeconds: number;
  navigation: string;
  parts: { name: string }[];
  reviewShows: string;
  reviewWhen: string;
}

export const toCandidateSessionView = (s: ExamSession): CandidateSessionView => ({
  id: s.id,
  name: s.name,
  purpose: s.purpose,
  opensAt: s.opensAt.toISOString(),
  closesAt: s.closesAt.toISOString(),
  durationSeconds: s.durationSeconds,
  navigation: s.settings.navigation,
  parts: s.settings.parts.map((p) => ({ name: p.name })),
  reviewShows: s.reviewShows,
  reviewWhen: s.reviewWhen,
});
