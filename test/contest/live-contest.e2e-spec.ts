import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '@app/platform';
import type { PlayerResult, QuestionView, WelcomePlayer, WelcomeStaff } from '@app/live-contest';
import { speedPoints } from '../../libs/live-contest/src/domain/scoring.js';
import { makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ContestClient, join, makeCast, makeContest, sleep, startSession, type Cast } from './contest-support.js';

jest.setTimeout(30_000);

describe('a live contest played over socket.io', () => {
  let t: TestApp;
  let cast: Cast;
  let contestId: number;
  let judgedRoundId: number;
  let session: { sessionId: number; pin: string; viewToken: string };
  let host: ContestClient;
  let projector: ContestClient;
  const players: ContestClient[] = [];
  const tokens: string[] = [];
  const sent = new Map<ContestClient, Map<number, string>>();
  const revealAskedAt = new Map<number, number>();
  const results = new Map<ContestClient, PlayerResult[]>();

  const answer = async (p: ContestClient, index: number, choice: string) => {
    const ack = await p.send('answer', { index, choice });
    if (ack.ok) sent.get(p)!.set(index, choice);
    return ack;
  };
  const reveal = async (index: number) => {
    revealAskedAt.set(index, Date.now());
    const ack = await host.send('host:reveal');
    expect(ack).toMatchObject({ ok: true, phase: 'reveal' });
    for (const p of players) {
      if (p.socket.connected) results.get(p)!.push(await p.next('question:result', (r) => r.index === index));
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    cast = await makeCast(t, 2);
    const built = await makeContest(t, cast.organizer.token, {
      rounds: [
        {
          title: 'Tăng tốc',
          type: 'speed',
          questions: [
            { text: 'Câu 1', correct: 'b', timeLimitSec: 20 },
            { text: 'Câu 2', correct: 'a', timeLimitSec: 1 },
          ],
        },
        {
          title: 'Khởi động',
          type: 'buzzer',
          settings: { plus: 10, minus: 5, answerSeconds: 3 },
          questions: [{ text: 'Câu 3', correct: 'c', timeLimitSec: 10 }],
        },
        {
          title: 'Rung chuông vàng',
          type: 'elimination',
          questions: [
            { text: 'Câu 4', correct: 'a', points: 100, timeLimitSec: 10 },
            { text: 'Câu 5', correct: 'd', points: 100, timeLimitSec: 10 },
          ],
        },
        { title: 'Xử lý tình huống', type: 'judged', settings: { judgeMethod: 'trimmed_mean', trim: 1 } },
      ],
    });
    contestId = built.contestId;
    judgedRoundId = built.roundIds[3];
    session = await startSession(t, cast.organizer.token, contestId);
    host = await join(t.url, { role: 'host', sessionId: session.sessionId, token: cast.organizer.token });
    projector = await join(t.url, { role: 'projector', sessionId: session.sessionId, viewToken: session.viewToken });
  });

  afterAll(async () => {
    for (const c of [host, projector, ...players]) c?.close();
    await t.close();
  });

  it('gives the host and the projector the PIN and the lobby', async () => {
    const w = (await host.next('welcome')) as WelcomeStaff;
    expect(w).toMatchObject({ role: 'host', pin: session.pin, phase: 'lobby', players: 0 });
    expect(session.pin).toMatch(/^\d{6}$/);
    expect(((await projector.next('welcome')) as WelcomeStaff).role).toBe('projector');
  });

  it('refuses an unknown PIN with a reason, and a malformed handshake naming each bad field', async () => {
    const wrongPin = session.pin === '999999' ? '999998' : '999999';
    const c = new ContestClient(t.url, { role: 'player', pin: wrongPin, name: 'An', agencyId: cast.agencies[0] });
    expect(await c.next('error')).toMatchObject({ ok: false, code: 'PIN_NOT_FOUND' });
    await c.disconnected();
    const bad = new ContestClient(t.url, { role: 'player', pin: '12', name: '', agencyId: 'x' } as never);
    const e = await bad.next('error');
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toMatch(/pin/);
    expect(e.message).toMatch(/agencyId/);
    bad.close();
  });

  it('lets players join with PIN, name and agency, and tells the host', async () => {
    for (const [name, agency] of [
      ['Nguyễn Văn An', cast.agencies[0]],
      ['Trần Thị Bình', cast.agencies[0]],
      ['Lê Văn Cường', cast.agencies[1]],
    ] as const) {
      const p = await join(t.url, { role: 'player', pin: session.pin, name, agencyId: agency });
      const w = (await p.next('welcome')) as WelcomePlayer;
      expect(w).toMatchObject({ role: 'player', phase: 'lobby', self: { name, agencyId: agency, score: 0 } });
      expect(w.playerToken.length).toBeGreaterThanOrEqual(16);
      players.push(p);
      tokens.push(w.playerToken);
      sent.set(p, new Map());
      results.set(p, []);
    }
    expect(await host.next('lobby:players', (l) => l.count === 3)).toBeTruthy();
  });

  it('refuses host controls to a player, the projector, another organizer and a forged token', async () => {
    expect(await players[0].send('host:start')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await players[0].send('host:kick', { playerId: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await projector.send('host:next')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const stranger = await makeUser(t, Role.Organizer, cast.agencies[1]);
    await expect(join(t.url, { role: 'host', sessionId: session.sessionId, token: stranger.token })).rejects.toThrow(
      /FORBIDDEN/,
    );
    const official = await makeUser(t, Role.Official, cast.agencies[1]);
    await expect(join(t.url, { role: 'host', sessionId: session.sessionId, token: official.token })).rejects.toThrow(
      /FORBIDDEN/,
    );
    await expect(
      join(t.url, { role: 'host', sessionId: session.sessionId, token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' }),
    ).rejects.toThrow(/UNAUTHENTICATED/);
    // Nothing moved.
    expect(players[0].of('question')).toHaveLength(0);
  });

  it('speed round: the server clock, one acknowledged answer per player, points by speed', async () => {
    const [p1, p2, p3] = players;
    expect(await host.send('host:start')).toMatchObject({ ok: true, phase: 'question', index: 0 });
    const q = await p1.next('question');
    expect(q).toMatchObject({ index: 0, total: 5, roundType: 'speed', timeLimitMs: 20000 });
    expect(q.deadline - q.serverTime).toBeGreaterThan(19000);
    expect(q.options.every((o) => Object.keys(o).sort().join() === 'key,text')).toBe(true);
    expect(JSON.stringify(q)).not.toContain('correct');

    const a1 = await answer(p1, 0, 'b');
    expect(a1.ok).toBe(true);
    expect(await answer(p1, 0, 'c')).toMatchObject({ ok: false, code: 'ALREADY_ANSWERED' });
    // the same answer again (its acknowledgement lost) is acknowledged again, with the first receive time
    expect(await answer(p1, 0, 'b')).toEqual(a1);
    expect(await answer(p2, 0, 'c')).toMatchObject({ ok: true });
    await sleep(300);
    const a3 = await answer(p3, 0, 'b');
    expect(await answer(p3, 1, 'a')).toMatchObject({ ok: false, code: 'QUESTION_CLOSED' });
    expect(await host.next('host:answers', (h) => h.index === 0 && h.answered === 3)).toMatchObject({ players: 3 });

    // pause stops the clock; answers wait
    expect(await host.send('host:pause')).toMatchObject({ ok: true, phase: 'paused' });
    expect(await p1.next('question:timing', (x) => x.paused)).toMatchObject({ index: 0, deadline: null });
    expect(await host.send('host:resume')).toMatchObject({ ok: true, phase: 'question' });
    const resumed = await p1.next('question:timing', (x) => !x.paused);
    expect(resumed.deadline! - resumed.serverTime).toBeGreaterThan(15000);

    await reveal(0);
    const startedAt = q.deadline - q.timeLimitMs;
    const r1 = results.get(p1)![0];
    expect(r1).toMatchObject({ correct: true, correctKey: 'b', choice: 'b', streak: 1 });
    expect(r1.points).toBe(speedPoints(1000, (a1 as { receivedAt: number }).receivedAt - startedAt, 20000));
    expect(results.get(p2)![0]).toMatchObject({ correct: false, points: 0, choice: 'c', score: 0 });
    const r3 = results.get(p3)![0];
    expect(r3.points).toBe(speedPoints(1000, (a3 as { receivedAt: number }).receivedAt - startedAt, 20000));
    expect(r1.points).toBeGreaterThan(r3.points);
    expect(r1.rank).toBe(1);
    expect(r3.rank).toBe(2);
    expect(results.get(p2)![0]).toMatchObject({ correctKey: 'b', answered: 3, counts: { a: 0, b: 2, c: 1, d: 0 } });
    expect(await host.next('question:reveal')).toMatchObject({ index: 0, correctKey: 'b', answered: 3 });
    expect(p2.of('question:reveal')).toHaveLength(0); // players get one message each: their result
  });

  it('refuses an answer that arrives after the deadline, with the reason', async () => {
    const [p1, , p3] = players;
    await host.send('host:next');
    const q = await p1.next('question', (x) => x.index === 1);
    expect(q.timeLimitMs).toBe(1000);
    expect(await answer(p3, 1, 'a')).toMatchObject({ ok: true });
    await sleep(q.deadline - Date.now() + 150);
    const late = await answer(p1, 1, 'a');
    expect(late).toMatchObject({ ok: false, code: 'TOO_LATE' });
    expect(late.ok === false && late.message).toMatch(/closed/);
    expect(await host.next('question:closed')).toEqual({ index: 1 });
    await reveal(1);
    expect(results.get(p1)![1]).toMatchObject({ choice: null, correct: false, streak: 0 });
    expect(results.get(p3)![1]).toMatchObject({ correct: true, streak: 2 });
  });

  it('restores score, streak and the current question to a player who reconnects mid-question', async () => {
    const [p1, p2] = players;
    expect(await host.send('host:leaderboard')).toMatchObject({ ok: true, phase: 'leaderboard' });
    const board = await p2.next('leaderboard');
    const leader = [...players].sort((x, y) => results.get(y)![1].score - results.get(x)![1].score)[0];
    expect(board.rows[0]).toMatchObject({ rank: 1, score: results.get(leader)![1].score });
    await host.send('host:next');
    await p2.next('question', (x) => x.index === 2);
    expect(await p2.send('buzz', { index: 2 })).toMatchObject({ ok: true, won: true });
    expect(await p1.send('buzz', { index: 2 })).toMatchObject({ ok: true, won: false });
    const won = await p1.next('buzzer:won');
    expect(won).toMatchObject({ index: 2, name: 'Trần Thị Bình' });
    expect(await answer(p1, 2, 'c')).toMatchObject({ ok: false, code: 'NOT_YOUR_TURN' });

    // p1 drops and comes back with the token
    const before = results.get(p1)!.at(-1)!;
    p1.close();
    const again = await join(t.url, { role: 'player', playerToken: tokens[0] });
    const w = (await again.next('welcome')) as WelcomePlayer;
    expect(w.self).toMatchObject({ score: before.score, streak: before.streak, name: 'Nguyễn Văn An' });
    expect(w.question).toMatchObject({ index: 2, roundType: 'buzzer' } satisfies Partial<QuestionView>);
    expect(w.answered).toBeNull();
    players[0] = again;
    sent.set(again, sent.get(p1)!);
    results.set(again, results.get(p1)!);

    // the winner answers wrong: −5 (it has 0 points: stays at 0, never below)
    expect(await answer(p2, 2, 'a')).toMatchObject({ ok: true });
    const p2again = await join(t.url, { role: 'player', playerToken: tokens[1] });
    expect(((await p2again.next('welcome')) as WelcomePlayer).answered).toEqual({ choice: 'a' });
    p2.close();
    players[1] = p2again;
    sent.set(p2again, sent.get(p2)!);
    results.set(p2again, results.get(p2)!);
    await reveal(2);
    expect(results.get(p2again)![2]).toMatchObject({ correct: false, points: 0, score: 0 });
  });

  it('elimination round: a wrong answer or none eliminates; the eliminated may not answer', async () => {
    const [p1, p2, p3] = players;
    expect(await host.send('host:next')).toMatchObject({ ok: true, index: 3 });
    await p1.next('question', (x) => x.index === 3);
    expect(await answer(p1, 3, 'a')).toMatchObject({ ok: true });
    expect(await answer(p2, 3, 'b')).toMatchObject({ ok: true });
    await reveal(3);
    expect(results.get(p3)![3]).toMatchObject({ standing: 1 });
    expect(results.get(p2)![3]).toMatchObject({ eliminated: true });
    expect(results.get(p3)![3]).toMatchObject({ eliminated: true });
    expect(results.get(p1)![3]).toMatchObject({ eliminated: false, points: 100 });
    await host.send('host:next');
    await p1.next('question', (x) => x.index === 4);
    expect(await answer(p2, 4, 'd')).toMatchObject({ ok: false, code: 'ELIMINATED' });
    expect(await answer(p1, 4, 'd')).toMatchObject({ ok: true });
    await reveal(4);
    expect(await host.send('host:next')).toMatchObject({ ok: true, phase: 'finished' });
  });

  it('judge-scored round, end of session, results per player, agency and question, Excel export', async () => {
    const [a, b] = cast.agencies;
    for (const [agencyId, judge, score] of [
      [a, 'Giám khảo 1', 8],
      [a, 'Giám khảo 2', 9],
      [a, 'Giám khảo 3', 2],
      [b, 'Giám khảo 1', 7],
      [b, 'Giám khảo 2', 7],
      [b, 'Giám khảo 3', 10],
    ] as const) {
      const r = await t.api(
        'POST',
        `/api/contest-sessions/${session.sessionId}/judge-scores`,
        { roundId: judgedRoundId, agencyId, judge, score },
        cast.organizer.token,
      );
      expect(r.status).toBe(201);
    }
    expect(await host.send('host:end')).toMatchObject({ ok: true, phase: 'ended' });
    await players[0].next('session:ended');

    const res = await t.api<{
      players: { subjectId: number; label: string; score: number; rank: number; agencyId: number }[];
      agencies: { agencyId: number; score: number; participants: number }[];
      questions: { answerCount: number; correctCount: number }[];
    }>('GET', `/api/contest-sessions/${session.sessionId}/results`, undefined, cast.organizer.token);
    expect(res.status).toBe(200);
    const finalScore = (p: ContestClient) => results.get(p)!.at(-1)!.score;
    const byName = new Map(res.body.players.map((p) => [p.label, p]));
    expect(byName.get('Nguyễn Văn An')!.score).toBe(finalScore(players[0]));
    expect(byName.get('Trần Thị Bình')!.score).toBe(finalScore(players[1]));
    expect(byName.get('Lê Văn Cường')!.score).toBe(finalScore(players[2]));
    const best = Math.max(...players.map(finalScore));
    for (const row of res.body.players) expect(row.rank === 1).toBe(row.score === best);
    // trimmed mean of (8, 9, 2) is 8; of (7, 7, 10) is 7
    const agencyA = res.body.agencies.find((x) => x.agencyId === a)!;
    const agencyB = res.body.agencies.find((x) => x.agencyId === b)!;
    expect(agencyA.score).toBe(finalScore(players[0]) + finalScore(players[1]) + 8);
    expect(agencyB.score).toBe(finalScore(players[2]) + 7);
    expect(agencyA.participants).toBe(2);
    expect(res.body.questions.map((q) => [q.answerCount, q.correctCount])).toEqual([
      [3, 2],
      [1, 1],
      [1, 0],
      [2, 1],
      [1, 1],
    ]);

    const xlsx = await fetch(`${t.url}/api/contest-sessions/${session.sessionId}/results.xlsx`, {
      headers: { authorization: `Bearer ${cast.organizer.token}` },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Cá nhân')!.getRow(1).getCell(2).value).toBe('Họ và tên');
    expect(wb.getWorksheet('Đơn vị')!.rowCount).toBe(3);
  });

  it('never sent a player the answer key before the reveal, nor anyone else’s answer', () => {
    for (const p of players) {
      const mine = sent.get(p)!;
      for (const r of p.received) {
        const json = JSON.stringify(r.payload);
        if (json.includes('correctKey')) {
          expect(['question:reveal', 'question:result']).toContain(r.event);
          const index = (r.payload as { index: number }).index;
          expect(r.at).toBeGreaterThanOrEqual(revealAskedAt.get(index)!);
        }
        if (r.event === 'question') expect(json).not.toMatch(/correct|choice/);
        if (json.includes('"choice"')) {
          expect(['question:result', 'welcome']).toContain(r.event);
          const { index, choice } = r.payload as { index: number; choice: string | null };
          if (r.event === 'question:result') expect(choice).toBe(mine.get(index) ?? null);
        }
      }
    }
  });
});
