import { jest } from '@jest/globals';
import type { JoinInfo, WelcomeStaff } from '@app/live-contest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ContestClient, join, makeCast, makeContest, startSession, type Cast } from './contest-support.js';

jest.setTimeout(30_000);

/** What the web screens need beyond the game itself: the join form's data, a reloaded host's lobby, agency standings. */
describe('live contest data for the screens', () => {
  let t: TestApp;
  let cast: Cast;
  let session: { sessionId: number; pin: string; viewToken: string };
  const open: ContestClient[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    cast = await makeCast(t, 2);
    const { contestId } = await makeContest(t, cast.organizer.token, {
      mode: 'team',
      teamScoring: 'mean',
      rounds: [
        {
          title: 'Vòng 1',
          type: 'speed',
          settings: { scoring: 'fixed' },
          questions: [{ text: 'Câu 1', correct: 'a' }],
        },
      ],
    });
    session = await startSession(t, cast.organizer.token, contestId);
  });

  afterAll(async () => {
    for (const c of open) c.close();
    await t.close();
  });

  it('tells a phone without an account the contest title and the agencies behind a PIN', async () => {
    const res = await t.api<JoinInfo>('GET', `/api/contest-join/${session.pin}`);
    expect(res.status).toBe(200);
    expect(res.body.contestTitle).toBe('Hội thi tìm hiểu cải cách hành chính');
    expect(res.body.agencies.map((a) => a.id)).toEqual(expect.arrayContaining(cast.agencies));
  });

  it('refuses an unknown PIN with PIN_NOT_FOUND and a malformed one as invalid', async () => {
    const wrong = session.pin === '999999' ? '999998' : '999999';
    expect((await t.api<{ code: string }>('GET', `/api/contest-join/${wrong}`)).body.code).toBe('PIN_NOT_FOUND');
    expect((await t.api('GET', '/api/contest-join/12ab')).status).toBe(400);
  });

  it('gives a reconnecting host the players in the lobby, and the leaderboard ranks agencies by mean score', async () => {
    const players: ContestClient[] = [];
    for (const [name, agency] of [
      ['An', 0],
      ['Bình', 0],
      ['Chi', 1],
    ] as const) {
      players.push(await join(t.url, { role: 'player', pin: session.pin, name, agencyId: cast.agencies[agency] }));
    }
    open.push(...players);
    const host = await join(t.url, { role: 'host', sessionId: session.sessionId, token: cast.organizer.token });
    open.push(host);
    const welcome = (await host.next('welcome')) as WelcomeStaff;
    expect(welcome.lobby?.map((p) => p.name).sort()).toEqual(['An', 'Bình', 'Chi']);

    expect((await host.send('host:start')).ok).toBe(true);
    const q = await players[0].next('question');
    await players[0].send('answer', { index: q.index, choice: 'a' });
    await players[1].send('answer', { index: q.index, choice: 'b' });
    await players[2].send('answer', { index: q.index, choice: 'a' });
    expect((await host.send('host:reveal')).ok).toBe(true);
    expect((await host.send('host:leaderboard')).ok).toBe(true);
    const board = await players[2].next('leaderboard');
    expect(board.rows.map((r) => [r.name, r.score, typeof r.playerId])).toEqual([
      ['An', 1000, 'number'],
      ['Chi', 1000, 'number'],
      ['Bình', 0, 'number'],
    ]);
    expect(board.agencies).toEqual([
      { rank: 1, agencyId: cast.agencies[1], score: 1000, players: 1 },
      { rank: 2, agencyId: cast.agencies[0], score: 500, players: 2 },
    ]);
  });
});
