import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, type Principal } from '@app/platform';
import type { QuestionVersion } from '../bank/question-version.entity.js';
import { AttemptsRepository, type AttemptIdentity, type Starter } from './attempts.repository.js';
import { attemptDeadline, remainingMs, windowState } from './domain/deadline.js';
import type { AttemptView, CandidateItemView, ReviewView, SaveAck } from '../published/candidate-views.js';
import { reviewLevel } from './domain/review-policy.js';
import type { ExamAnswer } from './exam-answer.entity.js';
import { ExamAttempt } from './exam-attempt.entity.js';
import type { ExamCandidate } from './exam-candidate.entity.js';
import type { ExamSession } from './exam-session.entity.js';
import type { SessionSettings } from './testing.types.js';
import { GradingService } from './grading.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { VariantBuilder } from './variant-builder.js';
import { VersionCache } from './version-cache.js';

/** Immutable facts about an attempt, kept in memory so that saving an answer is one statement. */
interface AttemptMeta {
  sessionId: number;
  candidateId: number;
  userId: number | null;
  sequential: boolean;
  optionKeys: string[][];
  multiple: boolean[];
}

const META_LIMIT = 20_000;

const notYours = (): DomainError => new DomainError('ATTEMPT_NOT_FOUND', 'No such attempt among yours', 'not_found');

