import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Namespace } from 'socket.io';
import { DataSource } from 'typeorm';
import { Agency } from '@app/org';
import { DomainError, RateLimit, Role, TokenService, forbidden, notFound, type Principal } from '@app/platform';
import { ContestsRepository } from '../contests/contests.repository.js';
import { ContestsService } from '../contests/contests.service.js';
import { generatePin } from '../domain/pin.js';
import { rankStandings, teamScore } from '../domain/ranking.js';
import { eliminatedBy, scoreBuzzerAnswer, scoreSpeedAnswer } from '../domain/scoring.js';
import type {
  AnswerDto,
  BuzzDto,
  HostHandshakeDto,
  KickDto,
  LockDto,
  PlayerJoinHandshakeDto,
  PlayerRejoinHandshakeDto,
  ProjectorHandshakeDto,
} from '../dto/socket.dto.js';
import type {
  AgencyLeaderboardRow,
  JoinInfo,
  LeaderboardRow,
  PlayerResult,
  QuestionView,
  SessionPhase,
  WelcomePlayer,
  WelcomeStaff,
} from '../protocol.js';
import { AnswerWriter } from './answer-writer.js';
import { LIVE_STORE, type LiveAnswer, type LivePlayer, type LiveState, type LiveStore } from './live-store.js';
import type { LiveSession } from './live-session.entity.js';
import { LiveRepository } from './live.repository.js';
import { planOf, snapshotOf, type Plan } from './plan.js';
import { ContestResultsService } from '../results/contest-results.service.js';
import { hostRoom, playerRoom, sessionRoom, staffRoom } from './rooms.js';

/** Who a socket is, set once in handleConnection. */
export type SocketContext =
  | { role: 'host'; sessionId: number; userId: number }
  | { role: 'projector'; sessionId: number }
  | { role: 'player'; sessionId: number; playerId: number };

/** Limits of the live sessions; tests may lower them before the first join. */
export class LiveContestLimits {
  /** Joins one PIN admits per second (a flood of fake joins is throttled). */
  joinsPerPinPerSecond = 500;
  /** Failed joins (unknown PIN, locked lobby) per address per minute. */
  failedJoinsPerAddressPerMinute = 30;
  /** Answers and buzzes per socket per second. */
  answersPerSocketPerSecond = 5;
  /** Live answer count to the host, at most this often. */
  hostCountEveryMs = 250;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const MAX_CAS_RETRIES = 20;

/** Refusals an answer sent again (its acknowledgement lost) may get; see LiveService.retakeAnswer. */
const RETRY_REFUSALS = new Set(['ALREADY_ANSWERED', 'TOO_LATE', 'QUESTION_CLOSED']);

interface LocalTimers {
  closeTimer?: NodeJS.Timeout;
  ticker?: NodeJS.Timeout;
  lastCount?: string;
}

/**
 * The live session service: joins, host controls, answers, scoring at the reveal, reconnection.
 * Live state is in the LiveStore (memory or Redis); acknowledged answers are in the database
 * before the acknowledgement goes out. Messages per question are O(players).
 */
@Injectable()
export class LiveService implements OnModuleDestroy {
  private readonly logger = new Logger('LiveService');
  private server: Namespace | null = null;
  private readonly plans = new Map<number, Promise<Plan>>();
  private readonly timers = new Map<number, LocalTimers>();
  private readonly writer: AnswerWriter;
  private agencies: { at: number; active: Map<number, string> } | null = null;
  private readonly pins = new Map<string, { session: LiveSession; until: number }>();
  private limiters: { pin: RateLimit; failed: RateLimit; answer: RateLimit } | null = null;

  constructor(
    @Inject(LIVE_STORE) private readonly store: LiveStore,
    private readonly repo: LiveRepository,
    private readonly contests: ContestsRepository,
    private readonly contestsService: ContestsService,
    private readonly tokens: TokenService,
    readonly limits: LiveContestLimits,
    private readonly results: ContestResultsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.writer = new AnswerWriter((rows) => this.repo.insertAnswers(rows));
  }

  attach(server: Namespace): void {
    this.server = server;
  }

  private get io(): Namespace {
    if (!this.server) throw new Error('The contest gateway is not initialised');
    return this.server;
  }

  private get limit(): { pin: RateLimit; failed: RateLimit; answer: RateLimit } {
    this.limiters ??= {
      pin: new RateLimit('contest-join-pin', this.limits.joinsPerPinPerSecond, 1),
      failed: new RateLimit('contest-join-failed', this.limits.failedJoinsPerAddressPerMinute, 60),
      answer: new RateLimit('contest-answer', this.limits.answersPerSocketPerSecond, 1),
    };
    return this.limiters;
  }

  async onModuleDestroy(): Promise<void> {
    for (const t of this.timers.values()) this.clearTimers(t);
    this.timers.clear();
    await this.store.close();
  }

