import { jest } from '@jest/globals';
import type { ContestTree } from '../../libs/live-contest/src/contests/contests.repository.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { makeCast, makeContest, startSession, type Cast } from './contest-support.js';

jest.setTimeout(30_000);

/** An organizer corrects a contest before it is played; once played, its questions back the results and stay. */
describe('editing a contest', () => {
  let t: TestApp;
  let cast: Cast;
  const tree = async (id: number): Promise<ContestTree> =>
    (await t.api<ContestTree>('GET', `/api/contests/${id}`, undefined, cast.organizer.token)).body;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await makeCast(t, 1);
  });

  afterAll(async () => {
    await t.close();
  });

  it('changes the contest, a round and a question, and deletes others, renumbering what is left', async () => {
    const { contestId, roundIds } = await makeContest(t, cast.organizer.token, {
      rounds: [
        {
          title: 'Vòng 1',
          type: 'speed',
          questions: [
            { text: 'Câu 1', correct: 'a' },
            { text: 'Câu 2', correct: 'b' },
            { text: 'Câu 3', correct: 'c' },
          ],
        },
        { title: 'Vòng 2', type: 'buzzer', questions: [{ text: 'Câu 4', correct: 'a' }] },
        { title: 'Vòng 3', type: 'judged' },
      ],
    });
    const token = cast.organizer.token;
    const before = await tree(contestId);
    const [q1, q2] = before.questions;

    const c = await t.api(
      'PATCH',
      `/api/contests/${contestId}`,
      { title: 'Hội thi đã sửa tên', mode: 'team', tieBreak: ['correct_count'] },
      token,
    );
    expect(c.status).toBe(200);
    const r = await t.api(
      'PATCH',
      `/api/contests/${contestId}/rounds/${roundIds[0]}`,
      { title: 'Tăng tốc', settings: { scoring: 'fixed' } },
      token,
    );
    expect(r.status).toBe(200);
    const q = await t.api(
      'PATCH',
      `/api/contests/${contestId}/rounds/${roundIds[0]}/questions/${q1.id}`,
      {
        text: 'Câu 1 đã sửa',
        options: [
          { key: 'a', text: 'Có' },
          { key: 'b', text: 'Không' },
        ],
        correctKey: 'b',
        points: 500,
      },
      token,
    );
    expect(q.status).toBe(200);
    expect(
      (await t.api('DELETE', `/api/contests/${contestId}/rounds/${roundIds[0]}/questions/${q2.id}`, undefined, token))
        .status,
    ).toBe(204);
    expect((await t.api('DELETE', `/api/contests/${contestId}/rounds/${roundIds[1]}`, undefined, token)).status).toBe(
      204,
    );

    const after = await tree(contestId);
    expect(after.contest).toMatchObject({ title: 'Hội thi đã sửa tên', mode: 'team', tieBreak: ['correct_count'] });
    expect(after.rounds.map((x) => [x.title, x.position, x.settings.scoring ?? null])).toEqual([
      ['Tăng tốc', 1, 'fixed'],
      ['Vòng 3', 2, null],
    ]);
    expect(after.questions.map((x) => [x.text, x.position, x.correctKey, x.points])).toEqual([
      ['Câu 1 đã sửa', 1, 'b', 500],
      ['Câu 3', 2, 'c', 1000],
    ]);
  });

  it('refuses a right answer that is not an option', async () => {
    const { contestId, roundIds } = await makeContest(t, cast.organizer.token, {
      rounds: [{ title: 'Vòng 1', type: 'speed', questions: [{ text: 'Câu 1', correct: 'a' }] }],
    });
    const [q] = (await tree(contestId)).questions;
    const res = await t.api<{ code: string }>(
      'PATCH',
      `/api/contests/${contestId}/rounds/${roundIds[0]}/questions/${q.id}`,
      { correctKey: 'z' },
      cast.organizer.token,
    );
    expect(res.body.code).toBe('CORRECT_KEY_NOT_AN_OPTION');
  });

  it('keeps a played contest as it was', async () => {
    const { contestId, roundIds } = await makeContest(t, cast.organizer.token, {
      rounds: [{ title: 'Vòng 1', type: 'speed', questions: [{ text: 'Câu 1', correct: 'a' }] }],
    });
    await startSession(t, cast.organizer.token, contestId);
    const [q] = (await tree(contestId)).questions;
    for (const [method, path, body] of [
      ['PATCH', `/api/contests/${contestId}`, { title: 'Tên mới' }],
      ['PATCH', `/api/contests/${contestId}/rounds/${roundIds[0]}`, { title: 'Vòng mới' }],
      ['PATCH', `/api/contests/${contestId}/rounds/${roundIds[0]}/questions/${q.id}`, { text: 'Câu mới' }],
      ['DELETE', `/api/contests/${contestId}/rounds/${roundIds[0]}/questions/${q.id}`, undefined],
      ['DELETE', `/api/contests/${contestId}/rounds/${roundIds[0]}`, undefined],
    ] as const) {
      const res = await t.api<{ code: string }>(method, path, body, cast.organizer.token);
      expect([res.status, res.body.code]).toEqual([409, 'CONTEST_PLAYED']);
    }
    expect((await tree(contestId)).questions[0].text).toBe('Câu 1');
  });
});
