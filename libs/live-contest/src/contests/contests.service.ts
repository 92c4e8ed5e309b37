import { Injectable } from '@nestjs/common';
import { QuestionBankReader } from '@app/exam-bank';
import { DomainError, forbidden, notFound, Role, type Principal } from '@app/platform';
import type {
  AddQuestionDto,
  AddRoundDto,
  CreateContestDto,
  ImportBankQuestionsDto,
  RosterDto,
  UpdateContestDto,
  UpdateQuestionDto,
  UpdateRoundDto,
} from '../dto/contest.dto.js';
import type { ContestQuestion } from './contest-question.entity.js';
import type { ContestRound, RoundSettings } from './contest-round.entity.js';
import type { Contest } from './contest.entity.js';
import { ContestsRepository, type ContestTree } from './contests.repository.js';

/**
 * A contest as its organizer reads it, with the sessions live now: each plays the snapshot taken
 * when it opened, so a change made now applies to later sessions only.
 */
export interface ContestDetail extends ContestTree {
  liveSessions: { sessionId: number; pin: string; openedAt: string }[];
}

const DEFAULT_SETTINGS: Record<ContestRound['type'], RoundSettings> = {
  speed: { scoring: 'speed', streakBonus: 0, streakCap: 5 },
  buzzer: { answerSeconds: 3, plus: 10, minus: 5 },
  elimination: {},
  judged: { judgeMethod: 'mean', trim: 1 },
};

/** Organizers build contests: rounds, their own questions or copies of bank versions, a roster. */
@Injectable()
export class ContestsService {
  constructor(
    private readonly contests: ContestsRepository,
    private readonly bank: QuestionBankReader,
  ) {}

  create(who: Principal, dto: CreateContestDto): Promise<Contest> {
    return this.contests.saveContest({
      title: dto.title.trim(),
      organizerId: who.userId!,
      mode: dto.mode,
      teamScoring: dto.teamScoring ?? 'sum',
      tieBreak: dto.tieBreak ?? ['correct_time', 'sudden_death'],
    });
  }

  list(who: Principal): Promise<Contest[]> {
    return this.contests.listForOrganizer(who.role === Role.Admin ? null : who.userId);
  }

  /** The contest if the caller owns it (or is an administrator). */
  async owned(who: Principal, contestId: number): Promise<Contest> {
    const c = await this.contests.findContest(contestId);
    if (!c) throw notFound('Contest', contestId);
    if (who.role !== Role.Admin && c.organizerId !== who.userId) {
      throw forbidden('Only the organizer who built this contest may change or run it');
    }
    return c;
  }

  async tree(who: Principal, contestId: number): Promise<ContestDetail> {
    await this.owned(who, contestId);
    const tree = (await this.contests.tree(contestId))!;
    return { ...tree, liveSessions: await this.liveSessions(contestId) };
  }

  /** Sessions of the contest live now; a change to the contest does not reach them. */
  async liveSessions(contestId: number): Promise<ContestDetail['liveSessions']> {
    return (await this.contests.liveSessions(contestId)).map((s) => ({
      sessionId: s.id,
      pin: s.pin,
      openedAt: s.createdAt.toISOString(),
    }));
  }

  async addRound(who: Principal, contestId: number, dto: AddRoundDto): Promise<ContestRound> {
    await this.owned(who, contestId);
    return this.contests.addRound({
      contestId,
      title: dto.title.trim(),
      type: dto.type,
      settings: { ...DEFAULT_SETTINGS[dto.type], ...(dto.settings ?? {}) },
    });
  }

  private async round(who: Principal, contestId: number, roundId: number): Promise<ContestRound> {
    await this.owned(who, contestId);
    const round = await this.contests.findRound(contestId, roundId);
    if (!round) throw notFound('Round', roundId);
    if (round.type === 'judged') {
      throw new DomainError('JUDGED_ROUND_HAS_NO_QUESTIONS', 'A judge-scored round takes judge scores, not questions');
    }
    return round;
  }

  async addQuestion(who: Principal, contestId: number, roundId: number, dto: AddQuestionDto): Promise<ContestQuestion> {
    const round = await this.round(who, contestId, roundId);
    const keys = dto.options.map((o) => o.key);
    if (new Set(keys).size !== keys.length) throw new DomainError('DUPLICATE_OPTION_KEY', 'Option keys must differ');
    if (!keys.includes(dto.correctKey)) {
      throw new DomainError('CORRECT_KEY_NOT_AN_OPTION', `correctKey must be one of: ${keys.join(', ')}`);
    }
    const [q] = await this.contests.addQuestions(round, [
      {
        text: dto.text,
        options: dto.options.map((o) => ({ key: o.key, text: o.text })),
        correctKey: dto.correctKey,
        points: dto.points ?? 1000,
        timeLimitSec: dto.timeLimitSec ?? 20,
        bankVersionId: null,
      },
    ]);
    return q;
  }

