import { jest } from '@jest/globals';
import type { WelcomePlayer } from '@app/live-contest';
import { freshTestConfig } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ContestClient, join, makeCast, makeContest, startSession } from './contest-support.js';

jest.setTimeout(60_000);

const REDIS_URL = process.env.TEST_REDIS_URL;
const NAMES = ['Hồ Văn Một', 'Đỗ Thị Hai', 'Vũ Văn Ba', 'Phan Thị Bốn', 'Mai Văn Năm', 'Lý Thị Sáu'];
/** What each player answers to each question (null: no answer). Keys: a right for 0, b for 1, c for 2, a for 3. */
const ANSWERS: (string | null)[][] = [
  ['a', 'b', 'c', 'a'],
  ['a', 'a', 'c', 'b'],
  ['b', 'b', null, 'a'],
  ['a', 'b', 'c', 'a'],
  [null, 'b', 'a', 'a'],
  ['a', 'c', 'c', null],
];
/** In question 1 these players answer only after the crash (the others before it). */
const AFTER_CRASH = new Set([2, 5]);

interface Run {
  scores: Map<string, number>;
  welcomesAfterCrash: { sent: string | null; restored: string | null; scoreBefore: number; scoreAfter: number }[];
}

/**
 * Plays the same contest with the same answers. `playerApp(i)` says where player i connects; with
 * `crash`, the instance `crash.victim` is closed in the middle of question 1 and its players
 * reconnect with their tokens to `crash.survivor`.
 */
async function play(
  hostApp: TestApp,
  playerApp: (i: number) => TestApp,
  crash?: { victim: TestApp; survivor: TestApp },
): Promise<Run> {
  const cast = await makeCast(hostApp, 2);
  const { contestId } = await makeContest(hostApp, cast.organizer.token, {
    rounds: [
      {
        title: 'Vượt chướng ngại vật',
        type: 'speed',
        settings: { scoring: 'fixed', streakBonus: 50, streakCap: 3 },
        questions: [
          { text: 'Câu 1', correct: 'a', points: 100 },
          { text: 'Câu 2', correct: 'b', points: 200 },
          { text: 'Câu 3', correct: 'c', points: 300 },
        ],
      },
      { title: 'Rung chuông vàng', type: 'elimination', questions: [{ text: 'Câu 4', correct: 'a', points: 10 }] },
    ],
  });
  const session = await startSession(hostApp, cast.organizer.token, contestId);
  const host = await join(hostApp.url, { role: 'host', sessionId: session.sessionId, token: cast.organizer.token });
  const players: ContestClient[] = [];
  const tokens: string[] = [];
  const score = new Map<number, number>();
  for (let i = 0; i < NAMES.length; i++) {
    const p = await join(playerApp(i).url, {
      role: 'player',
      pin: session.pin,
      name: NAMES[i],
      agencyId: cast.agencies[i % 2],
    });
    tokens.push(((await p.next('welcome')) as WelcomePlayer).playerToken);
    players.push(p);
    score.set(i, 0);
  }
  const welcomesAfterCrash: Run['welcomesAfterCrash'] = [];
  const answer = async (i: number, q: number) => {
    const choice = ANSWERS[i][q];
    if (choice === null) return;
    expect(await players[i].send('answer', { index: q, choice })).toMatchObject({ ok: true });
  };

  for (let q = 0; q < 4; q++) {
    expect(await host.send(q === 0 ? 'host:start' : 'host:next')).toMatchObject({ ok: true, index: q });
    for (const p of players) await p.next('question', (x) => x.index === q);
    const crashing = q === 1 && crash;
    for (let i = 0; i < players.length; i++) if (!(crashing && AFTER_CRASH.has(i))) await answer(i, q);
    if (crashing) {
      const onVictim = players.map((_, i) => i).filter((i) => playerApp(i) === crash.victim);
      const gone = onVictim.map((i) => players[i].disconnected());
      await crash.victim.close({ keepDatabase: true });
      await Promise.all(gone);
      for (const i of onVictim) {
        const again = await join(crash.survivor.url, { role: 'player', playerToken: tokens[i] });
        const w = (await again.next('welcome')) as WelcomePlayer;
        expect(w.question).toMatchObject({ index: 1 });
        welcomesAfterCrash.push({
          sent: AFTER_CRASH.has(i) ? null : ANSWERS[i][1],
          restored: w.answered?.choice ?? null,
          scoreBefore: score.get(i)!,
          scoreAfter: w.self.score,
        });
        players[i] = again;
      }
      for (const i of AFTER_CRASH) await answer(i, q);
    }
    expect(await host.send('host:reveal')).toMatchObject({ ok: true });
    for (let i = 0; i < players.length; i++) {
      const r = await players[i].next('question:result', (x) => x.index === q);
      score.set(i, r.score);
    }
  }
  await host.send('host:next');
  expect(await host.send('host:end')).toMatchObject({ ok: true, phase: 'ended' });
  const res = await hostApp.api<{ players: { label: string; score: number }[] }>(
    'GET',
    `/api/contest-sessions/${session.sessionId}/results`,
    undefined,
    cast.organizer.token,
  );
  for (const c of [host, ...players]) c.close();
  return { scores: new Map(res.body.players.map((p) => [p.label, p.score])), welcomesAfterCrash };
}

describe('one contest on two instances sharing Redis', () => {
  beforeAll(() => {
    // The test command always starts a private Redis; run alone, this says what is missing instead of skipping.
    if (!REDIS_URL) throw new Error('TEST_REDIS_URL is not set: start Redis with scripts/services.sh start DIR');
  });

  let a: TestApp;
  let b: TestApp;
  let single: TestApp;
  let twoRun: Run;
  let oneRun: Run;

  beforeAll(async () => {
    const config = await freshTestConfig({
      REDIS_URL: REDIS_URL!,
      JWT_SECRET: 'two-instance-test-secret-0123456789abcdef',
    });
    a = await startTestApp({}, config);
    b = await startTestApp({}, config);
    twoRun = await play(b, (i) => (i < 3 ? a : b), { victim: a, survivor: b });
    single = await startTestApp();
    oneRun = await play(single, () => single);
  });

  afterAll(async () => {
    await b?.close();
    await single?.close();
  });

  it('loses no acknowledged answer when an instance dies mid-question; its players rejoin the other', () => {
    expect(twoRun.welcomesAfterCrash).toHaveLength(3);
    for (const w of twoRun.welcomesAfterCrash) {
      expect(w.restored).toBe(w.sent);
      expect(w.scoreAfter).toBe(w.scoreBefore);
    }
  });

  it('ends with the same scores as the same answers played on one instance', () => {
    expect(twoRun.scores.size).toBe(NAMES.length);
    expect([...twoRun.scores.values()].some((s) => s > 0)).toBe(true);
    expect(twoRun.scores).toEqual(oneRun.scores);
  });
});
