import { randomBytes } from 'node:crypto';
import {
  MemoryLiveStore,
  type LivePlayer,
  type LiveState,
  type LiveStore,
} from '../../libs/live-contest/src/live/live-store.js';
import { RedisLiveStore } from '../../libs/live-contest/src/live/redis-live-store.js';

const REDIS_URL = process.env.TEST_REDIS_URL;

const lobby: LiveState = {
  phase: 'lobby',
  index: -1,
  startedAt: 0,
  deadline: 0,
  remainingMs: null,
  buzz: null,
  locked: false,
  rev: 0,
};
const player = (id: number, score = 0): LivePlayer => ({
  id,
  name: `Người ${id}`,
  agencyId: 1,
  score,
  streak: 0,
  eliminatedAt: null,
  correctCount: 0,
  answerCount: 0,
  correctTimeMs: 0,
  suddenDeath: 0,
  kicked: false,
});

const stores: [string, () => Promise<LiveStore>][] = [['memory', async () => new MemoryLiveStore()]];
if (REDIS_URL) {
  stores.push(['redis', () => RedisLiveStore.connect(REDIS_URL, `test:${randomBytes(4).toString('hex')}:`)]);
}

describe.each(stores)('the %s live store', (_name, make) => {
  let store: LiveStore;
  const sid = 7;
  beforeAll(async () => {
    store = await make();
  });
  afterAll(async () => {
    await store.drop(sid, 3);
    await store.close();
  });

  it('changes the state only from the revision the caller read', async () => {
    expect(await store.state(sid)).toBeNull();
    expect(await store.casState(sid, 0, lobby)).toBe(true);
    expect(await store.casState(sid, 0, { ...lobby, phase: 'question' })).toBe(false);
    const s = (await store.state(sid))!;
    expect(s).toMatchObject({ phase: 'lobby', rev: 1 });
    const racers = await Promise.all([1, 2, 3].map((i) => store.casState(sid, 1, { ...s, index: i })));
    expect(racers.filter(Boolean)).toHaveLength(1);
    expect((await store.state(sid))!.rev).toBe(2);
  });

  it('records one answer per player and question, whoever races', async () => {
    const tries = await Promise.all(
      ['a', 'b', 'c'].map((choice, i) => store.addAnswer(sid, 0, 5, { choice, at: 1000 + i, responseMs: i })),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect(await store.addAnswer(sid, 0, 6, { choice: 'd', at: 2000, responseMs: 10 })).toBe(true);
    expect(await store.addAnswer(sid, 1, 5, { choice: 'a', at: 3000, responseMs: 10 })).toBe(true);
    expect(await store.answerCount(sid, 0)).toBe(2);
    expect((await store.answers(sid, 0)).get(6)).toEqual({ choice: 'd', at: 2000, responseMs: 10 });
    expect(await store.answer(sid, 2, 5)).toBeNull();
  });

  it('gives the buzzer to the first claim only', async () => {
    const winners = await Promise.all([11, 12, 13].map((id) => store.claimBuzz(sid, 2, id)));
    expect(new Set(winners).size).toBe(1);
    expect(await store.claimBuzz(sid, 2, 99)).toBe(winners[0]);
  });

  it('keeps players and their scores', async () => {
    await store.putPlayers(sid, [player(1), player(2, 30)]);
    await store.putPlayers(sid, [player(1, 15)]);
    expect(await store.playerCount(sid)).toBe(2);
    expect((await store.player(sid, 1))!.score).toBe(15);
    expect((await store.players(sid)).map((p) => p.score).sort()).toEqual([15, 30]);
  });

  it('forgets a dropped session', async () => {
    await store.drop(sid, 3);
    expect(await store.state(sid)).toBeNull();
    expect(await store.playerCount(sid)).toBe(0);
    expect(await store.answerCount(sid, 0)).toBe(0);
  });
});
