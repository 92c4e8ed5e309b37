import { jest } from '@jest/globals';
import { Role } from '@app/platform';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { makeQuestion, makeTopic, secondsFromNow, sleep } from './exam-builders.js';

jest.setTimeout(30_000);

interface Seen {
  route: string;
  status: number;
  body: unknown;
}

/** Anything in a payload that would give the key away, by field name or by the texts we planted. */
const LEAKS =
  /"(fraction|correct|explanation|feedback|itemScores|partScores|score|maxScore|passed|seed|variant|versionId|questionId|accessCodeHash)"|BÍ_MẬT/;

describe(`what a candidate receives, on ${TEST_DB}`, () => {
  let t: TestApp;
  let organizer: TestUser;
  let sessionId: number;
  let otherSessionId: number;
  let accountCandidate: TestUser;
  let numberedToken: string;
  let numberedAttempt: number;
  let accountAttempt: number;
  const seen: Seen[] = [];

  /** A candidate's call, recorded. */
  const call = async <T>(token: string, method: string, path: string, body?: unknown) => {
    const res = await t.api<T>(method, path, body, token);
    seen.push({ route: `${method} ${path}`, status: res.status, body: res.body });
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const agency = await makeAgency(t, { level: 'commune' });
    organizer = await makeUser(t, Role.Organizer, null);
    const topic = await makeTopic(t, 'Cải cách tổ chức bộ máy');
    for (let i = 0; i < 3; i++) {
      await makeQuestion(t, {
        topicId: topic.id,
        explanation: `BÍ_MẬT giải thích ${i}`,
        options: [
          { key: 'a', text: `Đúng ${i}`, fraction: 1, feedback: 'BÍ_MẬT phản hồi' },
          { key: 'b', text: `Sai ${i}`, fraction: 0 },
        ],
      });
    }
    await makeQuestion(t, {
      topicId: topic.id,
      type: 'multiple',
      scoringMode: 'proportional',
      options: [
        { key: 'a', text: 'Một', fraction: 0.5 },
        { key: 'b', text: 'Hai', fraction: 0.5 },
        { key: 'c', text: 'Ba', fraction: -0.5 },
      ],
    });
    const tpl = await t.api<{ id: number }>(
      'POST',
      '/api/exam/templates',
      {
        name: 'Mẫu',
        navigation: 'free',
        parts: [
          { name: 'Phần 1', rules: [{ topicIds: [topic.id], count: 4 }], shuffleQuestions: true, shuffleOptions: true },
        ],
      },
      organizer.token,
    );
    const session = (closes: number) =>
      t.api<{ id: number }>(
        'POST',
        '/api/exam/sessions',
        {
          templateId: tpl.body.id,
          name: 'Đợt kiểm tra',
          purpose: 'inspection',
          agencyId: agency.id,
          opensAt: secondsFromNow(-10),
          closesAt: secondsFromNow(closes),
          durationSeconds: 600,
          reviewShows: 'score_and_answers',
          reviewWhen: 'after_close',
        },
        organizer.token,
      );
    sessionId = (await session(3600)).body.id;
    otherSessionId = (await session(3600)).body.id;
    accountCandidate = await makeUser(t, Role.Official, agency.id);
    await t.api(
      'POST',
      `/api/exam/sessions/${sessionId}/candidates`,
      {
        accounts: [{ userId: accountCandidate.user.id }],
        numbered: [{ candidateNumber: 'SB-01', fullName: 'Đỗ Minh Châu' }],
      },
      organizer.token,
    );
    await t.api(
      'POST',
      `/api/exam/sessions/${otherSessionId}/candidates`,
      { numbered: [{ candidateNumber: 'SB-01', fullName: 'Đỗ Minh Châu' }] },
      organizer.token,
    );
    const codes = await t.api<{ accessCode: string }[]>(
      'POST',
      `/api/exam/sessions/${sessionId}/access-codes`,
      {},
      organizer.token,
    );
    await t.api('POST', `/api/exam/sessions/${otherSessionId}/access-codes`, {}, organizer.token);
    const login = await t.api<{ accessToken: string }>('POST', '/api/exam/candidate-login', {
      candidateNumber: 'SB-01',
      accessCode: codes.body[0].accessCode,
      sessionId,
    });
    seen.push({ route: 'POST /api/exam/candidate-login', status: login.status, body: login.body });
    numberedToken = login.body.accessToken;
  });

  afterAll(async () => {
    await t.close();
  });

  it('records a whole attempt and finds no key, fraction, explanation or score before the policy allows', async () => {
    await call(numberedToken, 'GET', '/api/exam/my/sessions');
    const start = await call<{ attemptId: number; items: { index: number; options: { key: string }[] }[] }>(
      numberedToken,
      'POST',
      `/api/exam/sessions/${sessionId}/start`,
    );
    expect(start.status).toBe(200);
    numberedAttempt = start.body.attemptId;
    for (const item of start.body.items) {
      await call(numberedToken, 'PUT', `/api/exam/attempts/${numberedAttempt}/answers/${item.index}`, {
        chosen: [item.options[0].key],
      });
      await call(numberedToken, 'PUT', `/api/exam/attempts/${numberedAttempt}/flags/${item.index}`, { flagged: true });
    }
    await call(numberedToken, 'GET', `/api/exam/attempts/${numberedAttempt}`);
    await call(numberedToken, 'GET', `/api/exam/attempts/${numberedAttempt}/review`);
    await call(numberedToken, 'POST', `/api/exam/attempts/${numberedAttempt}/submit`);
    await call(numberedToken, 'GET', `/api/exam/attempts/${numberedAttempt}`);
    await call(numberedToken, 'GET', `/api/exam/attempts/${numberedAttempt}/review`);
    await call(numberedToken, 'PUT', `/api/exam/attempts/${numberedAttempt}/answers/0`, { chosen: ['a'] });
    expect(seen.length).toBeGreaterThan(12);
    for (const s of seen) {
      expect({ route: s.route, leak: LEAKS.exec(JSON.stringify(s.body))?.[0] ?? null }).toEqual({
        route: s.route,
        leak: null,
      });
    }
  });

  it('shows the answers once the session closes (the check above can see a leak)', async () => {
    await t.api('PATCH', `/api/exam/sessions/${sessionId}`, { closesAt: secondsFromNow(-1) }, organizer.token);
    await sleep(10);
    const review = await call(numberedToken, 'GET', `/api/exam/attempts/${numberedAttempt}/review`);
    expect(JSON.stringify(review.body)).toMatch(LEAKS);
    expect(JSON.stringify(review.body)).toContain('BÍ_MẬT');
    await t.api('PATCH', `/api/exam/sessions/${sessionId}`, { closesAt: secondsFromNow(3600) }, organizer.token);
  });

  it('lets no candidate read or change another candidate’s attempt, on every candidate route', async () => {
    const mine = await t.api<{ attemptId: number }>(
      'POST',
      `/api/exam/sessions/${sessionId}/start`,
      undefined,
      accountCandidate.token,
    );
    expect(mine.status).toBe(200);
    accountAttempt = mine.body.attemptId;
    const outsider = await makeUser(t, Role.Official, null);
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/exam/attempts/${numberedAttempt}`],
      ['PUT', `/api/exam/attempts/${numberedAttempt}/answers/0`, { chosen: ['a'] }],
      ['PUT', `/api/exam/attempts/${numberedAttempt}/flags/0`, { flagged: true }],
      ['POST', `/api/exam/attempts/${numberedAttempt}/submit`],
      ['GET', `/api/exam/attempts/${numberedAttempt}/review`],
    ];
    for (const token of [accountCandidate.token, outsider.token]) {
      for (const [method, path, body] of routes) {
        const res = await t.api<{ code: string }>(method, path, body, token);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 404,
          code: 'ATTEMPT_NOT_FOUND',
        });
      }
    }
    // and the numbered candidate cannot touch the account candidate's attempt
    for (const [method, path, body] of routes.map(
      ([m, p, b]) => [m, p.replace(String(numberedAttempt), String(accountAttempt)), b] as const,
    )) {
      const res = await t.api<{ code: string }>(method, path, body, numberedToken);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const after = await t.api<{ items: { chosen: string[] }[]; state: string }>(
      'GET',
      `/api/exam/attempts/${accountAttempt}`,
      undefined,
      accountCandidate.token,
    );
    expect(after.body.state).toBe('in_progress');
    expect(after.body.items.every((i) => i.chosen.length === 0)).toBe(true);
  });

  it('keeps a candidate token to its own session, even for the same candidate number elsewhere', async () => {
    const res = await t.api<{ code: string }>(
      'POST',
      `/api/exam/sessions/${otherSessionId}/start`,
      undefined,
      numberedToken,
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_A_CANDIDATE');
    const acct = await t.api<{ code: string }>(
      'POST',
      `/api/exam/sessions/${otherSessionId}/start`,
      undefined,
      accountCandidate.token,
    );
    expect(acct.status).toBe(403);
  });

  it('refuses every staff route to candidates', async () => {
    const staff: [string, string, unknown?][] = [
      ['GET', `/api/exam/sessions/${sessionId}/results`],
      ['GET', `/api/exam/sessions/${sessionId}/results.xlsx`],
      ['GET', `/api/exam/sessions/${sessionId}/results/by-agency`],
      ['GET', `/api/exam/sessions/${sessionId}/item-analysis`],
      ['GET', `/api/exam/sessions/${sessionId}/candidates`],
      ['GET', `/api/exam/sessions/${sessionId}`],
      ['POST', `/api/exam/sessions/${sessionId}/access-codes`, {}],
      ['POST', `/api/exam/sessions/${sessionId}/regrade`, {}],
      ['GET', '/api/exam/templates'],
      ['GET', `/api/exam/weakest-topics?agencyId=1`],
    ];
    for (const token of [numberedToken, accountCandidate.token]) {
      for (const [method, path, body] of staff) {
        const res = await t.api(method, path, body, token);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
    }
  });

  it('rate-limits guessing access codes', async () => {
    let last = 0;
    for (let i = 0; i < 15; i++) {
      last = (await t.api('POST', '/api/exam/candidate-login', { candidateNumber: 'SB-99', accessCode: `GUESS${i}` }))
        .status;
    }
    expect(last).toBe(429);
  });
});