  // ── sessions ────────────────────────────────────────────────────────────────

  /** Starts a live session of the contest: a fresh PIN and a view-only token for the projector. */
  async startSession(
    who: Principal,
    contestId: number,
    pinMinutes = 240,
  ): Promise<{ sessionId: number; pin: string; pinExpiresAt: string; viewToken: string }> {
    await this.contestsService.owned(who, contestId);
    const tree = await this.contests.tree(contestId);
    if (!tree || tree.rounds.length === 0) {
      throw new DomainError('CONTEST_EMPTY', 'Add at least one round with questions before starting a session');
    }
    const now = new Date();
    const taken = await this.repo.pinsInUse(now);
    const pin = generatePin(
      () => randomInt(0, 1_000_000) / 1_000_000,
      (p) => taken.has(p),
    );
    if (!pin) throw new DomainError('NO_PIN_AVAILABLE', 'Too many live sessions; try again shortly', 'conflict');
    const viewToken = randomBytes(24).toString('base64url');
    const pinExpiresAt = new Date(now.getTime() + pinMinutes * 60_000);
    const session = await this.repo.createSession({
      contestId,
      pin,
      state: 'live',
      hostUserId: who.userId!,
      viewTokenHash: sha256(viewToken),
      pinExpiresAt,
      snapshot: snapshotOf(tree),
    });
    await this.store.casState(session.id, 0, {
      phase: 'lobby',
      index: -1,
      startedAt: 0,
      deadline: 0,
      remainingMs: null,
      buzz: null,
      locked: false,
      rev: 0,
    });
    return { sessionId: session.id, pin, pinExpiresAt: pinExpiresAt.toISOString(), viewToken };
  }

  /** The session's plan (its snapshot of the contest), loaded once per instance. */
  plan(sessionId: number): Promise<Plan> {
    let p = this.plans.get(sessionId);
    if (!p) {
      p = this.loadPlan(sessionId);
      this.plans.set(sessionId, p);
      p.catch(() => this.plans.delete(sessionId));
    }
    return p;
  }

  private async loadPlan(sessionId: number): Promise<Plan> {
    const session = await this.repo.session(sessionId);
    if (!session) throw notFound('Session', sessionId);
    const tree = (await this.contests.tree(session.contestId))!;
    return planOf(sessionId, tree, session.snapshot);
  }

  private async liveState(sessionId: number): Promise<LiveState> {
    const s = await this.store.state(sessionId);
    if (s && s.phase !== 'ended') return s;
    if (!s && (await this.repo.session(sessionId))?.state === 'live') {
      // the database says running, the store has nothing: Redis restarted without persistence
      throw new DomainError(
        'LIVE_STATE_LOST',
        'The live state of this contest was lost on the server (Redis restarted without persistence). ' +
          'Players, PINs and acknowledged answers are kept; scores in progress are not. Start a new session.',
        'gone',
      );
    }
    throw new DomainError('SESSION_NOT_LIVE', 'This session is not running', 'gone');
  }

  /** Applies `change` with compare-and-set, retrying when another host action or instance got there first. */
  private async transition(sessionId: number, change: (s: LiveState) => LiveState): Promise<LiveState> {
    for (let i = 0; i < MAX_CAS_RETRIES; i++) {
      const cur = await this.liveState(sessionId);
      const next = change(cur);
      if (await this.store.casState(sessionId, cur.rev, next)) return { ...next, rev: cur.rev + 1 };
    }
    throw new DomainError('BUSY', 'The session changed meanwhile; try again', 'conflict');
  }

  // ── connections ─────────────────────────────────────────────────────────────

  async connectHost(dto: HostHandshakeDto): Promise<{ ctx: SocketContext; welcome: WelcomeStaff }> {
    const principal = this.tokens.verify(dto.token);
    if (principal.role !== Role.Organizer && principal.role !== Role.Admin) {
      throw forbidden('Only an organizer or an administrator can host a session');
    }
    const session = await this.repo.session(dto.sessionId);
    if (!session) throw notFound('Session', dto.sessionId);
    if (principal.role !== Role.Admin && session.hostUserId !== principal.userId) {
      throw forbidden('Only the host of this session may control it');
    }
    const ctx: SocketContext = { role: 'host', sessionId: session.id, userId: principal.userId! };
    const welcome = await this.staffWelcome('host', session.id, session.pin);
    const s = await this.liveState(session.id);
    if (s.phase === 'question') this.startTicker(session.id);
    return { ctx, welcome };
  }

  async connectProjector(dto: ProjectorHandshakeDto): Promise<{ ctx: SocketContext; welcome: WelcomeStaff }> {
    const session = await this.repo.session(dto.sessionId);
    const given = Buffer.from(sha256(dto.viewToken));
    if (!session || !timingSafeEqual(given, Buffer.from(session.viewTokenHash))) {
      throw new DomainError('BAD_VIEW_TOKEN', 'This projector link is not valid for the session', 'unauthenticated');
    }
    return {
      ctx: { role: 'projector', sessionId: session.id },
      welcome: await this.staffWelcome('projector', session.id, session.pin),
    };
  }

