import { jest } from '@jest/globals';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { Role } from '@app/platform';
import type { ClientEvent } from '@app/live-contest';
import { AnswerDto, BuzzDto, KickDto, LockDto } from '../../libs/live-contest/src/dto/socket.dto.js';
import { ContestClient, join, makeContest, startSession } from '../contest/contest-support.js';
import { makeAgency, makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { bodyText, dtoShaped, junkValue, pathValue, queryString, uploadFile } from './fuzz-inputs.js';
import { routeTable, socketEvents, type Route } from './route-table.js';
import { buildWorld, type World } from './security-world.js';
import { stateDigest } from './state-digest.js';

/**
 * Property-based inputs to every HTTP route of the running app and every socket event of the
 * contest protocol, sent as a user the route admits: no 5xx, no crash, the process stays healthy,
 * and a refused input changes no row of any table. FUZZ_RUNS sets the cases per route, FUZZ_SEED
 * replays a run.
 */
jest.setTimeout(300_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? (TEST_DB === 'mysql' ? 8 : 20));
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Every client → server event of protocol.ts: adding one there fails the type-check until it is listed here. */
const PROTOCOL_EVENTS: Record<ClientEvent, true> = {
  answer: true,
  buzz: true,
  'host:start': true,
  'host:next': true,
  'host:reveal': true,
  'host:leaderboard': true,
  'host:pause': true,
  'host:resume': true,
  'host:end': true,
  'host:lock': true,
  'host:kick': true,
};

/** Socket message DTOs, to shape payloads; events without one take an empty message. */
const EVENT_DTOS: Partial<Record<ClientEvent, new () => object>> = {
  answer: AnswerDto,
  buzz: BuzzDto,
  'host:lock': LockDto,
  'host:kick': KickDto,
};

interface HttpCase {
  path: string;
  token: string | undefined;
  body?: string;
  file?: { bytes: Uint8Array; name: string; fields: [string, string][] };
}

interface Finding {
  where: string;
  input: string;
  got: string;
}

/** Whether the payload reaches the server as nothing or {} (socket.io sends JSON). */
const arrivesEmpty = (p: unknown): boolean => {
  const text = JSON.stringify(p);
  return text === undefined || text === 'null' || text === '{}';
};

/** Whether a host:kick payload names the given player (KickDto turns "7" into 7). */
const kicksOurPlayer = (p: unknown, playerId: number): boolean => {
  const id = (p as { playerId?: unknown } | null | undefined)?.playerId;
  return (typeof id === 'number' || typeof id === 'string') && Number(id) === playerId;
};

const short = (s: string, n = 300): string => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

describe(`fuzz: every HTTP route and socket event (${TEST_DB})`, () => {
  let t: TestApp;
  let w: World;
  let db: DataSource;
  let routes: Route[];
  const findings: Finding[] = [];
  const crashes: unknown[] = [];
  const figures = {
    routes: 0,
    events: 0,
    http: 0,
    httpRejected: 0,
    socket: 0,
    socketRejected: 0,
    handshakes: 0,
    fivexx: 0,
    digestMs: 0,
    digests: 0,
  };
  /** The digest, timed (it is most of the suite's cost on SQLite). */
  const digestNow = async (): Promise<string> => {
    const t0 = performance.now();
    const d = await stateDigest(db);
    figures.digestMs += performance.now() - t0;
    figures.digests++;
    return d;
  };
  const onCrash = (e: unknown) => crashes.push(e);

  beforeAll(async () => {
    // Logins unthrottled here so that inputs reach the code behind the limiter (abuse.e2e-spec tests the limit).
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '1000000', LOG_LEVEL: 'error' }); // a 500's stack shows in the output;
    w = await buildWorld(t);
    db = t.app.get(DataSource);
    routes = routeTable(t.app);
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
    await t.close();
  });

  let s: { sessionId: number; pin: string; viewToken: string; hostToken: string; agencyId: number };
  /**
   * A contest session of its own, with a fresh organizer and agency: the HTTP fuzz may have ended
   * the world's session, deactivated its agencies or changed its users.
   */
  const freshSession = async () => {
    const agency = await makeAgency(t, { name: 'Sở thử nghiệm' });
    const organizer = await makeUser(t, Role.Organizer, agency.id);
    const { contestId } = await makeContest(t, organizer.token, {
      rounds: [{ title: 'Vòng 1', type: 'speed', questions: [{ text: 'Câu hỏi', correct: 'a' }] }],
    });
    return { ...(await startSession(t, organizer.token, contestId)), hostToken: organizer.token, agencyId: agency.id };
  };

  /** Sends one case; a status and the text of the reply. */
  const send = async (method: string, c: HttpCase): Promise<{ status: number; text: string }> => {
    const headers: Record<string, string> = c.token ? { authorization: `Bearer ${c.token}` } : {};
    let body: string | FormData | undefined;
    if (c.file) {
      const form = new FormData();
      for (const [k, v] of c.file.fields) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(c.file.bytes)]), c.file.name);
      body = form;
    } else if (c.body !== undefined && method !== 'GET') {
      headers['content-type'] = 'application/json';
      body = c.body;
    }
    const res = await fetch(t.url + c.path, { method, headers, body });
    return { status: res.status, text: await res.text() };
  };

  /** Tokens of the roles the route admits (the admin first), or none for a public route. */
  const callers = (r: Route): (string | undefined)[] =>
    r.isPublic
      ? [undefined, w.admin.token]
      : (r.roles ?? []).map((role) => (role === Role.Official ? w.own.official.token : w.tokens[role]));

  const caseFor = (r: Route): fc.Arbitrary<HttpCase> =>
    fc
      .record({
        params: fc.tuple(...r.paramNames.map(() => pathValue)),
        query: queryString(r.query),
        token: fc.constantFrom(...callers(r)),
        body: bodyText(r.body),
        file: r.upload
          ? fc.option(
              fc.record({
                bytes: uploadFile.map((f) => f.bytes),
                name: uploadFile.map((f) => f.name),
                fields: fc.array(
                  fc.tuple(fc.constantFrom('format', 'dryRun', 'topicId', 'x'), fc.string({ maxLength: 10 })),
                  {
                    maxLength: 2,
                  },
                ),
              }),
              { freq: 2 },
            )
          : fc.constant(null),
      })
      .map(({ params, query, token, body, file }) => {
        let i = 0;
        const path = r.path.replace(/:(\w+)/g, () => params[i++]) + query;
        return { path, token, body, ...(file ? { file } : {}) };
      });

  it('answers every HTTP input below 500 and changes nothing when it refuses', async () => {
    const stateChanged: Finding[] = [];
    // The digest sees a change made through the API (so the check below can fail).
    const before = await digestNow();
    expect((await t.api('POST', '/api/bank/topics', { name: 'Chủ đề thử' }, w.admin.token)).status).toBe(201);
    let digest = await digestNow();
    expect(digest).not.toBe(before);
    for (const r of routes) {
      figures.routes++;
      for (const c of fc.sample(caseFor(r), { numRuns: RUNS, seed: SEED + figures.routes })) {
        const res = await send(r.method, c);
        figures.http++;
        const input = `${r.method} ${c.path} ${c.file ? `[file ${c.file.name} ${c.file.bytes.length} B]` : short(c.body ?? '')}`;
        if (res.status >= 500) {
          figures.fivexx++;
          findings.push({ where: r.key, input, got: `${res.status} ${short(res.text)}` });
        }
        const after = await digestNow();
        if (res.status >= 400) {
          figures.httpRejected++;
          if (after !== digest)
            stateChanged.push({ where: r.key, input, got: `${res.status} ${short(res.text, 120)}` });
        }
        digest = after;
      }
      if (figures.routes % 20 === 0) expect((await t.api('GET', '/health/live')).status).toBe(200);
    }
    expect(findings).toEqual([]);
    expect(stateChanged).toEqual([]);
  });

  it('answers 400 to each input that once answered 500 (found by this suite, fixed at the root)', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const cases: [string, string, string][] = [
      ['POST', '/api/survey/forms', JSON.stringify({ code: 'ref', name: 'Thiếu nội dung phiếu' })],
      ['GET', '/api/exam/templates?page=2.6632121471644826e%2B141&pageSize=1', ''],
      ['PATCH', `/api/users/${w.own.official.user.id}`, deep],
      ['POST', '/api/auth/login', '{"username":{"constructor":{"a":1}},"password":"x"}'],
      ['POST', '/api/agencies', '{"__proto__":{"polluted":1},"code":"X","name":"X"}'],
      ['PATCH', `/api/users/${w.own.official.user.id}`, '{"email":"\\ud800"}'],
      ['PATCH', `/api/users/${w.own.official.user.id}`, '{"valueOf":"x"}'],
      // class-validator's maxDecimalPlaces split 5e-323's text on '.' and threw
      ['POST', '/api/results/schemes', '{"year":2026,"levelCode":"department","name":"X","scale":-5e-323,"areas":[]}'],
    ];
    for (const [method, path, body] of cases) {
      const res = await send(method, { path, token: w.admin.token, body });
      expect([method, path, res.status]).toEqual([method, path, 400]);
    }
    const live = await freshSession();
    const host = await join(t.url, { role: 'host', sessionId: live.sessionId, token: live.hostToken });
    const ack = (await host.socket.timeout(5000).emitWithAck('host:lock', { locked: { constructor: { T: 1 } } })) as {
      code: string;
    };
    host.close();
    expect(ack.code).toBe('VALIDATION_FAILED');
  });

  it('answers every socket event with an acknowledgement, never an internal error, on every seat', async () => {
    const subscribed = socketEvents(t.app).map((e) => e.event);
    expect([...subscribed].sort()).toEqual(Object.keys(PROTOCOL_EVENTS).sort());
    figures.events = subscribed.length;
    // A contest of its own: the HTTP fuzz above may have ended the world's session.
    s = await freshSession();
    const seats: Record<string, ContestClient> = {
      host: await join(t.url, { role: 'host', sessionId: s.sessionId, token: s.hostToken }),
      projector: await join(t.url, { role: 'projector', sessionId: s.sessionId, viewToken: s.viewToken }),
      player: await join(t.url, { role: 'player', pin: s.pin, name: 'Người chơi thử', agencyId: s.agencyId }),
    };
    const playerId = ((await seats.player.next('welcome')) as { self: { playerId: number } }).self.playerId;
    const internal: Finding[] = [];
    const stateChanged: Finding[] = [];
    let digest = await digestNow();
    for (const event of subscribed as ClientEvent[]) {
      const dto = EVENT_DTOS[event];
      const payload = fc
        .oneof(
          {
            weight: 3,
            arbitrary: dto
              ? dtoShaped(dto)
              : fc.dictionary(fc.string({ maxLength: 8 }), junkValue, { minKeys: 1, maxKeys: 3 }),
          },
          { weight: 2, arbitrary: junkValue },
          { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
        )
        // An empty message (as it arrives: {"a": undefined} is {}) is a valid host command that would
        // start or end the contest, and a kick of our own player would end the run: both are real
        // actions, not bad input.
        .filter((p) => dto !== undefined || !arrivesEmpty(p))
        .filter((p) => !(event === 'host:kick' && kicksOurPlayer(p, playerId)));
      for (const [seat, client] of Object.entries(seats)) {
        for (const p of fc.sample(payload, {
          numRuns: RUNS,
          seed: SEED + ([...event].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 0) % 100_000),
        })) {
          let ack: { ok: boolean; code?: string };
          try {
            ack = (await client.socket.timeout(5000).emitWithAck(event, p)) as typeof ack;
          } catch (e) {
            ack = { ok: false, code: `NO_ACK ${(e as Error).message}` };
          }
          figures.socket++;
          const input = `${seat} ${event} ${short(JSON.stringify(p) ?? String(p), 200)}`;
          if (ack.code === 'INTERNAL' || ack.code?.startsWith('NO_ACK') || typeof ack.ok !== 'boolean') {
            internal.push({ where: event, input, got: JSON.stringify(ack) });
          }
          const after = await digestNow();
          if (!ack.ok) {
            figures.socketRejected++;
            if (after !== digest) stateChanged.push({ where: event, input, got: JSON.stringify(ack) });
          }
          digest = after;
        }
        expect([seat, client.socket.connected]).toEqual([seat, true]);
      }
    }
    // Still in the lobby: no junk message moved the session on.
    const again = await join(t.url, { role: 'host', sessionId: s.sessionId, token: s.hostToken });
    expect(((await again.next('welcome')) as { phase: string }).phase).toBe('lobby');
    for (const c of [...Object.values(seats), again]) c.close();
    expect(internal).toEqual([]);
    expect(stateChanged).toEqual([]);
  });

  it('refuses every malformed handshake with an error event, never an internal error', async () => {
    s ??= await freshSession();
    const auth = fc.oneof(
      junkValue,
      fc.record({
        role: fc.constantFrom('host', 'projector', 'player', 'admin', ''),
        sessionId: junkValue,
        token: junkValue,
      }),
      fc.record({
        role: fc.constant('player'),
        pin: fc.oneof(fc.constant(s.pin), junkValue),
        name: junkValue,
        agencyId: junkValue,
      }),
      fc.record({ role: fc.constant('player'), playerToken: junkValue }),
      fc.record({ role: fc.constant('projector'), sessionId: fc.constant(s.sessionId), viewToken: junkValue }),
    );
    const internal: Finding[] = [];
    for (const a of fc.sample(auth, { numRuns: RUNS * 3, seed: SEED })) {
      figures.handshakes++;
      const c = new ContestClient(t.url, a as never);
      const first = await Promise.race([
        c.next('welcome').then(() => 'welcome'),
        c.next('error').then((e) => e.code),
        c.disconnected().then(() => 'disconnected'),
      ]).catch((e: Error) => `NO_REPLY ${e.message}`);
      c.close();
      if (first === 'INTERNAL' || first.startsWith('NO_REPLY')) {
        internal.push({ where: 'handshake', input: short(JSON.stringify(a) ?? String(a), 200), got: first });
      }
    }
    expect(internal).toEqual([]);
  });

  it('stays healthy and unpolluted, and prints its figures', async () => {
    expect((await t.api<{ status: string }>('GET', '/health')).body.status).toBe('ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    console.log(
      [
        `fuzz (${TEST_DB}, seed ${SEED}, ${RUNS} cases per route and per event and seat):`,
        `  HTTP: ${figures.routes} routes, ${figures.http} inputs, ${figures.httpRejected} refused (4xx), ${figures.fivexx} answered 5xx`,
        `  socket.io: ${figures.events} events × 3 seats, ${figures.socket} messages, ${figures.socketRejected} refused; ${figures.handshakes} handshakes`,
        `  state digests: ${figures.digests}, ${(figures.digestMs / Math.max(1, figures.digests)).toFixed(1)} ms each`,
        `  crashes (unhandled rejections/exceptions): ${crashes.length}`,
      ].join('\n'),
    );
    expect(crashes).toEqual([]);
  });
});
