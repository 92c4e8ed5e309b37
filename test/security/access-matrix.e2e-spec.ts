import { jest } from '@jest/globals';
import { ALL_ROLES, Role } from '@app/platform';
import { ContestClient, join } from '../contest/contest-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { expressRoutes, routeTable, type Route } from './route-table.js';
import { AGENCY_ROLES, buildWorld, PDF, upload, type AgencySide, type World } from './security-world.js';

jest.setTimeout(180_000);

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = [...ALL_ROLES, 'anonymous'];

interface Reply {
  status: number;
  body: { code?: string } | undefined;
}

/** A request that reaches the route's guard: harmless ids that match nothing, an empty body. */
const probePath = (r: Route): string =>
  r.path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'kind' ? 'agencies' : name === 'code' ? 'CDDH.1' : name === 'index' ? '0' : '999999',
  );

/** What the declaration on the route says the caller gets. */
function expected(r: Route, who: Caller): 'allowed' | 'unauthenticated' | 'forbidden' {
  if (r.isPublic) return 'allowed';
  if (who === 'anonymous') return 'unauthenticated';
  return r.roles!.includes(who) ? 'allowed' : 'forbidden';
}

function observed(res: Reply): 'allowed' | 'unauthenticated' | 'forbidden' {
  if (res.status === 401) return 'unauthenticated';
  if (res.status === 403 && res.body?.code === 'FORBIDDEN_ROLE') return 'forbidden';
  return 'allowed';
}

/** How to reach one agency's object through a route, for the own/other-agency half of the matrix. */
interface ScopedTarget {
  roles: readonly Role[];
  /** path with its :params filled (and a query string), for the given side. */
  path: (side: AgencySide) => string;
  body?: unknown;
  /** A multipart upload instead of a JSON body. */
  file?: Buffer;
  /** Calling it on one's own agency changes state: then only the other-agency refusal is checked. */
  writes?: boolean;
}

/**
 * Agency-scoped routes: how to build an own-agency and an other-agency target. A route that admits
 * an agency-bound role but is not listed here is printed as "scope not probed", so the list can grow.
 */
const SCOPED: Record<string, ScopedTarget> = {
  'GET /api/agencies/:id': { roles: AGENCY_ROLES, path: (s) => `/api/agencies/${s.agencyId}` },
  'GET /api/agencies': { roles: AGENCY_ROLES, path: (s) => `/api/agencies?parentId=${s.agencyId}` },
  'GET /api/users/:id': { roles: [Role.AgencyOfficer], path: (s) => `/api/users/${s.official.user.id}` },
  'GET /api/users': { roles: [Role.AgencyOfficer], path: (s) => `/api/users?agencyId=${s.agencyId}` },
  'GET /api/results/scorecards/:id': {
    roles: [Role.AgencyOfficer],
    path: (s) => `/api/results/scorecards/${s.scorecardId}`,
  },
  'PUT /api/results/scorecards/:id/self-scores': {
    roles: [Role.AgencyOfficer],
    path: (s) => `/api/results/scorecards/${s.scorecardId}/self-scores`,
    body: { items: [{ code: 'CDDH.1', score: 0 }] },
    writes: true,
  },
  'POST /api/results/scorecards/:id/submit': {
    roles: [Role.AgencyOfficer],
    path: (s) => `/api/results/scorecards/${s.scorecardId}/submit`,
    writes: true,
  },
  'POST /api/results/scorecards/:id/items/:code/evidence': {
    roles: [Role.AgencyOfficer],
    path: (s) => `/api/results/scorecards/${s.scorecardId}/items/CDDH.1/evidence`,
    file: PDF,
    writes: true,
  },
  'GET /api/results/evidence/:id': {
    roles: [Role.AgencyOfficer],
    path: (s) => `/api/results/evidence/${s.evidenceId}`,
  },
  'GET /api/survey/desks': { roles: [Role.AgencyOfficer], path: (s) => `/api/survey/desks?agencyId=${s.agencyId}` },
  'GET /api/survey/desks/:id/qr': { roles: [Role.AgencyOfficer], path: (s) => `/api/survey/desks/${s.deskId}/qr` },
  'GET /api/exam/weakest-topics': {
    roles: [Role.AgencyOfficer],
    path: (s) => `/api/exam/weakest-topics?agencyId=${s.agencyId}`,
  },
  'GET /api/exam/attempts/:id': { roles: [Role.Official], path: (s) => `/api/exam/attempts/${s.attemptId}` },
  'GET /api/exam/attempts/:id/review': {
    roles: [Role.Official],
    path: (s) => `/api/exam/attempts/${s.attemptId}/review`,
  },
  'PUT /api/exam/attempts/:id/answers/:index': {
    roles: [Role.Official],
    path: (s) => `/api/exam/attempts/${s.attemptId}/answers/0`,
    body: { chosen: ['a'] },
    writes: true,
  },
  'PUT /api/exam/attempts/:id/flags/:index': {
    roles: [Role.Official],
    path: (s) => `/api/exam/attempts/${s.attemptId}/flags/0`,
    body: { flagged: true },
    writes: true,
  },
  'POST /api/exam/attempts/:id/submit': {
    roles: [Role.Official],
    path: (s) => `/api/exam/attempts/${s.attemptId}/submit`,
    writes: true,
  },
};