  private async staffWelcome(role: 'host' | 'projector', sessionId: number, pin: string): Promise<WelcomeStaff> {
    const s = await this.liveState(sessionId);
    const plan = await this.plan(sessionId);
    return {
      role,
      sessionId,
      contestTitle: plan.contest.title,
      pin,
      phase: s.phase,
      players: await this.store.playerCount(sessionId),
      question: this.openQuestion(plan, s),
      serverTime: Date.now(),
      ...(role === 'host'
        ? {
            lobby: (await this.store.players(sessionId))
              .filter((p) => !p.kicked)
              .map((p) => ({ playerId: p.id, name: p.name, agencyId: p.agencyId })),
          }
        : {}),
    };
  }

  /**
   * What a phone needs before joining (public): the contest's title and the agencies to choose from.
   * An unknown PIN counts as a failed join of the address, so PINs cannot be guessed over HTTP either.
   */
  async joinInfo(pin: string, address: string): Promise<JoinInfo> {
    const session = await this.sessionByPin(pin);
    if (!session || !(await this.store.state(session.id))) {
      await this.limit.failed.consume(address);
      throw new DomainError('PIN_NOT_FOUND', 'No running contest has this PIN; check it with the host', 'not_found');
    }
    const plan = await this.plan(session.id);
    const agencies = [...(await this.activeAgencies())]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return { contestTitle: plan.contest.title, agencies };
  }

  private async activeAgencies(): Promise<Map<number, string>> {
    if (!this.agencies || Date.now() - this.agencies.at > 60_000) {
      const rows = await this.db
        .getRepository(Agency)
        .find({ select: { id: true, name: true }, where: { active: true } });
      this.agencies = { at: Date.now(), active: new Map(rows.map((a) => [a.id, a.name])) };
    }
    return this.agencies.active;
  }

  /** PIN → live session, remembered for a few seconds (joins come in bursts); ended sessions fail later on the store. */
  private async sessionByPin(pin: string): Promise<LiveSession | null> {
    const hit = this.pins.get(pin);
    if (hit && hit.until > Date.now() && hit.session.pinExpiresAt.getTime() > Date.now()) return hit.session;
    const session = await this.repo.sessionByPin(pin, new Date());
    if (session) this.pins.set(pin, { session, until: Date.now() + 5000 });
    else this.pins.delete(pin);
    return session;
  }

  /** A new player joins with PIN, name and agency, and gets a player token. */
  async joinPlayer(
    dto: PlayerJoinHandshakeDto,
    address: string,
  ): Promise<{ ctx: SocketContext; welcome: WelcomePlayer }> {
    await this.limit.pin.consume(dto.pin);
    await this.limit.failed.refuseIfSpent(address); // locked out: even a right guess is refused
    const failed = async (e: DomainError): Promise<never> => {
      await this.limit.failed.consume(address);
      throw e;
    };
    let session = await this.sessionByPin(dto.pin);
    if (session && !(await this.store.state(session.id))) {
      this.pins.delete(dto.pin); // ended meanwhile: the PIN may belong to a newer session
      session = await this.sessionByPin(dto.pin);
    }
    if (!session) {
      return failed(
        new DomainError('PIN_NOT_FOUND', 'No running contest has this PIN; check it with the host', 'not_found'),
      );
    }
    const name = dto.name.trim().replace(/\s+/g, ' ');
    if (!name) return failed(new DomainError('NAME_REQUIRED', 'Enter your name to join'));
    if (!(await this.activeAgencies()).has(dto.agencyId)) {
      return failed(new DomainError('UNKNOWN_AGENCY', 'Choose your agency from the list'));
    }
    const s = await this.liveState(session.id);
    if (s.locked) {
      const roster = await this.contests.roster(session.contestId);
      const key = (n: string, a: number): string => `${n.normalize('NFC').toLowerCase()}|${a}`;
      if (!roster.some((r) => key(r.name, r.agencyId) === key(name, dto.agencyId))) {
        return failed(
          new DomainError(
            'LOBBY_LOCKED',
            'The host has locked the lobby; only registered players may join',
            'forbidden',
          ),
        );
      }
    }
    const playerToken = randomBytes(24).toString('base64url');
    const playerId = await this.repo.createPlayer({
      sessionId: session.id,
      name,
      agencyId: dto.agencyId,
      tokenHash: sha256(playerToken),
    });
    const live: LivePlayer = {
      id: playerId,
      name,
      agencyId: dto.agencyId,
      score: 0,
      streak: 0,
      eliminatedAt: null,
      correctCount: 0,
      answerCount: 0,
      correctTimeMs: 0,
      suddenDeath: 0,
      kicked: false,
    };
    await this.store.putPlayers(session.id, [live]);
    this.io.to(staffRoom(session.id)).emit('lobby:players', {
      count: await this.store.playerCount(session.id),
      latest: [{ playerId, name, agencyId: dto.agencyId }],
    });
    return {
      ctx: { role: 'player', sessionId: session.id, playerId },
      welcome: await this.playerWelcome(session.id, live, playerToken),
    };
  }

