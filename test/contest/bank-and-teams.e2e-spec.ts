import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { QuestionVersion } from '@app/exam-bank';
import { Role } from '@app/platform';
import { makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { join, makeCast, makeContest, startSession, type Cast } from './contest-support.js';

jest.setTimeout(30_000);

describe('building contests: bank questions, ownership, team scores', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await makeCast(t, 2);
  });
  afterAll(async () => {
    await t.close();
  });

  const version = (stem: string, fractions: number[]) =>
    t.app
      .get(DataSource)
      .getRepository(QuestionVersion)
      .save({
        questionId: 1,
        version: Math.floor(Math.random() * 1e6),
        type: fractions.filter((f) => f > 0).length > 1 ? 'multiple' : 'single',
        stem,
        options: fractions.map((fraction, i) => ({ key: 'abcd'[i], text: `Lựa chọn ${i + 1}`, fraction })),
        scoringMode: 'all_or_nothing',
        points: 1,
        fixedOrder: false,
        explanation: null,
        used: false,
      });

  it('copies a bank version with its right option, and refuses one without exactly one', async () => {
    const { contestId, roundIds } = await makeContest(t, cast.organizer.token, {
      rounds: [{ title: 'Vòng ngân hàng', type: 'speed' }],
    });
    const single = await version('Cơ quan nào chủ trì công tác cải cách hành chính của tỉnh?', [0, 1, 0, 0]);
    const multiple = await version('Chọn hai đáp án đúng', [0.5, 0.5, 0, 0]);
    const path = `/api/contests/${contestId}/rounds/${roundIds[0]}/bank-questions`;
    const ok = await t.api<{ correctKey: string; bankVersionId: number; text: string }[]>(
      'POST',
      path,
      { versionIds: [single.id], points: 500, timeLimitSec: 15 },
      cast.organizer.token,
    );
    expect(ok.status).toBe(201);
    expect(ok.body[0]).toMatchObject({ correctKey: 'b', bankVersionId: single.id, text: single.stem });
    const refused = await t.api<{ code: string }>('POST', path, { versionIds: [multiple.id] }, cast.organizer.token);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('NOT_SINGLE_ANSWER');
    expect((await t.api('POST', path, { versionIds: [987654] }, cast.organizer.token)).status).toBe(404);
  });

  it('checks questions and keeps other organizers and other roles out', async () => {
    const { contestId, roundIds } = await makeContest(t, cast.organizer.token, {
      rounds: [{ title: 'Vòng 1', type: 'speed' }],
    });
    const bad = await t.api<{ code: string }>(
      'POST',
      `/api/contests/${contestId}/rounds/${roundIds[0]}/questions`,
      {
        text: 'Câu hỏi',
        options: [
          { key: 'a', text: 'A' },
          { key: 'b', text: 'B' },
        ],
        correctKey: 'z',
      },
      cast.organizer.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CORRECT_KEY_NOT_AN_OPTION');
    const other = await makeUser(t, Role.Organizer, cast.agencies[1]);
    expect((await t.api('GET', `/api/contests/${contestId}`, undefined, other.token)).status).toBe(403);
    expect((await t.api('POST', `/api/contests/${contestId}/sessions`, {}, other.token)).status).toBe(403);
    const official = await makeUser(t, Role.Official, cast.agencies[1]);
    const denied = await t.api<{ code: string }>('GET', '/api/contests', undefined, official.token);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN_ROLE');
    expect((await t.api('GET', '/api/contests')).status).toBe(401);
  });

  it('team mode: an agency scores the mean of its members', async () => {
    const { contestId } = await makeContest(t, cast.organizer.token, {
      mode: 'team',
      teamScoring: 'mean',
      rounds: [
        {
          title: 'Vòng đồng đội',
          type: 'speed',
          settings: { scoring: 'fixed' },
          questions: [{ text: 'Câu 1', correct: 'a', points: 90 }],
        },
      ],
    });
    const s = await startSession(t, cast.organizer.token, contestId);
    const host = await join(t.url, { role: 'host', sessionId: s.sessionId, token: cast.organizer.token });
    const plan: [string, number, string][] = [
      ['Thành viên A1', 0, 'a'],
      ['Thành viên A2', 0, 'a'],
      ['Thành viên A3', 0, 'b'],
      ['Thành viên B1', 1, 'a'],
    ];
    const players = [];
    for (const [name, agency] of plan) {
      players.push(await join(t.url, { role: 'player', pin: s.pin, name, agencyId: cast.agencies[agency] }));
    }
    await host.send('host:start');
    for (let i = 0; i < plan.length; i++) {
      await players[i].next('question');
      expect(await players[i].send('answer', { index: 0, choice: plan[i][2] })).toMatchObject({ ok: true });
    }
    await host.send('host:reveal');
    await host.send('host:next');
    expect(await host.send('host:end')).toMatchObject({ ok: true, phase: 'ended' });
    const res = await t.api<{ agencies: { agencyId: number; score: number; rank: number; participants: number }[] }>(
      'GET',
      `/api/contest-sessions/${s.sessionId}/results`,
      undefined,
      cast.organizer.token,
    );
    const [a, b] = cast.agencies;
    expect(res.body.agencies.find((x) => x.agencyId === a)).toMatchObject({ score: 60, participants: 3, rank: 2 });
    expect(res.body.agencies.find((x) => x.agencyId === b)).toMatchObject({ score: 90, participants: 1, rank: 1 });
    for (const c of [host, ...players]) c.close();
  });
});
