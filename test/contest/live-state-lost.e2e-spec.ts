import { jest } from '@jest/globals';
import { LIVE_STORE, type LiveStore } from '../../libs/live-contest/src/live/live-store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { join, makeCast, makeContest, startSession } from './contest-support.js';

jest.setTimeout(30_000);

describe('a live session whose live state is gone (Redis restarted without persistence)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('tells the host and the players plainly, instead of "not running"', async () => {
    t = await startTestApp();
    const cast = await makeCast(t, 1);
    const { contestId } = await makeContest(t, cast.organizer.token, {
      rounds: [{ title: 'Vòng 1', type: 'speed', questions: [{ text: 'Câu hỏi', correct: 'a' }] }],
    });
    const session = await startSession(t, cast.organizer.token, contestId);
    const host = await join(t.url, { role: 'host', sessionId: session.sessionId, token: cast.organizer.token });
    const player = await join(t.url, {
      role: 'player',
      pin: session.pin,
      name: 'Lê Văn Tám',
      agencyId: cast.agencies[0],
    });

    await t.app.get<LiveStore>(LIVE_STORE).drop(session.sessionId, 1);

    expect(await host.send('host:start')).toMatchObject({ ok: false, code: 'LIVE_STATE_LOST' });
    expect(await player.send('answer', { index: 0, choice: 'a' })).toMatchObject({
      ok: false,
      code: 'LIVE_STATE_LOST',
    });
    await expect(
      join(t.url, { role: 'host', sessionId: session.sessionId, token: cast.organizer.token }),
    ).rejects.toThrow(/LIVE_STATE_LOST: .*Redis restarted without persistence/);
    host.close();
    player.close();
  });
});