  /** A player comes back with the token: same score, streak and current question. */
  async rejoinPlayer(dto: PlayerRejoinHandshakeDto): Promise<{ ctx: SocketContext; welcome: WelcomePlayer }> {
    const player = await this.repo.playerByTokenHash(sha256(dto.playerToken));
    if (!player)
      throw new DomainError('BAD_PLAYER_TOKEN', 'This player token is not known; join with the PIN', 'unauthenticated');
    if (player.kicked) throw new DomainError('KICKED', 'The host removed you from this contest', 'forbidden');
    await this.liveState(player.sessionId);
    let live = await this.store.player(player.sessionId, player.id);
    if (!live) {
      live = {
        id: player.id,
        name: player.name,
        agencyId: player.agencyId,
        score: 0,
        streak: 0,
        eliminatedAt: null,
        correctCount: 0,
        answerCount: 0,
        correctTimeMs: 0,
        suddenDeath: 0,
        kicked: false,
      };
      await this.store.putPlayers(player.sessionId, [live]);
    }
    if (live.kicked) throw new DomainError('KICKED', 'The host removed you from this contest', 'forbidden');
    return {
      ctx: { role: 'player', sessionId: player.sessionId, playerId: player.id },
      welcome: await this.playerWelcome(player.sessionId, live, dto.playerToken),
    };
  }

  private async playerWelcome(sessionId: number, p: LivePlayer, playerToken: string): Promise<WelcomePlayer> {
    const s = await this.liveState(sessionId);
    const plan = await this.plan(sessionId);
    const question = this.openQuestion(plan, s);
    const mine = question ? await this.store.answer(sessionId, s.index, p.id) : null;
    return {
      role: 'player',
      playerToken,
      sessionId,
      contestTitle: plan.contest.title,
      phase: s.phase,
      self: {
        playerId: p.id,
        name: p.name,
        agencyId: p.agencyId,
        score: p.score,
        streak: p.streak,
        eliminated: p.eliminatedAt !== null,
      },
      question,
      answered: mine ? { choice: mine.choice } : null,
      serverTime: Date.now(),
    };
  }

  /** The question being played (question or paused phase), as players may see it. */
  private openQuestion(plan: Plan, s: LiveState): QuestionView | null {
    if ((s.phase !== 'question' && s.phase !== 'paused') || s.index < 0) return null;
    return this.questionView(plan, s);
  }

  private questionView(plan: Plan, s: LiveState): QuestionView {
    const { question: q, round } = plan.items[s.index];
    return {
      index: s.index,
      total: plan.items.length,
      questionId: q.id,
      roundId: round.id,
      roundType: round.type,
      roundTitle: round.title,
      text: q.text,
      options: q.options.map((o) => ({ key: o.key, text: o.text })),
      points: q.points,
      timeLimitMs: q.timeLimitSec * 1000,
      deadline: s.phase === 'paused' ? Date.now() + (s.remainingMs ?? 0) : s.deadline,
      serverTime: Date.now(),
    };
  }

  // ── players ─────────────────────────────────────────────────────────────────

  async answer(ctx: SocketContext, socketId: string, dto: AnswerDto): Promise<{ receivedAt: number }> {
    const playerId = this.requirePlayer(ctx);
    await this.limit.answer.consume(socketId);
    try {
      return await this.takeAnswer(ctx.sessionId, playerId, dto);
    } catch (e) {
      if (e instanceof DomainError && RETRY_REFUSALS.has(e.code)) {
        const taken = await this.retakeAnswer(ctx.sessionId, playerId, dto);
        if (taken) return taken;
      }
      throw e;
    }
  }

  /**
   * The same answer sent again after its acknowledgement was lost (a dropped connection, a timeout
   * while Redis or the database was away): the answer recorded first is made sure of in the
   * database and acknowledged again, with its original receive time, instead of being refused.
   */
  private async retakeAnswer(
    sessionId: number,
    playerId: number,
    dto: AnswerDto,
  ): Promise<{ receivedAt: number } | null> {
    const plan = await this.plan(sessionId);
    const item = plan.items[dto.index];
    if (!item) return null;
    const first = await this.store.answer(sessionId, dto.index, playerId);
    if (!first || first.choice !== dto.choice) return null;
    await this.writer.write({
      sessionId,
      playerId,
      questionId: item.question.id,
      choice: first.choice,
      receivedAt: new Date(first.at),
      responseMs: first.responseMs,
    });
    return { receivedAt: first.at };
  }