  /** Copies bank question versions (one right option each) into the round. */
  async importFromBank(
    who: Principal,
    contestId: number,
    roundId: number,
    dto: ImportBankQuestionsDto,
  ): Promise<ContestQuestion[]> {
    const round = await this.round(who, contestId, roundId);
    const versions = new Map((await this.bank.versions(dto.versionIds)).map((v) => [v.id, v]));
    const missing = dto.versionIds.filter((id) => !versions.has(id));
    if (missing.length) throw notFound('Question version', missing.join(', '));
    const copies = dto.versionIds.map((id) => {
      const v = versions.get(id)!;
      const right = v.options.filter((o) => o.fraction >= 1);
      if (right.length !== 1) {
        throw new DomainError(
          'NOT_SINGLE_ANSWER',
          `Question version ${id} does not have exactly one right option; live rounds need one`,
        );
      }
      return {
        text: v.stem,
        options: v.options.map((o) => ({ key: o.key, text: o.text })),
        correctKey: right[0].key,
        points: dto.points ?? 1000,
        timeLimitSec: dto.timeLimitSec ?? 20,
        bankVersionId: v.id,
      };
    });
    return this.contests.addQuestions(round, copies);
  }

  async setRoster(who: Principal, contestId: number, dto: RosterDto): Promise<{ entries: number }> {
    await this.owned(who, contestId);
    const entries = await this.contests.replaceRoster(
      contestId,
      dto.entries.map((e) => ({ name: e.name.trim(), agencyId: e.agencyId })),
    );
    return { entries };
  }

  /** The contest if the caller owns it and it was never played: a played contest's questions are the evidence of its results. */
  private async editable(who: Principal, contestId: number): Promise<Contest> {
    const c = await this.owned(who, contestId);
    if (await this.contests.hasSessions(contestId)) {
      throw new DomainError(
        'CONTEST_PLAYED',
        'This contest has been played; its rounds and questions back its results and can no longer change',
        'conflict',
      );
    }
    return c;
  }

  private async editableRound(who: Principal, contestId: number, roundId: number): Promise<ContestRound> {
    await this.editable(who, contestId);
    const round = await this.contests.findRound(contestId, roundId);
    if (!round) throw notFound('Round', roundId);
    return round;
  }

  async update(who: Principal, contestId: number, dto: UpdateContestDto): Promise<Contest> {
    const c = await this.editable(who, contestId);
    return this.contests.saveContest({
      ...c,
      ...(dto.title !== undefined ? { title: dto.title.trim() } : {}),
      ...(dto.mode !== undefined ? { mode: dto.mode } : {}),
      ...(dto.teamScoring !== undefined ? { teamScoring: dto.teamScoring } : {}),
      ...(dto.tieBreak !== undefined ? { tieBreak: dto.tieBreak } : {}),
    });
  }

  async updateRound(who: Principal, contestId: number, roundId: number, dto: UpdateRoundDto): Promise<ContestRound> {
    const round = await this.editableRound(who, contestId, roundId);
    return this.contests.saveRound({
      ...round,
      title: dto.title !== undefined ? dto.title.trim() : round.title,
      settings: { ...round.settings, ...(dto.settings ?? {}) },
    });
  }

  async deleteRound(who: Principal, contestId: number, roundId: number): Promise<void> {
    await this.contests.deleteRound(await this.editableRound(who, contestId, roundId));
  }

  private async editableQuestion(
    who: Principal,
    contestId: number,
    roundId: number,
    questionId: number,
  ): Promise<ContestQuestion> {
    await this.editableRound(who, contestId, roundId);
    const q = await this.contests.findQuestion(roundId, questionId);
    if (!q) throw notFound('Question', questionId);
    return q;
  }

  async updateQuestion(
    who: Principal,
    contestId: number,
    roundId: number,
    questionId: number,
    dto: UpdateQuestionDto,
  ): Promise<ContestQuestion> {
    const q = await this.editableQuestion(who, contestId, roundId, questionId);
    const options = dto.options ? dto.options.map((o) => ({ key: o.key, text: o.text })) : q.options;
    const correctKey = dto.correctKey ?? q.correctKey;
    const keys = options.map((o) => o.key);
    if (new Set(keys).size !== keys.length) throw new DomainError('DUPLICATE_OPTION_KEY', 'Option keys must differ');
    if (!keys.includes(correctKey)) {
      throw new DomainError('CORRECT_KEY_NOT_AN_OPTION', `correctKey must be one of: ${keys.join(', ')}`);
    }
    return this.contests.saveQuestion({
      ...q,
      text: dto.text ?? q.text,
      options,
      correctKey,
      points: dto.points ?? q.points,
      timeLimitSec: dto.timeLimitSec ?? q.timeLimitSec,
    });
  }

  async deleteQuestion(who: Principal, contestId: number, roundId: number, questionId: number): Promise<void> {
    await this.contests.deleteQuestion(await this.editableQuestion(who, contestId, roundId, questionId));
  }
}