/** A candidate's timed attempt: start or resume, save answers one by one, flag, submit, review. */
@Injectable()
export class AttemptsService {
  private readonly meta = new Map<number, AttemptMeta>();

  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly sessions: SessionsRepository,
    private readonly variants: VariantBuilder,
    private readonly versions: VersionCache,
    private readonly grading: GradingService,
  ) {}

  /**
   * Starts the caller's attempt, or resumes it: same variant, saved answers, remaining time. A new
   * start is one read (candidate, window, any attempt already made) and one insert; the session's
   * settings, its pools of questions and the versions come from memory.
   */
  async start(principal: Principal, sessionId: number): Promise<AttemptView> {
    const who = starter(principal, sessionId);
    const facts = who ? await this.attempts.startFacts(sessionId, who) : null;
    const settings = facts ? await this.sessions.settingsOf(sessionId) : null;
    if (!facts || !settings) {
      throw new DomainError('NOT_A_CANDIDATE', 'You are not a candidate of this session', 'forbidden');
    }
    if (facts.attemptId !== null) return this.resume(facts.attemptId, settings);
    const now = new Date();
    const state = windowState(facts.opensAt, facts.closesAt, now);
    if (state === 'not_open') {
      throw new DomainError('SESSION_NOT_OPEN', `The session opens at ${facts.opensAt.toISOString()}`, 'conflict', {
        opensAt: facts.opensAt.toISOString(),
      });
    }
    if (state === 'closed') throw new DomainError('SESSION_CLOSED', 'The session has closed', 'gone');
    const seed = randomInt(2 ** 31 - 1);
    const variant = await this.variants.build(sessionId, settings, seed);
    const fields = {
      sessionId,
      candidateId: facts.candidateId,
      seed,
      variant,
      startedAt: now,
      deadline: attemptDeadline(now, facts.durationSeconds, facts.extraSeconds, facts.closesAt),
      state: 'in_progress' as const,
      position: 0,
    };
    await this.versions.markUsed(variant.items.map((i) => i.versionId));
    let id: number;
    try {
      id = await this.attempts.insert(fields);
    } catch (e) {
      // Two starts at once: the unique (session, candidate) index let one through; resume it.
      if (!(e instanceof QueryFailedError)) throw e;
      const again = await this.attempts.findForCandidate(sessionId, facts.candidateId);
      if (!again) throw e;
      return this.resume(again.id, settings);
    }
    const attempt = Object.assign(new ExamAttempt(), fields, {
      id,
      submittedAt: null,
      gradedAt: null,
      score: null,
      maxScore: null,
      passed: null,
      partScores: null,
      itemScores: null,
    });
    const versions = await this.versions.get(variant.items.map((i) => i.versionId));
    this.remember(id, { sessionId, candidateId: facts.candidateId, userId: facts.userId, variant }, settings, versions);
    return this.view(attempt, settings, versions, []);
  }

  private async resume(attemptId: number, settings: SessionSettings): Promise<AttemptView> {
    const attempt = (await this.attempts.findById(attemptId))!;
    return this.view(attempt, settings, await this.versions.get(attempt.variant.items.map((i) => i.versionId)));
  }

  async get(principal: Principal, attemptId: number): Promise<AttemptView> {
    const { attempt, session } = await this.own(principal, attemptId);
    const versions = await this.versions.get(attempt.variant.items.map((i) => i.versionId));
    return this.view(attempt, session.settings, versions);
  }

  /** Saves one answer; the same payload twice is harmless. Refused after the deadline or submit. */
  async saveAnswer(principal: Principal, attemptId: number, index: number, chosen: string[]): Promise<SaveAck> {
    const meta = await this.metaFor(principal, attemptId);
    if (index >= meta.optionKeys.length) {
      throw new DomainError('ITEM_NOT_FOUND', `This attempt has items 0 to ${meta.optionKeys.length - 1}`, 'invalid');
    }
    const picks = [...new Set(chosen)];
    const unknown = picks.filter((k) => !meta.optionKeys[index].includes(k));
    if (unknown.length) {
      throw new DomainError('OPTION_NOT_FOUND', `Item ${index} has no option ${unknown.join(', ')}`, 'invalid');
    }
    if (!meta.multiple[index] && picks.length > 1) {
      throw new DomainError('ONE_OPTION_ONLY', `Item ${index} takes a single option`, 'invalid');
    }
    const now = new Date();
    if (!(await this.attempts.upsertAnswer(attemptId, index, picks, now, meta.sequential))) {
      throw await this.refusal(attemptId, index, now);
    }
    return { attemptId, index, savedAt: now.toISOString(), serverTime: new Date().toISOString() };
  }

  async flag(principal: Principal, attemptId: number, index: number, flagged: boolean): Promise<SaveAck> {
    const meta = await this.metaFor(principal, attemptId);
    if (index >= meta.optionKeys.length) {
      throw new DomainError('ITEM_NOT_FOUND', `This attempt has items 0 to ${meta.optionKeys.length - 1}`, 'invalid');
    }
    const now = new Date();
    if (!(await this.attempts.upsertFlag(attemptId, index, flagged, now)))
      throw await this.refusal(attemptId, index, now);
    return { attemptId, index, savedAt: now.toISOString(), serverTime: new Date().toISOString() };
  }

  /** Submits and grades at once; submitting again answers the same. */
  async submit(principal: Principal, attemptId: number): Promise<ReviewView> {
    const { attempt, session } = await this.own(principal, attemptId);
    if (attempt.state !== 'in_progress') return this.reviewOf(attempt, session);
    const now = new Date();
    if (now.getTime() >= attempt.deadline.getTime())
      await this.grading.close(attemptId, 'expired_graded', attempt.deadline);
    else await this.grading.close(attemptId, 'submitted', now);
    // closed by this call or, racing it, by the sweeper or another instance: read it as graded
    return this.reviewOf((await this.attempts.findById(attemptId))!, session);
  }

  /** The result, as much of it as the session's review policy allows now. */
  async review(principal: Principal, attemptId: number): Promise<ReviewView> {
    const { attempt, session } = await this.own(principal, attemptId);
    return this.reviewOf(attempt, session);
  }

  private async reviewOf(attempt: ExamAttempt, session: ExamSession): Promise<ReviewView> {
    const now = new Date();
    const finished = attempt.state !== 'in_progress' && attempt.gradedAt !== null;
    const shows = reviewLevel(
      { shows: session.reviewShows, when: session.reviewWhen },
      { attemptFinished: finished, now, closesAt: session.closesAt },
    );
    const base: ReviewView = {
      attemptId: attempt.id,
      state: attempt.state,
      shows,
      availableAt: session.reviewWhen === 'after_close' ? session.closesAt.toISOString() : null,
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
    };
    if (shows === 'none') return base;
    const parts = (attempt.partScores ?? []).map((p, i) => ({
      name: session.settings.parts[i]?.name ?? `Phần ${i + 1}`,
      score: p.score,
      maxScore: p.maxScore,
      passed: p.passed,
    }));
    const scored = { ...base, score: attempt.score!, maxScore: attempt.maxScore!, passed: attempt.passed!, parts };
    if (shows === 'score') return scored;
    const answers = await this.attempts.answersOf(attempt.id);
    const versions = await this.versions.get(attempt.variant.items.map((i) => i.versionId));
    const chosenAt = new Map(answers.map((a) => [a.itemIndex, a.chosen]));
    return {
      ...scored,
      items: attempt.variant.items.map((it, index) => {
        const v = versions.get(it.versionId)!;
        const byKey = new Map(v.options.map((o) => [o.key, o]));
        return {
          index,
          stem: v.stem,
          type: v.type,
          chosen: chosenAt.get(index) ?? [],
          points: it.points,
          score: attempt.itemScores?.[index] ?? 0,
          explanation: v.explanation,
          options: it.options.map((key) => {
            const o = byKey.get(key)!;
            return { key, text: o.text, fraction: o.fraction, correct: o.fraction > 0, feedback: o.feedback ?? null };
          }),
        };
      }),
    };
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  private owns(principal: Principal, candidate: Pick<ExamCandidate, 'id' | 'userId'>): boolean {
    if (principal.candidateId !== undefined) return principal.candidateId === candidate.id;
    return principal.userId != null && principal.userId === candidate.userId;
  }

  private async own(principal: Principal, attemptId: number): Promise<{ attempt: ExamAttempt; session: ExamSession }> {
    const attempt = await this.attempts.findById(attemptId);
    if (!attempt) throw notYours();
    // whose attempt it is never changes: known from the save cache when this process has it
    const meta = this.meta.get(attemptId);
    const candidate = meta
      ? { id: meta.candidateId, userId: meta.userId }
      : await this.sessions.findCandidate(attempt.candidateId);
    if (!candidate || !this.owns(principal, candidate)) throw notYours();
    const session = (await this.sessions.findSession(attempt.sessionId))!;
    return { attempt, session };
  }

  /**
   * What a save checks in memory: whose attempt it is and its items' option keys, facts that never
   * change after the start (state and deadline are checked by the save statement itself, so a
   * submit on another instance is seen at once). Read in one statement when this process has not
   * seen the attempt yet.
   */
  private async metaFor(principal: Principal, attemptId: number): Promise<AttemptMeta> {
    let meta = this.meta.get(attemptId);
    if (!meta) {
      const identity = await this.attempts.identity(attemptId);
      if (!identity || !this.owns(principal, { id: identity.candidateId, userId: identity.userId })) throw notYours();
      const settings = (await this.sessions.settingsOf(identity.sessionId))!;
      const versions = await this.versions.get(identity.variant.items.map((i) => i.versionId));
      meta = this.remember(attemptId, identity, settings, versions);
    }
    if (!this.owns(principal, { id: meta.candidateId, userId: meta.userId })) throw notYours();
    return meta;
  }

  private remember(
    attemptId: number,
    identity: AttemptIdentity,
    settings: SessionSettings,
    versions: Map<number, QuestionVersion>,
  ): AttemptMeta {
    const items = identity.variant.items;
    const meta: AttemptMeta = {
      sessionId: identity.sessionId,
      candidateId: identity.candidateId,
      userId: identity.userId,
      sequential: settings.navigation === 'sequential',
      optionKeys: items.map((i) => i.options),
      multiple: items.map((i) => versions.get(i.versionId)?.type === 'multiple'),
    };
    if (this.meta.size >= META_LIMIT) this.meta.delete(this.meta.keys().next().value!);
    this.meta.set(attemptId, meta);
    return meta;
  }

  private async refusal(attemptId: number, index: number, now: Date): Promise<DomainError> {
    const a = (await this.attempts.findById(attemptId))!;
    if (a.state === 'expired_graded' || a.deadline.getTime() <= now.getTime()) {
      return new DomainError(
        'ATTEMPT_DEADLINE_PASSED',
        `Time is up: the deadline was ${a.deadline.toISOString()}; this answer was not saved`,
        'gone',
        { deadline: a.deadline.toISOString(), serverTime: now.toISOString() },
      );
    }
    if (a.state !== 'in_progress') {
      return new DomainError(
        'ATTEMPT_SUBMITTED',
        'This attempt has been submitted; answers can no longer change',
        'conflict',
        { state: a.state },
      );
    }
    return new DomainError(
      'ATTEMPT_SEQUENTIAL',
      `This test goes forward only: item ${index} is before item ${a.position}, where you are`,
      'conflict',
      { position: a.position },
    );
  }

  private async view(
    attempt: ExamAttempt,
    settings: SessionSettings,
    versions: Map<number, QuestionVersion>,
    saved?: ExamAnswer[],
  ): Promise<AttemptView> {
    const answers = saved ?? (await this.attempts.answersOf(attempt.id));
    const byIndex = new Map(answers.map((a) => [a.itemIndex, a]));
    const now = new Date();
    return {
      attemptId: attempt.id,
      sessionId: attempt.sessionId,
      state: attempt.state,
      startedAt: attempt.startedAt.toISOString(),
      deadline: attempt.deadline.toISOString(),
      serverTime: now.toISOString(),
      remainingMs: attempt.state === 'in_progress' ? remainingMs(attempt.deadline, now) : 0,
      navigation: settings.navigation,
      position: attempt.position,
      parts: settings.parts.map((p) => ({ name: p.name })),
      items: attempt.variant.items.map((it, index) =>
        candidateItem(it.part, index, versions.get(it.versionId)!, it.options, byIndex.get(index)),
      ),
    };
  }
}

/** Which candidate row a start looks for; null when the caller cannot be one in this session. */
function starter(principal: Principal, sessionId: number): Starter | null {
  // A candidate-number login opens only its own session.
  if (principal.candidateId !== undefined) {
    return principal.sessionId === sessionId ? { candidateId: principal.candidateId } : null;
  }
  return principal.userId != null ? { userId: principal.userId } : null;
}

/** Built field by field: the key, fractions, feedback and explanation are never copied. */
function candidateItem(
  part: number,
  index: number,
  v: QuestionVersion,
  order: string[],
  a: ExamAnswer | undefined,
): CandidateItemView {
  const text = new Map(v.options.map((o) => [o.key, o.text]));
  return {
    index,
    part,
    type: v.type,
    stem: v.stem,
    options: order.map((key) => ({ key, text: text.get(key) ?? '' })),
    chosen: a?.chosen ?? [],
    flagged: a?.flagged ?? false,
    savedAt: a?.savedAt?.toISOString() ?? null,
  };
}