  private async takeAnswer(sessionId: number, playerId: number, dto: AnswerDto): Promise<{ receivedAt: number }> {
    const receivedAt = Date.now();
    const s = await this.liveState(sessionId);
    const plan = await this.plan(sessionId);
    this.requireOpenIndex(s, dto.index);
    const { question: q, round } = plan.items[s.index];
    let deadline = s.deadline;
    if (round.type === 'buzzer') {
      if (!s.buzz || s.buzz.playerId !== playerId) {
        throw new DomainError('NOT_YOUR_TURN', 'Only the first to press the buzzer may answer', 'forbidden');
      }
      deadline = s.buzz.deadline;
    }
    if (receivedAt > deadline) {
      throw new DomainError(
        'TOO_LATE',
        `The answer window closed ${receivedAt - deadline} ms before your answer arrived`,
        'gone',
        { deadline, receivedAt },
      );
    }
    if (!q.options.some((o) => o.key === dto.choice)) {
      throw new DomainError('UNKNOWN_OPTION', `Choose one of: ${q.options.map((o) => o.key).join(', ')}`);
    }
    const p = await this.store.player(sessionId, playerId);
    if (!p || p.kicked) throw new DomainError('KICKED', 'The host removed you from this contest', 'forbidden');
    if (round.type === 'elimination' && p.eliminatedAt !== null) {
      throw new DomainError('ELIMINATED', 'You were eliminated; watch the rest of the round', 'forbidden');
    }
    const answer = { choice: dto.choice, at: receivedAt, responseMs: Math.max(0, receivedAt - s.startedAt) };
    if (!(await this.store.addAnswer(sessionId, s.index, playerId, answer))) {
      throw new DomainError('ALREADY_ANSWERED', 'You already answered this question', 'conflict');
    }
    await this.writer.write({
      sessionId: sessionId,
      playerId,
      questionId: q.id,
      choice: dto.choice,
      receivedAt: new Date(receivedAt),
      responseMs: answer.responseMs,
    });
    return { receivedAt };
  }

  async buzz(ctx: SocketContext, socketId: string, dto: BuzzDto): Promise<{ won: boolean }> {
    const playerId = this.requirePlayer(ctx);
    await this.limit.answer.consume(socketId);
    const now = Date.now();
    const s = await this.liveState(ctx.sessionId);
    const plan = await this.plan(ctx.sessionId);
    this.requireOpenIndex(s, dto.index);
    const { round } = plan.items[s.index];
    if (round.type !== 'buzzer') throw new DomainError('NOT_A_BUZZER_ROUND', 'This question has no buzzer');
    if (now > s.deadline) throw new DomainError('TOO_LATE', 'The buzzer window has closed', 'gone');
    if (s.buzz) return { won: s.buzz.playerId === playerId };
    const winner = await this.store.claimBuzz(ctx.sessionId, s.index, playerId);
    if (winner !== playerId) return { won: false };
    const answerMs = (round.settings.answerSeconds ?? 3) * 1000;
    const next = await this.transition(ctx.sessionId, (cur) =>
      cur.index === s.index ? { ...cur, buzz: { playerId, deadline: now + answerMs } } : cur,
    );
    const p = await this.store.player(ctx.sessionId, playerId);
    this.io.to(sessionRoom(ctx.sessionId)).emit('buzzer:won', {
      index: s.index,
      playerId,
      name: p?.name ?? '',
      deadline: next.buzz!.deadline,
      serverTime: Date.now(),
    });
    this.scheduleClose(ctx.sessionId, s.index, next.buzz!.deadline);
    return { won: true };
  }

  private requirePlayer(ctx: SocketContext): number {
    if (ctx.role !== 'player') throw forbidden('Only players answer');
    return ctx.playerId;
  }

  private requireOpenIndex(s: LiveState, index: number): void {
    if (s.phase === 'paused') throw new DomainError('PAUSED', 'The host paused the contest; wait', 'conflict');
    if (index !== s.index || s.phase !== 'question') {
      throw new DomainError('QUESTION_CLOSED', 'This question is not open for answers', 'gone');
    }
  }

  // ── host controls ───────────────────────────────────────────────────────────

  private requireHost(ctx: SocketContext): number {
    if (ctx.role !== 'host') throw forbidden('Only the host of this session may do this');
    return ctx.sessionId;
  }

