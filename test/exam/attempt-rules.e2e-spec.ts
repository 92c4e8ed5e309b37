import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ExamAnswer, ExamAttempt, ExamSession } from '@app/exam-bank';
import { Role } from '@app/platform';
import { AttemptSweeper } from '../../libs/exam-bank/src/testing/attempt-sweeper.js';
import { GradingService } from '../../libs/exam-bank/src/testing/grading.service.js';
import { VersionCache } from '../../libs/exam-bank/src/testing/version-cache.js';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { eventually, makeQuestion, makeTopic, RESTART_ENV, secondsFromNow, sleep } from './exam-builders.js';

jest.setTimeout(30_000);

interface View {
  attemptId: number;
  deadline: string;
  state: string;
  items: { index: number; options: { key: string }[] }[];
}

describe(`attempt rules on ${TEST_DB}`, () => {
  let t: TestApp;
  let organizer: TestUser;
  let topicId: number;
  let agencyId: number;

  const template = async (navigation: 'free' | 'sequential', count = 4): Promise<number> =>
    (
      await t.api<{ id: number }>(
        'POST',
        '/api/exam/templates',
        {
          name: `Mẫu ${navigation}`,
          navigation,
          parts: [
            { name: 'Phần 1', rules: [{ topicIds: [topicId], count }], shuffleQuestions: true, shuffleOptions: false },
          ],
        },
        organizer.token,
      )
    ).body.id;

  const session = async (templateId: number, over: Record<string, unknown> = {}): Promise<number> => {
    const res = await t.api<{ id: number }>(
      'POST',
      '/api/exam/sessions',
      {
        templateId,
        name: 'Phiên thử',
        purpose: 'training',
        opensAt: secondsFromNow(-10),
        closesAt: secondsFromNow(3600),
        durationSeconds: 600,
        reviewShows: 'score',
        reviewWhen: 'immediately',
        ...over,
      },
      organizer.token,
    );
    expect(res.status).toBe(201);
    return res.body.id;
  };

  const candidate = async (sessionId: number, extra: Record<string, unknown> = {}): Promise<TestUser> => {
    const u = await makeUser(t, Role.Official, agencyId);
    const res = await t.api(
      'POST',
      `/api/exam/sessions/${sessionId}/candidates`,
      { accounts: [{ userId: u.user.id, ...extra }] },
      organizer.token,
    );
    expect(res.status).toBe(201);
    return u;
  };

  beforeAll(async () => {
    t = await startTestApp(RESTART_ENV);
    organizer = await makeUser(t, Role.Organizer, null);
    agencyId = (await makeAgency(t)).id;
    topicId = (await makeTopic(t, 'Hiện đại hóa hành chính')).id;
    for (let i = 0; i < 6; i++) await makeQuestion(t, { topicId });
  });

  afterAll(async () => {
    await t.close();
  });

  it('goes forward only in a sequential template', async () => {
    const s = await session(await template('sequential'));
    const u = await candidate(s);
    const v = (await t.api<View>('POST', `/api/exam/sessions/${s}/start`, undefined, u.token)).body;
    const save = (i: number) =>
      t.api<{ code: string }>('PUT', `/api/exam/attempts/${v.attemptId}/answers/${i}`, { chosen: ['a'] }, u.token);
    expect((await save(0)).status).toBe(200);
    expect((await save(2)).status).toBe(200);
    expect((await save(2)).status).toBe(200);
    const back = await save(1);
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('ATTEMPT_SEQUENTIAL');
    expect((await save(3)).status).toBe(200);
  });

  it('answers starts and saves (served ahead of Express) with the checks, headers and error bodies of every route', async () => {
    const s = await session(await template('free'));
    const u = await candidate(s);
    const put = (path: string, body: string | undefined, headers: Record<string, string> = {}) =>
      fetch(t.url + path, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${u.token}`, ...headers },
        body,
      });
    const start = await fetch(`${t.url}/api/exam/sessions/${s}/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${u.token}` },
    });
    expect(start.status).toBe(200);
    const v = (await start.json()) as View;
    const path = `/api/exam/attempts/${v.attemptId}/answers/0`;

    const ok = await put(path, JSON.stringify({ chosen: ['a'] }), { 'x-request-id': 'slip-42' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('slip-42');
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await ok.json()).toMatchObject({ attemptId: v.attemptId, index: 0 });

    const refused = async (res: Response): Promise<[number, string]> => [
      res.status,
      ((await res.json()) as { code: string }).code,
    ];
    expect(await refused(await put(path, JSON.stringify({ chosen: ['a'], score: 1 })))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(await refused(await put(path, JSON.stringify({ chosen: 'a' })))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refused(await put(path, '{"chosen": ['))).toEqual([400, 'MALFORMED_JSON']);
    expect(await refused(await put(path, '"a"'))).toEqual([400, 'MALFORMED_JSON']);
    expect(
      await refused(await put(path, JSON.stringify({ chosen: ['a'] }), { authorization: 'Bearer forged' })),
    ).toEqual([401, 'UNAUTHENTICATED']);
    expect(await refused(await put(path, JSON.stringify({ chosen: ['a'.repeat(20_000)] })))).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ]);
    const other = await candidate(s);
    const theirs = await fetch(t.url + path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
      body: JSON.stringify({ chosen: ['b'] }),
    });
    expect(await refused(theirs)).toEqual([404, 'ATTEMPT_NOT_FOUND']);
    const resumed = (
      await t.api<{ items: { chosen: string[] }[] }>('GET', `/api/exam/attempts/${v.attemptId}`, undefined, u.token)
    ).body;
    expect(resumed.items[0].chosen).toEqual(['a']);
  });

  it('refuses to start before the window opens and after it closes', async () => {
    const tpl = await template('free');
    const early = await session(tpl, { opensAt: secondsFromNow(600), closesAt: secondsFromNow(1200) });
    const u1 = await candidate(early);
    const r1 = await t.api<{ code: string }>('POST', `/api/exam/sessions/${early}/start`, undefined, u1.token);
    expect([r1.status, r1.body.code]).toEqual([409, 'SESSION_NOT_OPEN']);
    const late = await session(tpl, { opensAt: secondsFromNow(-600), closesAt: secondsFromNow(-1) });
    const u2 = await candidate(late);
    const r2 = await t.api<{ code: string }>('POST', `/api/exam/sessions/${late}/start`, undefined, u2.token);
    expect([r2.status, r2.body.code]).toEqual([410, 'SESSION_CLOSED']);
  });

  it('cuts the deadline at the window close, and moves it when extra time is granted during the attempt', async () => {
    const tpl = await template('free');
    const closes = secondsFromNow(120);
    const s = await session(tpl, { closesAt: closes, durationSeconds: 3600 });
    const u = await candidate(s);
    const v = (await t.api<View>('POST', `/api/exam/sessions/${s}/start`, undefined, u.token)).body;
    expect(v.deadline).toBe(closes);
    const s2 = await session(tpl, { durationSeconds: 60 });
    const u2 = await candidate(s2);
    const v2 = (await t.api<View>('POST', `/api/exam/sessions/${s2}/start`, undefined, u2.token)).body;
    const cands = await t.api<{ id: number; userId: number }[]>(
      'GET',
      `/api/exam/sessions/${s2}/candidates`,
      undefined,
      organizer.token,
    );
    const me = cands.body.find((c) => c.userId === u2.user.id)!;
    await t.api('PATCH', `/api/exam/sessions/${s2}/candidates/${me.id}`, { extraSeconds: 300 }, organizer.token);
    const after = (await t.api<View>('GET', `/api/exam/attempts/${v2.attemptId}`, undefined, u2.token)).body;
    expect(Date.parse(after.deadline) - Date.parse(v2.deadline)).toBe(300_000);
  });

  it('ends the attempts under way when the organizer closes the window early', async () => {
    const s = await session(await template('free'), { durationSeconds: 3600 });
    const u = await candidate(s);
    const v = (await t.api<View>('POST', `/api/exam/sessions/${s}/start`, undefined, u.token)).body;
    const closes = secondsFromNow(-1);
    expect((await t.api('PATCH', `/api/exam/sessions/${s}`, { closesAt: closes }, organizer.token)).status).toBe(200);
    const late = await t.api<{ code: string }>(
      'PUT',
      `/api/exam/attempts/${v.attemptId}/answers/0`,
      { chosen: ['a'] },
      u.token,
    );
    expect([late.status, late.body.code]).toEqual([410, 'ATTEMPT_DEADLINE_PASSED']);
    const after = await eventually(async () => {
      const r = await t.api<View>('GET', `/api/exam/attempts/${v.attemptId}`, undefined, u.token);
      return r.body.state === 'expired_graded' ? r.body : undefined;
    }, 5000);
    expect(after.deadline).toBe(closes);
  });

  it('grades an attempt once when submits, sweepers and (on MariaDB) a second server race for it', async () => {
    const s = await session(await template('free'), { durationSeconds: 1 });
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => candidate(s)));
    const views = await Promise.all(
      users.map(async (u) => (await t.api<View>('POST', `/api/exam/sessions/${s}/start`, undefined, u.token)).body),
    );
    // Two instances on one SQLite file in one process would block each other's synchronous
    // driver; several instances are a MariaDB deployment, so the second server runs there only.
    const second = TEST_DB === 'mysql' ? await startTestApp({}, t.config) : t;
    try {
      const db = t.app.get(DataSource);
      // push the deadlines into the past without waiting
      await db.getRepository(ExamAttempt).update({ sessionId: s }, { deadline: new Date(Date.now() - 1000) });
      const grading = [t.app.get(GradingService), second.app.get(GradingService)];
      const results = await Promise.all([
        ...views.flatMap((v) => grading.map((g) => g.close(v.attemptId, 'expired_graded', new Date()))),
        t.app.get(AttemptSweeper).sweep(),
        second.app.get(AttemptSweeper).sweep(),
      ]);
      const closes = results.slice(0, views.length * 2).filter((x) => x === true).length;
      const swept = (results.slice(views.length * 2) as number[]).reduce((a, b) => a + b, 0);
      expect(closes + swept).toBe(views.length);
      const rows = await db.getRepository(ExamAttempt).findBy({ sessionId: s });
      expect(rows.every((a) => a.state === 'expired_graded' && a.gradedAt !== null && a.score === 0)).toBe(true);
    } finally {
      if (second !== t) await second.close({ keepDatabase: true });
    }
  });

  it('never loses an acknowledged answer when saves race a submit: the grade holds exactly what was saved', async () => {
    const s = await session(await template('free', 6));
    const u = await candidate(s);
    const v = (await t.api<View>('POST', `/api/exam/sessions/${s}/start`, undefined, u.token)).body;
    const saves = v.items.map((item) =>
      t.api<{ savedAt?: string; code?: string }>(
        'PUT',
        `/api/exam/attempts/${v.attemptId}/answers/${item.index}`,
        { chosen: ['a'] },
        u.token,
      ),
    );
    const submit = t.api('POST', `/api/exam/attempts/${v.attemptId}/submit`, undefined, u.token);
    const [outcomes] = await Promise.all([Promise.all(saves), submit]);
    for (const o of outcomes) expect([200, 409]).toContain(o.status);
    const acked = outcomes.map((o, i) => (o.status === 200 ? i : -1)).filter((i) => i >= 0);
    const db = t.app.get(DataSource);
    const attempt = await db.getRepository(ExamAttempt).findOneByOrFail({ id: v.attemptId });
    const answers = await db.getRepository(ExamAnswer).findBy({ attemptId: v.attemptId });
    expect(answers.map((a) => a.itemIndex).sort()).toEqual(acked.sort());
    const sessionRow = await db.getRepository(ExamSession).findOneByOrFail({ id: s });
    const versions = await t.app.get(VersionCache).get(attempt.variant.items.map((i) => i.versionId));
    const regraded = GradingService.grade(attempt, sessionRow, answers, (id) => versions.get(id));
    expect(attempt.score).toBe(regraded.score);
    expect(attempt.score).toBe(acked.length);
  });

  it('ranks recruitment candidates within the quota with the configured tie-break chain', async () => {
    const s = await session(await template('free'), {
      purpose: 'recruitment',
      jobPosition: 'Chuyên viên cải cách hành chính',
      quota: 2,
      tieBreak: [{ key: 'priority', order: 'desc' }],
    });
    const plan: [number, number][] = [
      [4, 0], // 4 right
      [3, 1], // 3 right + 1 priority = 4 → tie with the first, broken by priority
      [3, 0],
      [1, 0], // fails (25 %)
    ];
    const ids: number[] = [];
    for (const [right, priority] of plan) {
      const u = await candidate(s, { priorityPoints: priority });
      const v = (await t.api<View>('POST', `/api/exam/sessions/${s}/start`, undefined, u.token)).body;
      for (const item of v.items) {
        await t.api(
          'PUT',
          `/api/exam/attempts/${v.attemptId}/answers/${item.index}`,
          { chosen: [item.index < right ? 'a' : 'b'] },
          u.token,
        );
      }
      await t.api('POST', `/api/exam/attempts/${v.attemptId}/submit`, undefined, u.token);
      ids.push(u.user.id);
    }
    const cands = await t.api<{ id: number; userId: number }[]>(
      'GET',
      `/api/exam/sessions/${s}/candidates`,
      undefined,
      organizer.token,
    );
    const byUser = new Map(cands.body.map((c) => [c.userId, c.id]));
    const res = await t.api<{
      quota: number;
      rows: { candidateId: number; rank: number | null; withinQuota: boolean; total: number }[];
    }>('GET', `/api/exam/sessions/${s}/ranking`, undefined, organizer.token);
    expect(res.status).toBe(200);
    const view = res.body.rows.map((r) => [
      ids.indexOf([...byUser.entries()].find(([, c]) => c === r.candidateId)![0]),
      r.rank,
      r.withinQuota,
    ]);
    expect(view).toEqual([
      [1, 1, true],
      [0, 2, true],
      [2, 3, false],
      [3, null, false],
    ]);
  });

  it('closes attempts that expired while the server was down, as soon as it starts again', async () => {
    const s = await session(await template('free'), { durationSeconds: 600 });
    const u = await candidate(s);
    const v = (await t.api<View>('POST', `/api/exam/sessions/${s}/start`, undefined, u.token)).body;
    await t.api('PUT', `/api/exam/attempts/${v.attemptId}/answers/0`, { chosen: ['a'] }, u.token);
    const deadline = new Date(Date.now() + 1500);
    await t.app.get(DataSource).getRepository(ExamAttempt).update({ id: v.attemptId }, { deadline });
    await t.close({ keepDatabase: true });
    await sleep(deadline.getTime() - Date.now() + 200);
    t = await startTestApp({}, t.config);
    const graded = await eventually(async () => {
      const r = await t.api<{ state: string; score?: number }>(
        'GET',
        `/api/exam/attempts/${v.attemptId}/review`,
        undefined,
        u.token,
      );
      return r.body.state === 'expired_graded' ? r.body : undefined;
    }, 3000);
    expect(graded.score).toBe(1);
  });
});
