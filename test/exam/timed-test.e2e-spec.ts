import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ExamAttempt, ExamResultsReader } from '@app/exam-bank';
import { AuditEntry, Role } from '@app/platform';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import {
  correctQuestion,
  eventually,
  makeQuestion,
  makeTopic,
  RESTART_ENV,
  secondsFromNow,
  sleep,
} from './exam-builders.js';

interface Item {
  index: number;
  stem: string;
  type: string;
  options: { key: string; text: string }[];
  chosen: string[];
  flagged: boolean;
}
interface AttemptView {
  attemptId: number;
  state: string;
  deadline: string;
  serverTime: string;
  remainingMs: number;
  items: Item[];
}
interface Review {
  shows: string;
  state: string;
  score?: number;
  maxScore?: number;
  passed?: boolean;
  items?: { index: number; options: { key: string; correct: boolean }[]; explanation: string | null; score: number }[];
}

/**
 * The whole story on one server (then a restarted one): questions → template → session →
 * candidates take timed attempts → restart → resume → deadline → late answer refused → grading by
 * the server → review policy → item statistics → re-grading after a correction.
 */
jest.setTimeout(30_000);

describe(`a timed knowledge test end to end on ${TEST_DB}`, () => {
  let t: TestApp;
  let organizer: TestUser;
  let commune: { id: number };
  const keyOf = new Map<string, string[]>(); // stem → right keys
  const stems: string[] = [];
  let sessionId: number;
  let templateId: number;
  const tokens: string[] = [];
  const attempts: AttemptView[] = [];
  let accountCandidate: TestUser;
  let fixedQuestionId: number;

  beforeAll(async () => {
    t = await startTestApp(RESTART_ENV);
    commune = await makeAgency(t, { level: 'commune', name: 'UBND xã Mỹ Trà' });
    organizer = await makeUser(t, Role.Organizer, null);
    const topic = await makeTopic(t, 'Thủ tục hành chính');
    const sub = await makeTopic(t, 'Một cửa liên thông', topic.id);
    for (let i = 0; i < 8; i++) {
      const { version } = await makeQuestion(t, { topicId: i % 2 ? sub.id : topic.id, difficulty: 'easy' });
      keyOf.set(version.stem, ['a']);
      stems.push(version.stem);
    }
    const tf = await makeQuestion(t, { topicId: topic.id, type: 'true_false', difficulty: 'hard' });
    keyOf.set(tf.version.stem, ['true']);
    fixedQuestionId = tf.question.id;
    const multi = await makeQuestion(t, {
      topicId: topic.id,
      type: 'multiple',
      scoringMode: 'proportional',
      difficulty: 'hard',
      points: 2,
      options: [
        { key: 'a', text: 'Tiếp nhận hồ sơ', fraction: 0.5 },
        { key: 'b', text: 'Trả kết quả', fraction: 0.5 },
        { key: 'c', text: 'Thu phí ngoài quy định', fraction: -1 },
      ],
    });
    keyOf.set(multi.version.stem, ['a', 'b']);
    // A draft question is never drawn.
    await makeQuestion(t, { topicId: topic.id, difficulty: 'easy', status: 'draft', stem: 'Câu nháp không được rút' });

    const tpl = await t.api<{ id: number }>(
      'POST',
      '/api/exam/templates',
      {
        name: 'Sát hạch công chức xã',
        navigation: 'free',
        parts: [
          {
            name: 'Kiến thức chung',
            rules: [{ topicIds: [topic.id], difficulty: 'easy', count: 4 }],
            shuffleQuestions: true,
            shuffleOptions: true,
          },
          {
            name: 'Tình huống',
            rules: [{ questionIds: [fixedQuestionId, multi.question.id] }],
            shuffleQuestions: false,
            shuffleOptions: true,
            passPercent: 50,
          },
        ],
      },
      organizer.token,
    );
    expect(tpl.status).toBe(201);
    templateId = tpl.body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses a session whose draw rules the bank cannot fill', async () => {
    const topic = await makeTopic(t, 'Chủ đề trống');
    const tpl = await t.api<{ id: number }>(
      'POST',
      '/api/exam/templates',
      {
        name: 'Không đủ câu',
        navigation: 'free',
        parts: [
          { name: 'P', rules: [{ topicIds: [topic.id], count: 3 }], shuffleQuestions: true, shuffleOptions: true },
        ],
      },
      organizer.token,
    );
    const res = await t.api<{ code: string }>(
      'POST',
      '/api/exam/sessions',
      {
        templateId: tpl.body.id,
        name: 'x',
        purpose: 'training',
        opensAt: secondsFromNow(-60),
        closesAt: secondsFromNow(600),
        durationSeconds: 60,
        reviewShows: 'score',
        reviewWhen: 'immediately',
      },
      organizer.token,
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('TEMPLATE_NOT_DRAWABLE');
  });

  it('creates an inspection session with numbered candidates and an account, and shows the codes once', async () => {
    const s = await t.api<{ id: number }>(
      'POST',
      '/api/exam/sessions',
      {
        templateId,
        name: 'Kiểm tra CCHC xã Mỹ Trà',
        purpose: 'inspection',
        agencyId: commune.id,
        opensAt: secondsFromNow(-60),
        closesAt: secondsFromNow(3600),
        durationSeconds: 5,
        reviewShows: 'score_and_answers',
        reviewWhen: 'after_close',
      },
      organizer.token,
    );
    expect(s.status).toBe(201);
    sessionId = s.body.id;
    accountCandidate = await makeUser(t, Role.Official, commune.id, { fullName: 'Trần Văn Bình' });
    const add = await t.api<{ id: number; hasAccessCode: boolean }[]>(
      'POST',
      `/api/exam/sessions/${sessionId}/candidates`,
      {
        accounts: [{ userId: accountCandidate.user.id }],
        numbered: [
          { candidateNumber: 'MT-001', fullName: 'Nguyễn Thị Hoa' },
          { candidateNumber: 'MT-002', fullName: 'Lê Văn Tâm', extraSeconds: 2 },
          { candidateNumber: 'MT-003', fullName: 'Phạm Thu Hà' },
        ],
      },
      organizer.token,
    );
    expect(add.status).toBe(201);
    expect(add.body).toHaveLength(4);
    const codes = await t.api<{ candidateNumber: string; accessCode: string }[]>(
      'POST',
      `/api/exam/sessions/${sessionId}/access-codes`,
      {},
      organizer.token,
    );
    expect(codes.status).toBe(200);
    expect(codes.body.map((c) => c.candidateNumber)).toEqual(['MT-001', 'MT-002', 'MT-003']);
    expect(
      (await t.api<unknown[]>('POST', `/api/exam/sessions/${sessionId}/access-codes`, {}, organizer.token)).body,
    ).toEqual([]);
    const listed = await t.api<Record<string, unknown>[]>(
      'GET',
      `/api/exam/sessions/${sessionId}/candidates`,
      undefined,
      organizer.token,
    );
    expect(JSON.stringify(listed.body)).not.toContain(codes.body[0].accessCode);
    expect(JSON.stringify(listed.body)).not.toContain('Hash');

    const bad = await t.api<{ code: string }>('POST', '/api/exam/candidate-login', {
      candidateNumber: 'MT-001',
      accessCode: 'WRONG123',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('BAD_ACCESS_CODE');
    for (const c of codes.body) {
      const login = await t.api<{ accessToken: string }>('POST', '/api/exam/candidate-login', {
        candidateNumber: c.candidateNumber,
        accessCode: c.accessCode.toLowerCase(),
      });
      expect(login.status).toBe(200);
      tokens.push(login.body.accessToken);
    }
    tokens.push(accountCandidate.token);
  });

  it('starts each attempt with its own variant and a server deadline, and resumes instead of restarting', async () => {
    for (const token of tokens) {
      const before = Date.now();
      const res = await t.api<AttemptView>('POST', `/api/exam/sessions/${sessionId}/start`, undefined, token);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(6);
      expect(res.body.items.map((i) => i.stem)).not.toContain('Câu nháp không được rút');
      const deadline = Date.parse(res.body.deadline);
      expect(deadline - before).toBeGreaterThan(4_000);
      expect(deadline - before).toBeLessThan(8_500);
      expect(Math.abs(Date.parse(res.body.serverTime) - Date.now())).toBeLessThan(2_000);
      attempts.push(res.body);
    }
    // MT-002 has 2 s of extra time.
    expect(Date.parse(attempts[1].deadline) - Date.parse(attempts[0].deadline)).toBeGreaterThan(1_000);
    // the fixed list stays last and in order (part 2 does not shuffle questions)
    for (const a of attempts) expect(a.items[4].type).toBe('true_false');
    const again = await t.api<AttemptView>('POST', `/api/exam/sessions/${sessionId}/start`, undefined, tokens[0]);
    expect(again.body.attemptId).toBe(attempts[0].attemptId);
    expect(again.body.items).toEqual(attempts[0].items);
  });

  it('saves each answer idempotently and acknowledges it; refuses options the item does not have', async () => {
    for (const [c, a] of attempts.entries()) {
      for (const item of a.items) {
        // candidate 0 answers everything right, the others get the first two items right only
        const right = keyOf.get(item.stem)!;
        const chosen = c === 0 || item.index < 2 ? right : [item.options.find((o) => !right.includes(o.key))!.key];
        const res = await t.api<{ savedAt: string; index: number }>(
          'PUT',
          `/api/exam/attempts/${a.attemptId}/answers/${item.index}`,
          { chosen },
          tokens[c],
        );
        expect(res.status).toBe(200);
        expect(res.body.index).toBe(item.index);
        expect(Date.parse(res.body.savedAt)).toBeGreaterThan(0);
      }
    }
    const a0 = attempts[0];
    const resend = await t.api(
      'PUT',
      `/api/exam/attempts/${a0.attemptId}/answers/0`,
      { chosen: keyOf.get(a0.items[0].stem) },
      tokens[0],
    );
    expect(resend.status).toBe(200);
    const flag = await t.api('PUT', `/api/exam/attempts/${a0.attemptId}/flags/3`, { flagged: true }, tokens[0]);
    expect(flag.status).toBe(200);
    const bad = await t.api<{ code: string }>(
      'PUT',
      `/api/exam/attempts/${a0.attemptId}/answers/0`,
      { chosen: ['zz'] },
      tokens[0],
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('OPTION_NOT_FOUND');
    const two = await t.api<{ code: string }>(
      'PUT',
      `/api/exam/attempts/${a0.attemptId}/answers/0`,
      { chosen: ['a', 'b'] },
      tokens[0],
    );
    expect(two.body.code).toBe('ONE_OPTION_ONLY');
  });

  it('keeps every acknowledged answer across a server restart; resuming shows the same variant', async () => {
    await t.close({ keepDatabase: true });
    t = await startTestApp({}, t.config);
    for (const [c, a] of attempts.entries()) {
      const asked = Date.now(); // the server's clock reads at least this when it answers
      const res = await t.api<AttemptView>('GET', `/api/exam/attempts/${a.attemptId}`, undefined, tokens[c]);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i) => [i.stem, i.options])).toEqual(a.items.map((i) => [i.stem, i.options]));
      expect(res.body.items.every((i) => i.chosen.length > 0)).toBe(true);
      expect(res.body.deadline).toBe(a.deadline);
      if (res.body.state === 'in_progress')
        expect(res.body.remainingMs).toBeLessThanOrEqual(Date.parse(a.deadline) - asked);
    }
    const r0 = await t.api<AttemptView>('GET', `/api/exam/attempts/${attempts[0].attemptId}`, undefined, tokens[0]);
    expect(r0.body.items[3].flagged).toBe(true);
  });

  it('submits one attempt early; the policy (after close) hides the score for now', async () => {
    const res = await t.api<Review>('POST', `/api/exam/attempts/${attempts[2].attemptId}/submit`, undefined, tokens[2]);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('submitted');
    expect(res.body.shows).toBe('none');
    expect(res.body.score).toBeUndefined();
    const late = await t.api<{ code: string }>(
      'PUT',
      `/api/exam/attempts/${attempts[2].attemptId}/answers/0`,
      { chosen: ['a'] },
      tokens[2],
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ATTEMPT_SUBMITTED');
    const twice = await t.api<Review>(
      'POST',
      `/api/exam/attempts/${attempts[2].attemptId}/submit`,
      undefined,
      tokens[2],
    );
    expect(twice.body.state).toBe('submitted');
  });

  it('refuses an answer after the deadline with a clear reason, and grades the rest by itself', async () => {
    const wait = Date.parse(attempts[0].deadline) - Date.now() + 100;
    if (wait > 0) await sleep(wait);
    const late = await t.api<{ code: string; message: string }>(
      'PUT',
      `/api/exam/attempts/${attempts[0].attemptId}/answers/1`,
      { chosen: ['a'] },
      tokens[0],
    );
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('ATTEMPT_DEADLINE_PASSED');
    expect(late.body.message).toMatch(/Time is up/);
    const rows = await eventually(async () => {
      const r = await t.api<{ state: string; score: number | null }[]>(
        'GET',
        `/api/exam/sessions/${sessionId}/results`,
        undefined,
        organizer.token,
      );
      return r.body.every((x) => x.score !== null) ? r.body : undefined;
    }, 15_000);
    expect(rows.map((r) => r.state).sort()).toEqual([
      'expired_graded',
      'expired_graded',
      'expired_graded',
      'submitted',
    ]);
  });

  it('grades per part and in total from what was saved', async () => {
    const r = await t.api<
      {
        candidateNumber: string | null;
        score: number;
        maxScore: number;
        passed: boolean;
        parts: { score: number; maxScore: number; passed: boolean }[];
      }[]
    >('GET', `/api/exam/sessions/${sessionId}/results`, undefined, organizer.token);
    const best = r.body.find((x) => x.candidateNumber === 'MT-001')!;
    expect(best).toMatchObject({ score: 7, maxScore: 7, passed: true });
    expect(best.parts.map((p) => [p.score, p.maxScore, p.passed])).toEqual([
      [4, 4, true],
      [3, 3, true],
    ]);
    const other = r.body.find((x) => x.candidateNumber === 'MT-002')!;
    // two of four right in part 1 (50 % passes), nothing right in part 2 (the wrong multiple pick is floored at 0)
    expect(other).toMatchObject({ score: 2, passed: false });
    expect(other.parts.map((p) => p.passed)).toEqual([true, false]);
  });

  it('shows the score and answers only once the session closes', async () => {
    const early = await t.api<Review>(
      'GET',
      `/api/exam/attempts/${attempts[0].attemptId}/review`,
      undefined,
      tokens[0],
    );
    expect(early.body.shows).toBe('none');
    expect(JSON.stringify(early.body)).not.toMatch(/correct|fraction|explanation|Giải thích/);
    const close = await t.api(
      'PATCH',
      `/api/exam/sessions/${sessionId}`,
      { closesAt: secondsFromNow(-1) },
      organizer.token,
    );
    expect(close.status).toBe(200);
    const review = await t.api<Review>(
      'GET',
      `/api/exam/attempts/${attempts[0].attemptId}/review`,
      undefined,
      tokens[0],
    );
    expect(review.body).toMatchObject({ shows: 'score_and_answers', score: 7, maxScore: 7, passed: true });
    expect(review.body.items).toHaveLength(6);
    expect(review.body.items![0].explanation).toMatch(/Giải thích/);
    expect(review.body.items![0].options.filter((o) => o.correct).length).toBeGreaterThan(0);
  });

  it('exports the table to Excel with Vietnamese headers, by agency and as a distribution', async () => {
    const res = await fetch(`${t.url}/api/exam/sessions/${sessionId}/results.xlsx`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('Kết quả')!;
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['Số báo danh', 'Họ và tên', 'Điểm', 'Kết quả']));
    const names = [3, 4, 5, 6].map((r) => ws.getRow(r).getCell(3).value);
    expect(names).toContain('Nguyễn Thị Hoa');
    expect([3, 4, 5, 6].map((r) => ws.getRow(r).getCell(11).value)).toContain('Đạt');
    const byAgency = await t.api<{ agencyId: number; candidates: number; passed: number; passRate: number }[]>(
      'GET',
      `/api/exam/sessions/${sessionId}/results/by-agency`,
      undefined,
      organizer.token,
    );
    expect(byAgency.body).toEqual([
      expect.objectContaining({ agencyId: commune.id, candidates: 4, passed: 1, passRate: 25 }),
    ]);
    const dist = await t.api<{ from: number; count: number }[]>(
      'GET',
      `/api/exam/sessions/${sessionId}/results/distribution`,
      undefined,
      organizer.token,
    );
    expect(dist.body.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(dist.body[9].count).toBe(1);
  });

  it('reports Moodle-style item statistics for the session and for a question across sessions', async () => {
    const res = await t.api<{
      test: { attempts: number; mean: number; cic: number | null };
      questions: { questionId: number; attempts: number; facility: number }[];
    }>('GET', `/api/exam/sessions/${sessionId}/item-analysis`, undefined, organizer.token);
    expect(res.status).toBe(200);
    expect(res.body.test.attempts).toBe(4);
    const tf = res.body.questions.find((q) => q.questionId === fixedQuestionId)!;
    expect(tf).toMatchObject({ attempts: 4, facility: 25 });
    const across = await t.api<{ attempts: number; sessions: number; facility: number }>(
      'GET',
      `/api/exam/questions/${fixedQuestionId}/item-analysis`,
      undefined,
      organizer.token,
    );
    expect(across.body).toMatchObject({ attempts: 4, sessions: 1, facility: 25 });
  });

  it('names the weakest topics of the commune for the inspectors, weakest first', async () => {
    const res = await t.api<{ topics: { topicName: string; facility: number }[] }>(
      'GET',
      `/api/exam/weakest-topics?agencyId=${commune.id}`,
      undefined,
      organizer.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.topics.length).toBeGreaterThan(0);
    const f = res.body.topics.map((x) => x.facility);
    expect([...f].sort((a, b) => a - b)).toEqual(f);
  });

  it('publishes the graded inspection attempts to the results lib through ExamResultsReader', async () => {
    const reader = t.app.get(ExamResultsReader);
    const rows = await reader.gradedAttempts({ agencyIds: [commune.id] });
    expect(rows).toHaveLength(4);
    const best = rows.find((r) => r.candidateNumber === 'MT-001')!;
    expect(best).toMatchObject({
      sessionId,
      agencyId: commune.id,
      score: 7,
      maxScore: 7,
      scorePercent: 100,
      passed: true,
    });
    const stored = await t.app.get(DataSource).getRepository(ExamAttempt).findOneByOrFail({ id: best.attemptId });
    expect(best.submittedAt.toISOString()).toBe(stored.submittedAt!.toISOString());
    expect(await reader.gradedAttempts({ agencyIds: [commune.id], from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await reader.gradedAttempts({ agencyIds: [commune.id + 999] })).toEqual([]);
    expect(await reader.gradedAttempts({ agencyIds: [commune.id], sessionIds: [sessionId + 999] })).toEqual([]);
    const weakest = await reader.weakestTopics({ agencyIds: [commune.id] });
    expect(weakest.map((w) => w.topicName)).toEqual(expect.arrayContaining(['Thủ tục hành chính']));
    expect(weakest.every((w) => w.facility >= 0 && w.facility <= 1 && w.answers > 0)).toBe(true);
  });

  it('re-grades after a key is corrected and writes before/after scores to the audit log', async () => {
    // The true/false key was wrong: the answer is "false". MT-001 answered "true".
    await correctQuestion(t, fixedQuestionId, [
      { key: 'true', text: 'Đúng', fraction: 0 },
      { key: 'false', text: 'Sai', fraction: 1 },
    ]);
    const res = await t.api<{
      attempts: number;
      changed: { attemptId: number; before: { score: number }; after: { score: number } }[];
    }>('POST', `/api/exam/sessions/${sessionId}/regrade`, { reason: 'Sửa đáp án câu đúng/sai' }, organizer.token);
    expect(res.status).toBe(200);
    expect(res.body.attempts).toBe(4);
    const mine = res.body.changed.find((c) => c.attemptId === attempts[0].attemptId)!;
    expect(mine.before.score).toBe(7);
    expect(mine.after.score).toBe(6);
    const audit = await t.app.get(DataSource).getRepository(AuditEntry).findBy({ action: 'attempt.regraded' });
    expect(audit).toHaveLength(res.body.changed.length);
    const entry = audit.find((a) => a.entityId === String(attempts[0].attemptId))!;
    expect(entry.before).toMatchObject({ score: 7 });
    expect(entry.after).toMatchObject({ score: 6 });
    expect(entry.reason).toBe('Sửa đáp án câu đúng/sai');
    const review = await t.api<Review>(
      'GET',
      `/api/exam/attempts/${attempts[0].attemptId}/review`,
      undefined,
      tokens[0],
    );
    expect(review.body.score).toBe(6);
  });
});