  async control(
    ctx: SocketContext,
    action: 'start' | 'next' | 'reveal' | 'leaderboard' | 'pause' | 'resume' | 'end',
  ): Promise<{ phase: SessionPhase; index: number }> {
    const sid = this.requireHost(ctx);
    const plan = await this.plan(sid);
    let s: LiveState;
    switch (action) {
      case 'start':
      case 'next':
        s = await this.next(sid, plan, action);
        break;
      case 'reveal':
        s = await this.reveal(sid, plan);
        break;
      case 'leaderboard':
        s = await this.transition(sid, (cur) => {
          if (cur.phase === 'question' || cur.phase === 'paused' || cur.phase === 'lobby') {
            throw new DomainError('WRONG_PHASE', 'Show the leaderboard after a reveal', 'conflict');
          }
          return { ...cur, phase: 'leaderboard' };
        });
        {
          const players = await this.store.players(sid);
          this.io.to(sessionRoom(sid)).emit('leaderboard', {
            rows: this.leaderboard(plan, players),
            agencies: this.agencyLeaderboard(plan, players),
          });
        }
        break;
      case 'pause':
        s = await this.transition(sid, (cur) => {
          if (cur.phase !== 'question')
            throw new DomainError('WRONG_PHASE', 'Only an open question can be paused', 'conflict');
          const until = cur.buzz ? cur.buzz.deadline : cur.deadline;
          return { ...cur, phase: 'paused', remainingMs: Math.max(0, until - Date.now()) };
        });
        this.clearTimers(this.local(sid));
        this.io.to(sessionRoom(sid)).emit('question:timing', {
          index: s.index,
          deadline: null,
          serverTime: Date.now(),
          paused: true,
        });
        break;
      case 'resume':
        s = await this.transition(sid, (cur) => {
          if (cur.phase !== 'paused') throw new DomainError('WRONG_PHASE', 'The contest is not paused', 'conflict');
          const now = Date.now();
          const remaining = cur.remainingMs ?? 0;
          if (cur.buzz) {
            return { ...cur, phase: 'question', remainingMs: null, buzz: { ...cur.buzz, deadline: now + remaining } };
          }
          const limit = plan.items[cur.index].question.timeLimitSec * 1000;
          return {
            ...cur,
            phase: 'question',
            remainingMs: null,
            startedAt: now - (limit - remaining),
            deadline: now + remaining,
          };
        });
        {
          const until = s.buzz ? s.buzz.deadline : s.deadline;
          this.io
            .to(sessionRoom(sid))
            .emit('question:timing', { index: s.index, deadline: until, serverTime: Date.now(), paused: false });
          this.scheduleClose(sid, s.index, until);
          this.startTicker(sid);
        }
        break;
      case 'end':
        s = await this.end(sid, plan);
        break;
    }
    return { phase: s.phase, index: s.index };
  }

  private async next(sid: number, plan: Plan, action: 'start' | 'next'): Promise<LiveState> {
    const now = Date.now();
    const s = await this.transition(sid, (cur) => {
      if (action === 'start' && cur.phase !== 'lobby') {
        throw new DomainError('ALREADY_STARTED', 'The contest has already started', 'conflict');
      }
      if (cur.phase === 'question' || cur.phase === 'paused') {
        throw new DomainError('QUESTION_OPEN', 'Reveal the current question first', 'conflict');
      }
      if (cur.phase === 'finished')
        throw new DomainError('NO_MORE_QUESTIONS', 'All questions were played; end the session', 'conflict');
      const index = cur.index + 1;
      if (index >= plan.items.length) return { ...cur, phase: 'finished', buzz: null };
      const limit = plan.items[index].question.timeLimitSec * 1000;
      return { ...cur, phase: 'question', index, startedAt: now, deadline: now + limit, remainingMs: null, buzz: null };
    });
    if (s.phase === 'finished') {
      this.io.to(sessionRoom(sid)).emit('session:phase', { phase: 'finished', serverTime: Date.now() });
      return s;
    }
    this.io.to(sessionRoom(sid)).emit('question', this.questionView(plan, s));
    this.scheduleClose(sid, s.index, s.deadline);
    this.local(sid).lastCount = undefined;
    this.startTicker(sid);
    return s;
  }

