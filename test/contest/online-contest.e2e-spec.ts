import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { OnlineContestResultsReader } from '@app/live-contest';
import { Role, TokenService } from '@app/platform';
import type {
  MyOnlineContest,
  MyOnlineResults,
  OnlineRankings,
  OnlineResultView,
} from '../../libs/live-contest/src/online/online-views.js';
import { OnlineAttempt } from '../../libs/live-contest/src/online/online-attempt.entity.js';
import { OnlineContest } from '../../libs/live-contest/src/online/online-contest.entity.js';
import { eventually, secondsFromNow } from '../exam/exam-builders.js';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { keysOf, makeAreas, makeOnlineContest, playAttempt, type OnlineAttemptView } from './online-support.js';

describe(`online contests on ${TEST_DB}`, () => {
  let t: TestApp;
  let organizer: TestUser;
  let topicIds: number[];

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await makeUser(t, Role.Organizer, null);
    ({ topicIds } = await makeAreas(t, 4));
  });
  afterAll(async () => {
    await t.close();
  });

  const official = async (agencyId?: number): Promise<TestUser> =>
    makeUser(t, Role.Official, agencyId ?? (await makeAgency(t)).id);

  it('lets the organizer create and publish; refuses an area the bank cannot fill; hides drafts', async () => {
    const short = await t.api<{ code: string; details: { available: number } }>(
      'POST',
      '/api/online-contests',
      {
        title: 'Quá nhiều câu',
        opensAt: secondsFromNow(-60),
        closesAt: secondsFromNow(3600),
        areas: [{ topicId: topicIds[0], count: 50 }],
      },
      organizer.token,
    );
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('CONTEST_NOT_DRAWABLE');
    expect(short.body.details.available).toBe(4);

    const bad = await t.api('POST', '/api/online-contests', { title: 'x', areas: [] }, organizer.token);
    expect(bad.status).toBe(400);

    const draft = await t.api<{ id: number; state: string; questionCount: number }>(
      'POST',
      '/api/online-contests',
      {
        title: 'Bản nháp',
        opensAt: secondsFromNow(-60),
        closesAt: secondsFromNow(3600),
        areas: topicIds.map((topicId) => ({ topicId, count: 1 })),
      },
      organizer.token,
    );
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', questionCount: 2 });
    const o = await official();
    expect((await t.api('POST', `/api/online-contests/${draft.body.id}/attempts`, {}, o.token)).status).toBe(404);
    const listed = await t.api<MyOnlineContest[]>('GET', '/api/my/online-contests', undefined, o.token);
    expect(listed.body.map((c) => c.contest.id)).not.toContain(draft.body.id);

    expect((await t.api('POST', '/api/online-contests', { title: 'x' }, o.token)).status).toBe(403);
    const other = await makeUser(t, Role.Organizer, null);
    expect((await t.api('POST', `/api/online-contests/${draft.body.id}/publish`, {}, other.token)).status).toBe(403);
    const published = await t.api<{ state: string }>(
      'POST',
      `/api/online-contests/${draft.body.id}/publish`,
      {},
      organizer.token,
    );
    expect(published.body.state).toBe('published');
    const after = await t.api<MyOnlineContest[]>('GET', '/api/my/online-contests', undefined, o.token);
    expect(after.body.find((c) => c.contest.id === draft.body.id)).toMatchObject({ window: 'open', attemptsLeft: 3 });
  });

  it('draws the questions per area from a stored seed and never sends the key before submit', async () => {
    const c = await makeOnlineContest(t, organizer.token, topicIds);
    const o = await official();
    const start = await t.api<OnlineAttemptView>('POST', `/api/online-contests/${c.id}/attempts`, {}, o.token);
    expect(start.status).toBe(200);
    expect(start.body.questions).toHaveLength(4);
    expect(Date.parse(start.body.deadline) - Date.parse(start.body.startedAt)).toBe(600_000);
    const raw = JSON.stringify(start.body);
    for (const leak of ['fraction', 'explanation', 'correct', 'versionId', 'seed']) expect(raw).not.toContain(leak);

    const stored = await t.app
      .get(DataSource)
      .getRepository(OnlineAttempt)
      .findOneByOrFail({ id: start.body.attemptId });
    expect(stored.variant.filter((i) => i.topicId === topicIds[0])).toHaveLength(2);
    expect(stored.variant.filter((i) => i.topicId === topicIds[1])).toHaveLength(2);
    expect(Number.isInteger(stored.seed)).toBe(true);

    const again = await t.api<OnlineAttemptView>('POST', `/api/online-contests/${c.id}/attempts`, {}, o.token);
    expect(again.body.attemptId).toBe(start.body.attemptId);
    expect(again.body.questions.map((q) => q.text)).toEqual(start.body.questions.map((q) => q.text));
  });

  it('saves answers idempotently, refuses unknown options and keeps other officials out', async () => {
    const c = await makeOnlineContest(t, organizer.token, topicIds);
    const o = await official();
    const intruder = await official();
    const start = await t.api<OnlineAttemptView>('POST', `/api/online-contests/${c.id}/attempts`, {}, o.token);
    const id = start.body.attemptId;
    const [key] = await keysOf(t, id, true);
    const first = await t.api<{ savedAt: string }>(
      'PUT',
      `/api/online-attempts/${id}/answers/0`,
      { chosen: [key] },
      o.token,
    );
    const resent = await t.api('PUT', `/api/online-attempts/${id}/answers/0`, { chosen: [key] }, o.token);
    expect([first.status, resent.status]).toEqual([200, 200]);
    const unknown = await t.api<{ code: string }>(
      'PUT',
      `/api/online-attempts/${id}/answers/1`,
      { chosen: ['z'] },
      o.token,
    );
    expect(unknown.body.code).toBe('UNKNOWN_OPTION');
    const two = await t.api<{ code: string }>(
      'PUT',
      `/api/online-attempts/${id}/answers/1`,
      { chosen: ['a', 'b'] },
      o.token,
    );
    expect(two.body.code).toBe('ONE_OPTION_ONLY');
    expect((await t.api('PUT', `/api/online-attempts/${id}/answers/9`, { chosen: ['a'] }, o.token)).status).toBe(400);

    for (const [method, path, body] of [
      ['GET', `/api/online-attempts/${id}`, undefined],
      ['PUT', `/api/online-attempts/${id}/answers/0`, { chosen: ['b'] }],
      ['PUT', `/api/online-attempts/${id}/prediction`, { prediction: 3 }],
      ['POST', `/api/online-attempts/${id}/submit`, {}],
    ] as const) {
      const r = await t.api<{ code: string }>(method, path, body, intruder.token);
      expect([r.status, r.body.code]).toEqual([404, 'ATTEMPT_NOT_FOUND']);
    }
    const resumed = await t.api<OnlineAttemptView>('GET', `/api/online-attempts/${id}`, undefined, o.token);
    expect(resumed.body.answers).toEqual({ 0: [key] });
    expect(resumed.body.state).toBe('in_progress');
  });

  it('grades a submit once, refuses answers after it, limits attempts and counts the best', async () => {
    const c = await makeOnlineContest(t, organizer.token, topicIds, { maxAttempts: 2 });
    const o = await official();
    const good = await playAttempt(t, o.token, c.id, { right: true, prediction: 7 });
    expect(good.score).toBe(40);
    const resubmit = await t.api<OnlineResultView>(
      'POST',
      `/api/online-attempts/${good.attemptId}/submit`,
      {},
      o.token,
    );
    expect(resubmit.body).toMatchObject({ score: 40, correctCount: 4, prediction: 7, state: 'submitted' });
    const late = await t.api<{ code: string }>(
      'PUT',
      `/api/online-attempts/${good.attemptId}/answers/0`,
      { chosen: ['a'] },
      o.token,
    );
    expect([late.status, late.body.code]).toEqual([409, 'ATTEMPT_FINISHED']);

    const worse = await playAttempt(t, o.token, c.id, { right: 1 });
    expect(worse.score).toBe(10);
    const third = await t.api<{ code: string }>('POST', `/api/online-contests/${c.id}/attempts`, {}, o.token);
    expect([third.status, third.body.code]).toEqual([409, 'NO_ATTEMPTS_LEFT']);

    const mine = await t.api<MyOnlineResults>('GET', `/api/my/online-contests/${c.id}/results`, undefined, o.token);
    expect(mine.body.attempts.map((a) => a.score)).toEqual([40, 10]);
    expect(mine.body.best).toMatchObject({ attemptId: good.attemptId, score: 40, maxScore: 40 });
    expect(mine.body.attemptsLeft).toBe(0);
  });

  it('refuses a late answer with its reason and closes the attempt at the deadline on the server', async () => {
    const c = await makeOnlineContest(t, organizer.token, topicIds);
    const o = await official();
    const start = await t.api<OnlineAttemptView>('POST', `/api/online-contests/${c.id}/attempts`, {}, o.token);
    const id = start.body.attemptId;
    const [key] = await keysOf(t, id, true);
    expect((await t.api('PUT', `/api/online-attempts/${id}/answers/0`, { chosen: [key] }, o.token)).status).toBe(200);
    const attempts = t.app.get(DataSource).getRepository(OnlineAttempt);
    const deadline = new Date(Date.now() - 1500);
    await attempts.update({ id }, { startedAt: new Date(deadline.getTime() - 60_000), deadline });

    const late = await t.api<{ code: string; details: { missedByMs: number } }>(
      'PUT',
      `/api/online-attempts/${id}/answers/1`,
      { chosen: ['a'] },
      o.token,
    );
    expect([late.status, late.body.code]).toEqual([410, 'ATTEMPT_DEADLINE_PASSED']);
    expect(late.body.details.missedByMs).toBeGreaterThanOrEqual(1500);

    // Nobody calls the API: the server's sweeper closes and grades it, at the deadline.
    const closed = await eventually(async () => {
      const a = await attempts.findOneByOrFail({ id });
      return a.state === 'expired' ? a : undefined;
    });
    expect(closed.score).toBe(10);
    expect(closed.finishedAt!.getTime()).toBe(deadline.getTime());
    expect(closed.durationMs).toBe(60_000);
    const submit = await t.api<OnlineResultView>('POST', `/api/online-attempts/${id}/submit`, {}, o.token);
    expect(submit.body).toMatchObject({ state: 'expired', score: 10 });
  });

  it('ranks entrants by best score then the closest prediction, and agencies by participation, leaving out the few', async () => {
    const c = await makeOnlineContest(t, organizer.token, topicIds, { minParticipation: 0.5 });
    const full = await makeAgency(t, { name: 'Sở Tư pháp', staffCount: 2 });
    const few = await makeAgency(t, { name: 'Sở Xây dựng', staffCount: 4 });
    const [a1, a2, b1] = [await official(full.id), await official(full.id), await official(few.id)];
    // Two all-correct entrants: the actual count is 2. a1 guesses 10 (miss 8), b1 guesses 3 (miss 1).
    await playAttempt(t, a1.token, c.id, { right: true, prediction: 10 });
    await playAttempt(t, b1.token, c.id, { right: true, prediction: 3 });
    await playAttempt(t, a2.token, c.id, { right: 2, prediction: 2 });

    const inspector = await makeUser(t, Role.Inspector, null);
    const r = await t.api<OnlineRankings>('GET', `/api/online-contests/${c.id}/rankings`, undefined, inspector.token);
    expect(r.status).toBe(200);
    expect(r.body.actualAllCorrect).toBe(2);
    expect(r.body.entrants.map((e) => [e.rank, e.userId, e.score, e.predictionMiss])).toEqual([
      [1, b1.user.id, 40, 1],
      [2, a1.user.id, 40, 8],
      [3, a2.user.id, 20, 0],
    ]);
    const rows = r.body.agencies.filter((a) => a.agencyId === full.id || a.agencyId === few.id);
    expect(rows.find((a) => a.agencyId === full.id)).toMatchObject({
      participants: 2,
      officials: 2,
      participationRate: 1,
      meanScore: 30,
      excluded: false,
    });
    expect(rows.find((a) => a.agencyId === few.id)).toMatchObject({
      participants: 1,
      officials: 4,
      participationRate: 0.25,
      excluded: true,
      rank: null,
    });
    const last = r.body.agencies.at(-1)!;
    expect(last.excluded).toBe(true);

    const official_ = await t.api('GET', `/api/online-contests/${c.id}/rankings`, undefined, a1.token);
    expect(official_.status).toBe(403);

    const xlsx = await fetch(`${t.url}/api/online-contests/${c.id}/rankings.xlsx`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cá nhân', 'Đơn vị', 'Thông tin']);
    expect(wb.getWorksheet('Cá nhân')!.getRow(2).getCell(4).value).toBe(40);

    // Published for the results lib once the contest has closed, in the live contests' shape.
    const reader = t.app.get(OnlineContestResultsReader);
    expect((await reader.participationByAgency()).find((p) => p.agencyId === full.id)).toBeUndefined();
    await t.app
      .get(DataSource)
      .getRepository(OnlineContest)
      .update({ id: c.id }, { closesAt: new Date(Date.now() - 1000) });
    const published = await reader.participationByAgency({ from: new Date(Date.now() - 60_000) });
    expect(published.find((p) => p.agencyId === full.id)).toEqual({
      agencyId: full.id,
      sessions: 1,
      players: 2,
      meanScore: 30,
      bestScore: 40,
    });
    const closed = await t.api<{ code: string }>('POST', `/api/online-contests/${c.id}/attempts`, {}, a2.token);
    expect([closed.status, closed.body.code]).toEqual([410, 'CONTEST_CLOSED']);
  });

  it('grades exactly the answers it acknowledged when saves race the submit', async () => {
    const c = await makeOnlineContest(t, organizer.token, topicIds);
    for (let round = 0; round < 3; round++) {
      const o = await official();
      const start = await t.api<OnlineAttemptView>('POST', `/api/online-contests/${c.id}/attempts`, {}, o.token);
      const id = start.body.attemptId;
      const keys = await keysOf(t, id, true);
      const saves = keys.map((key, i) =>
        t.api('PUT', `/api/online-attempts/${id}/answers/${i}`, { chosen: [key] }, o.token),
      );
      const submit = t.api<OnlineResultView>('POST', `/api/online-attempts/${id}/submit`, {}, o.token);
      const acked = (await Promise.all(saves)).filter((r) => r.status === 200).length;
      const refused = (await Promise.all(saves)).filter((r) => r.status === 409).length;
      expect(acked + refused).toBe(keys.length);
      expect((await submit).body.correctCount).toBe(acked);
    }
  });

  it('refuses an exam access-code token: online contests need a personal account', async () => {
    const c = await makeOnlineContest(t, organizer.token, topicIds);
    const { accessToken } = t.app.get(TokenService).sign({
      userId: null,
      role: Role.Official,
      agencyId: null,
      name: 'Thí sinh số báo danh',
      candidateId: 1,
      sessionId: 1,
    });
    for (const [method, path] of [
      ['GET', '/api/my/online-contests'],
      ['POST', `/api/online-contests/${c.id}/attempts`],
      ['GET', `/api/my/online-contests/${c.id}/results`],
    ] as const) {
      const r = await t.api<{ code: string }>(method, path, method === 'POST' ? {} : undefined, accessToken);
      expect([r.status, r.body.code]).toEqual([403, 'ACCOUNT_REQUIRED']);
    }
  });

  it('lets two starts at once make one attempt, not two', async () => {
    const c = await makeOnlineContest(t, organizer.token, topicIds, { maxAttempts: 1 });
    const o = await official();
    const both = await Promise.all(
      [1, 2].map(() => t.api<OnlineAttemptView>('POST', `/api/online-contests/${c.id}/attempts`, {}, o.token)),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both[0].body.attemptId).toBe(both[1].body.attemptId);
    expect(await t.app.get(DataSource).getRepository(OnlineAttempt).countBy({ contestId: c.id })).toBe(1);
  });
});