/** Whether a list reply names the other agency's id anywhere (a leak through a filter). */
const mentions = (body: unknown, agencyId: number): boolean =>
  new RegExp(`"agencyId":${agencyId}[,}]`).test(JSON.stringify(body));

describe(`access control: every route × every role × own and other agency (${TEST_DB})`, () => {
  let t: TestApp;
  let w: World;
  let routes: Route[];

  const call = async (
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
    file?: Buffer,
  ): Promise<Reply> => {
    if (file) return upload(t, path, token, file, 'tai-lieu.pdf');
    return t.api<{ code?: string }>(method, path, method === 'GET' ? undefined : (body ?? {}), token);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    routes = routeTable(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads every route the server holds from the route table, and Express holds no other', () => {
    const known = new Set(routes.map((r) => r.key));
    const verbs = /^(GET|POST|PUT|PATCH|DELETE|ALL) /;
    // Swagger's own pages are mounted outside Nest's router on purpose (public API documentation).
    const outside = expressRoutes(t.app).filter((k) => verbs.test(k) && !/ \/docs/.test(k) && !known.has(k));
    expect(outside).toEqual([]);
    expect(routes.length).toBeGreaterThan(100);
  });

  it('finds a declaration (@Public, @Roles or @Authenticated) on every route', () => {
    const undeclared = routes.filter((r) => !r.isPublic && r.roles === undefined).map((r) => r.key);
    expect(undeclared).toEqual([]);
  });

  it('lets each role through exactly the routes its declaration names, and no one else', async () => {
    const wrong: string[] = [];
    const cells: Record<Caller, number> = Object.fromEntries(CALLERS.map((c) => [c, 0])) as Record<Caller, number>;
    for (const r of routes.filter((x) => x.isPublic || x.roles)) {
      for (const who of CALLERS) {
        const token = who === 'anonymous' ? undefined : w.tokens[who];
        const res = await call(r.method, probePath(r), token);
        const want = expected(r, who);
        const got = observed(res);
        if (want === 'allowed') cells[who]++;
        if (got !== want) wrong.push(`${r.key} as ${who}: expected ${want}, got ${res.status} ${res.body?.code}`);
      }
    }
    const publicRoutes = routes.filter((r) => r.isPublic).map((r) => r.key);
    console.log(
      [
        `access matrix (${TEST_DB}): ${routes.length} routes × ${CALLERS.length} callers = ${routes.length * CALLERS.length} cells`,
        `  routes each caller may reach: ${CALLERS.map((c) => `${c} ${cells[c]}`).join(', ')}`,
        `  public routes: ${publicRoutes.join(', ')}`,
        `  mismatches: ${wrong.length}`,
      ].join('\n'),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps agency-bound roles to their own agency on every agency-scoped route', async () => {
    const byKey = new Map(routes.map((r) => [r.key, r]));
    expect(Object.keys(SCOPED).filter((k) => !byKey.has(k))).toEqual([]); // no stale rows
    const wrong: string[] = [];
    let probes = 0;
    for (const [key, target] of Object.entries(SCOPED)) {
      const method = key.split(' ')[0];
      for (const role of target.roles) {
        expect([key, byKey.get(key)!.roles]).toEqual([key, expect.arrayContaining([role])]);
        const token = role === Role.Official ? w.own.official.token : w.own.officer.token;
        const other = await call(method, target.path(w.other), token, target.body, target.file);
        probes++;
        const listLeak = other.status === 200 && mentions(other.body, w.other.agencyId);
        if (!(
          other.status === 403 ||
          other.status === 404 ||
          (method === 'GET' && other.status === 200 && !listLeak)
        )) {
          wrong.push(`${key} as ${role} on the other agency: ${other.status} ${other.body?.code}`);
        }
        // A list filtered to another agency must refuse or come back without it; an object must be refused.
        if (!key.endsWith(':id') && other.status === 200) continue;
        if (key.includes(':id') && other.status === 200) wrong.push(`${key} as ${role} read the other agency's object`);
        if (target.writes) continue;
        const own = await call(method, target.path(w.own), token, target.body);
        probes++;
        if (own.status !== 200) wrong.push(`${key} as ${role} on its own agency: ${own.status} ${own.body?.code}`);
      }
    }
    const unprobed = routes
      .filter((r) => !SCOPED[r.key] && r.roles?.some((x) => AGENCY_ROLES.includes(x)))
      .filter((r) => r.paramNames.length > 0 || r.query)
      .map((r) => r.key);
    console.log(
      `own/other agency (${TEST_DB}): ${Object.keys(SCOPED).length} scoped routes, ${probes} probes, ${wrong.length} findings\n` +
        `  agency-role routes with ids or filters not probed for scope: ${unprobed.join(', ') || 'none'}`,
    );
    expect(wrong).toEqual([]);
  });

  it("keeps an official out of another official's attempt and result", async () => {
    const mine = w.own.official.token;
    for (const path of [`/api/exam/attempts/${w.other.attemptId}`, `/api/exam/attempts/${w.other.attemptId}/review`]) {
      const res = await t.api<{ code: string }>('GET', path, undefined, mine);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'ATTEMPT_NOT_FOUND']);
    }
    const results = await t.api('GET', `/api/exam/sessions/${w.examSessionId}/results`, undefined, mine);
    expect(results.status).toBe(403);
    // and the other official's attempt is untouched
    const theirs = await t.api<{ state: string; items: { chosen: string[] }[] }>(
      'GET',
      `/api/exam/attempts/${w.other.attemptId}`,
      undefined,
      w.other.official.token,
    );
    expect(theirs.body.state).toBe('in_progress');
    expect(theirs.body.items.every((i) => i.chosen.length === 0)).toBe(true);
  });

  it("keeps an agency officer out of another agency's scorecard and evidence file", async () => {
    const mine = w.own.officer.token;
    expect((await t.api('GET', `/api/results/scorecards/${w.other.scorecardId}`, undefined, mine)).status).toBe(403);
    const file = await fetch(`${t.url}/api/results/evidence/${w.other.evidenceId}`, {
      headers: { authorization: `Bearer ${mine}` },
    });
    expect(file.status).toBe(403);
    expect(file.headers.get('content-type')).toContain('application/json');
    const list = await t.api<{ agencyId: number }[]>('GET', '/api/results/scorecards', undefined, mine);
    expect(list.body.map((c) => c.agencyId)).toEqual([w.own.agencyId]);
    const results = await t.api<{ agencyId: number }[]>(
      'GET',
      `/api/exam/sessions/${w.examSessionId}/results`,
      undefined,
      mine,
    );
    expect(results.status).toBe(200);
    expect(results.body.map((r) => r.agencyId)).toEqual([w.own.agencyId]);
  });

  describe('live contest sessions', () => {
    const open: ContestClient[] = [];
    afterAll(() => open.forEach((c) => c.close()));
    const connect = async (auth: Parameters<typeof join>[1]) => {
      const c = await join(t.url, auth);
      open.push(c);
      return c;
    };

    it('lets an organizer host only the sessions of their own contests', async () => {
      const s = w.contest.sessionId;
      await expect(connect({ role: 'host', sessionId: s, token: w.otherOrganizer.token })).rejects.toThrow(/FORBIDDEN/);
      await expect(connect({ role: 'host', sessionId: s, token: w.own.officer.token })).rejects.toThrow(/FORBIDDEN/);
      await connect({ role: 'host', sessionId: s, token: w.organizer.token });
      await connect({ role: 'host', sessionId: s, token: w.admin.token });
      const other = w.otherOrganizer.token;
      const judged = { roundId: 1, agencyId: w.own.agencyId, judge: 'Giám khảo', score: 5 };
      for (const [method, path, body] of [
        ['GET', `/api/contests/${w.contest.contestId}`],
        ['POST', `/api/contests/${w.contest.contestId}/sessions`, {}],
        ['GET', `/api/contest-sessions/${s}/results`],
        ['POST', `/api/contest-sessions/${s}/judge-scores`, judged],
      ] as const) {
        const res = await t.api<{ code: string }>(method, path, body, other);
        expect([path, res.status, res.body.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
      const list = await t.api<{ id: number }[]>('GET', '/api/contests', undefined, other);
      expect(list.body.map((c) => c.id)).toEqual([w.otherContest.contestId]);
    });

    it('keeps a player to their own session: no host control, no other session, no projector', async () => {
      const player = await connect({
        role: 'player',
        pin: w.contest.pin,
        name: 'Người chơi',
        agencyId: w.own.agencyId,
      });
      const welcome = (await player.next('welcome')) as { playerToken: string; sessionId: number };
      expect(welcome.sessionId).toBe(w.contest.sessionId);
      for (const event of ['host:start', 'host:next', 'host:end'] as const) {
        const ack = await player.send(event, {});
        expect([event, ack.ok, !ack.ok && ack.code]).toEqual([event, false, 'FORBIDDEN']);
      }
      expect(await player.send('host:kick', { playerId: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      // the player's token opens neither a host seat nor another session's projector
      await expect(
        connect({ role: 'host', sessionId: w.otherContest.sessionId, token: welcome.playerToken }),
      ).rejects.toThrow(/UNAUTHENTICATED|VALIDATION_FAILED/);
      await expect(
        connect({ role: 'projector', sessionId: w.otherContest.sessionId, viewToken: w.contest.viewToken }),
      ).rejects.toThrow(/BAD_VIEW_TOKEN/);
      // the other session's lobby has not seen this player
      const host = await connect({ role: 'host', sessionId: w.otherContest.sessionId, token: w.otherOrganizer.token });
      expect(((await host.next('welcome')) as { players: number }).players).toBe(0);
    });
  });
});