  /** Closes the window, scores the question, tells everyone the key and each player their own result. */
  private async reveal(sid: number, plan: Plan): Promise<LiveState> {
    const now = Date.now();
    const s = await this.transition(sid, (cur) => {
      if (cur.phase !== 'question' && cur.phase !== 'paused') {
        throw new DomainError('NOTHING_TO_REVEAL', 'No question is open', 'conflict');
      }
      return { ...cur, phase: 'reveal', deadline: Math.min(cur.deadline, now), remainingMs: null };
    });
    this.clearTimers(this.local(sid));
    const { question: q, round } = plan.items[s.index];
    const answers = await this.store.answers(sid, s.index);
    const players = (await this.store.players(sid)).filter((p) => !p.kicked);
    const points = new Map<number, { correct: boolean; points: number }>();
    const sudden = round.settings.suddenDeath === true;
    const add = (p: LivePlayer, pts: number): void => {
      if (sudden) p.suddenDeath += pts;
      else p.score += pts;
    };

    if (round.type === 'speed') {
      const settings = {
        scoring: round.settings.scoring ?? 'speed',
        streakBonus: round.settings.streakBonus ?? 0,
        streakCap: round.settings.streakCap ?? 5,
      };
      for (const p of players) {
        const a = answers.get(p.id) ?? null;
        const r = scoreSpeedAnswer(
          settings,
          { points: q.points, timeLimitMs: q.timeLimitSec * 1000, correctKey: q.correctKey },
          a,
          p.streak,
        );
        p.streak = r.streak;
        add(p, r.points);
        points.set(p.id, r);
      }
    } else if (round.type === 'buzzer') {
      const settings = { answerSeconds: 3, plus: 10, minus: 5, ...round.settings };
      const winner = s.buzz ? players.find((p) => p.id === s.buzz!.playerId) : undefined;
      if (winner) {
        const r = scoreBuzzerAnswer(settings, q.correctKey, answers.get(winner.id)?.choice ?? null, winner.score);
        add(winner, r.points);
        winner.streak = r.correct ? winner.streak + 1 : 0;
        points.set(winner.id, r);
      }
    } else if (round.type === 'elimination') {
      const standing = players.filter((p) => p.eliminatedAt === null);
      const out = new Set(
        eliminatedBy(
          standing.map((p) => p.id),
          q.correctKey,
          new Map([...answers].map(([k, v]) => [k, v.choice])),
        ),
      );
      for (const p of standing) {
        const correct = !out.has(p.id);
        if (correct) add(p, q.points);
        else p.eliminatedAt = s.index;
        p.streak = correct ? p.streak + 1 : 0;
        points.set(p.id, { correct, points: correct ? q.points : 0 });
      }
    }
    for (const p of players) {
      const a = answers.get(p.id);
      if (!a) continue;
      p.answerCount += 1;
      if (a.choice === q.correctKey) {
        p.correctCount += 1;
        p.correctTimeMs += a.responseMs;
      }
    }
    await this.store.putPlayers(sid, players);
    await this.copyAnswersToDatabase(sid, q.id, answers);

    const counts: Record<string, number> = Object.fromEntries(q.options.map((o) => [o.key, 0]));
    for (const a of answers.values()) counts[a.choice] = (counts[a.choice] ?? 0) + 1;
    const standing = round.type === 'elimination' ? players.filter((p) => p.eliminatedAt === null).length : undefined;
    this.io.to(staffRoom(sid)).emit('question:reveal', {
      index: s.index,
      questionId: q.id,
      correctKey: q.correctKey,
      counts,
      answered: answers.size,
      ...(standing !== undefined ? { standing } : {}),
    });
    const ranks = new Map(this.ranked(plan, players).map((r) => [r.id, r.rank]));
    for (const p of players) {
      const r = points.get(p.id) ?? { correct: false, points: 0 };
      const result: PlayerResult = {
        index: s.index,
        questionId: q.id,
        correctKey: q.correctKey,
        choice: answers.get(p.id)?.choice ?? null,
        correct: r.correct,
        points: r.points,
        score: p.score,
        streak: p.streak,
        eliminated: p.eliminatedAt !== null,
        rank: ranks.get(p.id) ?? 0,
        counts,
        answered: answers.size,
        ...(standing !== undefined ? { standing } : {}),
      };
      this.io.to(playerRoom(sid, p.id)).emit('question:result', result);
    }
    return s;
  }

  /**
   * Every answer that counts is in the database, including one recorded in the store whose own
   * database write was cut (an instance killed between the two): copied again at the reveal, the
   * copies of answers already there ignored. Best effort: a database away at this moment must not
   * stop the contest, so a failure is logged and the scores (kept in the store) stand.
   */
  private async copyAnswersToDatabase(
    sid: number,
    questionId: number,
    answers: Map<number, LiveAnswer>,
  ): Promise<void> {
    const rows = [...answers].map(([playerId, a]) => ({
      sessionId: sid,
      playerId,
      questionId,
      choice: a.choice,
      receivedAt: new Date(a.at),
      responseMs: a.responseMs,
    }));
    try {
      for (let i = 0; i < rows.length; i += 500) await this.repo.insertAnswers(rows.slice(i, i + 500));
    } catch (e) {
      this.logger.warn(`session ${sid}: answers of question ${questionId} not copied to the database: ${String(e)}`);
    }
  }

  ranked(plan: Plan, players: LivePlayer[]): (LivePlayer & { rank: number })[] {
    return rankStandings(
      players.filter((p) => !p.kicked),
      plan.contest.tieBreak,
    );
  }

  private leaderboard(plan: Plan, players: LivePlayer[]): LeaderboardRow[] {
    return this.ranked(plan, players)
      .slice(0, 10)
      .map((p) => ({ rank: p.rank, name: p.name, agencyId: p.agencyId, score: p.score, playerId: p.id }));
  }

