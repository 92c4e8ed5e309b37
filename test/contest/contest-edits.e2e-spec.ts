import type { QuestionView } from '@app/live-contest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { join, makeCast, makeContest, startSession, type Cast } from './contest-support.js';

/**
 * Changing a contest while a session of it is live: the session plays the snapshot taken when it
 * opened; the change applies to later sessions, and the API says which live sessions it missed.
 */
describe(`contest edits during a live session on ${TEST_DB}`, () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await makeCast(t, 1);
  });
  afterAll(async () => {
    await t.close();
  });

  it('plays the snapshot taken when the session opened; later sessions play the change', async () => {
    const { contestId, roundIds } = await makeContest(t, cast.organizer.token, {
      rounds: [{ title: 'Vòng 1', type: 'speed', questions: [{ text: 'Câu 1', correct: 'a' }] }],
    });
    const first = await startSession(t, cast.organizer.token, contestId);

    // Edits while the session is live: a question in the round, then a whole round.
    const added = await t.api<{ id: number }>(
      'POST',
      `/api/contests/${contestId}/rounds/${roundIds[0]}/questions`,
      {
        text: 'Câu 2 (thêm sau)',
        options: [
          { key: 'a', text: 'A' },
          { key: 'b', text: 'B' },
        ],
        correctKey: 'b',
      },
      cast.organizer.token,
    );
    expect(added.status).toBe(201);
    const round = await fetch(`${t.url}/api/contests/${contestId}/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.organizer.token}` },
      body: JSON.stringify({ title: 'Vòng 2 (thêm sau)', type: 'elimination' }),
    });
    expect(round.status).toBe(201);
    expect(round.headers.get('live-sessions-unaffected')).toBe(String(first.sessionId));
    const detail = await t.api<{ questions: unknown[]; liveSessions: { sessionId: number; pin: string }[] }>(
      'GET',
      `/api/contests/${contestId}`,
      undefined,
      cast.organizer.token,
    );
    expect(detail.body.questions).toHaveLength(2);
    expect(detail.body.liveSessions).toEqual([expect.objectContaining({ sessionId: first.sessionId, pin: first.pin })]);

    const host = await join(t.url, { role: 'host', sessionId: first.sessionId, token: cast.organizer.token });
    const player = await join(t.url, {
      role: 'player',
      pin: first.pin,
      name: 'Nguyễn Văn A',
      agencyId: cast.agencies[0],
    });
    expect(await host.send('host:start')).toMatchObject({ ok: true, index: 0 });
    const q = (await player.next('question')) as QuestionView;
    expect(q).toMatchObject({ index: 0, total: 1, text: 'Câu 1' });
    await host.send('host:reveal');
    expect(await host.send('host:next')).toMatchObject({ ok: true, phase: 'finished' });
    expect(await host.send('host:end')).toMatchObject({ ok: true, phase: 'ended' });
    const results = await t.api<{ questions: unknown[] }>(
      'GET',
      `/api/contest-sessions/${first.sessionId}/results`,
      undefined,
      cast.organizer.token,
    );
    expect(results.body.questions).toHaveLength(1);
    host.socket.close();
    player.socket.close();

    // No session is live now: no header; a new session plays the contest as it is now.
    const quiet = await fetch(`${t.url}/api/contests/${contestId}/rounds/${roundIds[0]}/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.organizer.token}` },
      body: JSON.stringify({
        text: 'Câu 3',
        options: [
          { key: 'a', text: 'A' },
          { key: 'b', text: 'B' },
        ],
        correctKey: 'a',
      }),
    });
    expect(quiet.status).toBe(201);
    expect(quiet.headers.get('live-sessions-unaffected')).toBeNull();
    const second = await startSession(t, cast.organizer.token, contestId);
    const host2 = await join(t.url, { role: 'host', sessionId: second.sessionId, token: cast.organizer.token });
    const player2 = await join(t.url, {
      role: 'player',
      pin: second.pin,
      name: 'Trần Thị B',
      agencyId: cast.agencies[0],
    });
    await host2.send('host:start');
    expect(await player2.next('question')).toMatchObject({ index: 0, total: 3 });
    await host2.send('host:end');
    host2.socket.close();
    player2.socket.close();
  });
});
