import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/platform';
import { LiveContestResultsReader } from '@app/live-contest';
import { schema } from '../../apps/api/src/schema.js';
import { AnswerWriter } from '../../libs/live-contest/src/live/answer-writer.js';
import { ContestAnswer } from '../../libs/live-contest/src/live/contest-answer.entity.js';
import { LiveSession } from '../../libs/live-contest/src/live/live-session.entity.js';
import { LiveRepository } from '../../libs/live-contest/src/live/live.repository.js';
import { ContestResult } from '../../libs/live-contest/src/results/contest-result.entity.js';
import { dropTestDatabase, freshTestConfig, TEST_DB } from '../support/test-database.js';

describe(`live-contest persistence on ${TEST_DB}`, () => {
  let db: DataSource;
  let repo: LiveRepository;
  const configP = freshTestConfig();

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(await configP, schema));
    await db.initialize();
    await db.runMigrations();
    repo = new LiveRepository(db);
  });
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(await configP);
  });

  const session = (pin: string, state: 'live' | 'ended', expiresInMs: number, endedAt: Date | null = null) =>
    db.getRepository(LiveSession).save({
      contestId: 1,
      pin,
      state,
      hostUserId: 1,
      viewTokenHash: 'x'.repeat(64),
      pinExpiresAt: new Date(Date.now() + expiresInMs),
      endedAt,
    });

  it('finds a PIN only while its session is live and unexpired', async () => {
    await session('111111', 'live', 60_000);
    await session('222222', 'live', -1000);
    await session('333333', 'ended', 60_000);
    expect([...(await repo.pinsInUse(new Date()))]).toEqual(['111111']);
    expect(await repo.sessionByPin('111111', new Date())).not.toBeNull();
    expect(await repo.sessionByPin('222222', new Date())).toBeNull();
    expect(await repo.sessionByPin('333333', new Date())).toBeNull();
  });

  it('writes a burst of acknowledged answers in few statements and ignores a second copy', async () => {
    let statements = 0;
    const writer = new AnswerWriter(async (rows) => {
      statements++;
      await repo.insertAnswers(rows);
    });
    const row = (playerId: number, choice = 'a') => ({
      sessionId: 9,
      playerId,
      questionId: 3,
      choice,
      receivedAt: new Date('2026-11-27T08:00:00.123Z'),
      responseMs: 1234,
    });
    await Promise.all(Array.from({ length: 300 }, (_, i) => writer.write(row(i + 1))));
    expect(statements).toBeLessThanOrEqual(3);
    await writer.write(row(1, 'b'));
    const stored = await db.getRepository(ContestAnswer).findBy({ sessionId: 9 });
    expect(stored).toHaveLength(300);
    const first = stored.find((a) => a.playerId === 1)!;
    expect(first.choice).toBe('a');
    expect(first.receivedAt.toISOString()).toBe('2026-11-27T08:00:00.123Z');
  });

  it('publishes participation and scores by agency from ended sessions only', async () => {
    const ended = await session('444444', 'ended', 0, new Date('2026-06-01T10:00:00Z'));
    const live = await session('555555', 'live', 60_000);
    const old = await session('666666', 'ended', 0, new Date('2025-06-01T10:00:00Z'));
    const result = (sessionId: number, agencyId: number, score: number) => ({
      sessionId,
      kind: 'player' as const,
      subjectId: Math.floor(Math.random() * 1e6),
      agencyId,
      label: 'x',
      score,
      rank: 1,
      correctCount: 0,
      answerCount: 0,
      correctTimeMs: 0,
      participants: 1,
    });
    await db
      .getRepository(ContestResult)
      .insert([
        result(ended.id, 10, 100),
        result(ended.id, 10, 50),
        result(ended.id, 20, 80),
        result(live.id, 10, 1000),
        result(old.id, 20, 10),
      ]);
    const reader = new LiveContestResultsReader(db);
    expect(await reader.participationByAgency({ from: new Date('2026-01-01Z'), to: new Date('2027-01-01Z') })).toEqual([
      { agencyId: 10, sessions: 1, players: 2, meanScore: 75, bestScore: 100 },
      { agencyId: 20, sessions: 1, players: 1, meanScore: 80, bestScore: 80 },
    ]);
    expect((await reader.participationByAgency()).find((r) => r.agencyId === 20)).toMatchObject({
      sessions: 2,
      players: 2,
    });
  });
});