  /** Agencies by the contest's team scoring of their players' live scores (judged rounds count in the results). */
  private agencyLeaderboard(plan: Plan, players: LivePlayer[]): AgencyLeaderboardRow[] {
    const byAgency = new Map<number, LivePlayer[]>();
    for (const p of players.filter((x) => !x.kicked))
      byAgency.set(p.agencyId, [...(byAgency.get(p.agencyId) ?? []), p]);
    const rows = [...byAgency].map(([agencyId, members]) => ({
      id: agencyId,
      score: teamScore(
        members.map((m) => m.score),
        plan.contest.teamScoring,
      ),
      correctTimeMs: members.reduce((sum, m) => sum + m.correctTimeMs, 0),
      suddenDeath: members.reduce((sum, m) => sum + m.suddenDeath, 0),
      correctCount: members.reduce((sum, m) => sum + m.correctCount, 0),
      players: members.length,
    }));
    return rankStandings(rows, plan.contest.tieBreak)
      .slice(0, 20)
      .map((r) => ({ rank: r.rank, agencyId: r.id, score: r.score, players: r.players }));
  }

  /**
   * Ends the session: results stored, everyone told, live state forgotten. The results are stored
   * before the session is marked ended, so a database that is away makes the host try again
   * instead of ending the session without results (storing them twice replaces the first copy).
   */
  private async end(sid: number, plan: Plan): Promise<LiveState> {
    await this.liveState(sid);
    await this.results.finalize(plan, await this.store.players(sid));
    const s = await this.transition(sid, (cur) => ({ ...cur, phase: 'ended' }));
    this.clearTimers(this.local(sid));
    this.timers.delete(sid);
    this.io.to(sessionRoom(sid)).emit('session:ended', { sessionId: sid });
    await this.store.drop(sid, plan.items.length);
    this.plans.delete(sid);
    return s;
  }

  async lock(ctx: SocketContext, dto: LockDto): Promise<{ locked: boolean }> {
    const sid = this.requireHost(ctx);
    const s = await this.transition(sid, (cur) => ({ ...cur, locked: dto.locked }));
    return { locked: s.locked };
  }

  async kick(ctx: SocketContext, dto: KickDto): Promise<Record<string, never>> {
    const sid = this.requireHost(ctx);
    const p = await this.store.player(sid, dto.playerId);
    if (!p || !(await this.repo.kick(sid, dto.playerId))) throw notFound('Player', dto.playerId);
    await this.store.putPlayers(sid, [{ ...p, kicked: true }]);
    this.io.to(playerRoom(sid, dto.playerId)).emit('kicked', { reason: 'The host removed you from this contest' });
    this.io.in(playerRoom(sid, dto.playerId)).disconnectSockets(true);
    return {};
  }

  // ── timers on this instance ─────────────────────────────────────────────────

  private local(sid: number): LocalTimers {
    let t = this.timers.get(sid);
    if (!t) this.timers.set(sid, (t = {}));
    return t;
  }

  private clearTimers(t: LocalTimers): void {
    if (t.closeTimer) clearTimeout(t.closeTimer);
    if (t.ticker) clearInterval(t.ticker);
    t.closeTimer = undefined;
    t.ticker = undefined;
  }

  /** Tells the host and projector when the window closes (players count down from the deadline themselves). */
  private scheduleClose(sid: number, index: number, deadline: number): void {
    const t = this.local(sid);
    if (t.closeTimer) clearTimeout(t.closeTimer);
    t.closeTimer = setTimeout(
      () => {
        t.closeTimer = undefined;
        void this.store
          .state(sid)
          .then((s) => {
            const until = s?.buzz ? s.buzz.deadline : s?.deadline;
            if (s && s.phase === 'question' && s.index === index && until !== undefined && Date.now() >= until) {
              this.io.to(staffRoom(sid)).emit('question:closed', { index });
            }
          })
          .catch((e: unknown) => this.logger.warn(`close timer: ${String(e)}`));
      },
      Math.max(0, deadline - Date.now()) + 5,
    );
    t.closeTimer.unref();
  }

  /** While a question is open, the host gets the answer count at most every hostCountEveryMs. */
  private startTicker(sid: number): void {
    const t = this.local(sid);
    if (t.ticker) return;
    t.ticker = setInterval(() => {
      void (async () => {
        const s = await this.store.state(sid);
        if (!s || s.phase !== 'question') {
          if (t.ticker) clearInterval(t.ticker);
          t.ticker = undefined;
          return;
        }
        const answered = await this.store.answerCount(sid, s.index);
        const players = await this.store.playerCount(sid);
        const key = `${s.index}:${answered}:${players}`;
        if (key === t.lastCount) return;
        t.lastCount = key;
        this.io.to(hostRoom(sid)).emit('host:answers', { index: s.index, answered, players });
      })().catch((e: unknown) => this.logger.warn(`host ticker: ${String(e)}`));
    }, this.limits.hostCountEveryMs);
    t.ticker.unref();
  }
}
