/**
 * Crash: a 500-candidate timed session on MariaDB with saves in flight; the server is killed with
 * SIGKILL and started again on the same port. Half the candidates started 40 s before the others,
 * so their deadlines pass while the server is down.
 */
import { jest } from '@jest/globals';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { HttpClient, inPool } from './support/http.js';
import { makeTimedSession } from './support/exam-setup.js';
import {
  ApiProcess,
  PrivateServices,
  createDatabase,
  freePort,
  printFigures,
  requireBuild,
  sleep,
} from './support/processes.js';

jest.setTimeout(300_000);

const CANDIDATES = 500;
const QUESTIONS = 40;
const DURATION_S = 90;
/** The second group starts this much later, so its deadlines fall after the outage. */
const SECOND_GROUP_AFTER_MS = 40_000;
/** From the first group's start: kill at 80 s, start again at 94 s (their deadlines are at ~90–93 s). */
const KILL_AT_MS = 80_000;
const RESTART_AT_MS = 94_000;
/** Each candidate saves about this often. */
const SAVE_EVERY_MS = 2500;

interface Attempt {
  token: string;
  group: 'early' | 'late';
  attemptId: number;
  deadline: string;
  /** Option keys per item, as shown to this candidate. */
  options: string[][];
  nextItem: number;
  /** The server acknowledged these answers (item → chosen), each item saved at most once. */
  acked: Map<number, string[]>;
  submitted: boolean;
}

describe('kill -9 of the server during a timed session', () => {
  const services = new PrivateServices();
  let server: ApiProcess;
  let http: HttpClient;
  let db: Pool;
  const attempts: Attempt[] = [];
  const figures = {
    candidates: CANDIDATES,
    saves_sent: 0,
    saves_acked: 0,
    saves_in_flight_at_kill: 0,
    saves_refused_connection: 0,
    saves_after_restart: 0,
    answers_checked: 0,
    lost: 0,
    server_errors_5xx: 0,
    restart_to_ready_ms: 0,
    resumed_in_progress: 0,
    expired_during_outage: 0,
    expired_graded_within_ms_of_ready: 0,
    max_remaining_error_ms: 0,
    submitted: 0,
    submits_after_deadline: 0,
    submits_refused_connection: 0,
    requests_retried_after_reset: 0,
    submits_refused: {} as Record<number, number>,
    swept_at_deadline: 0,
    total_s: 0,
  };
  const t0 = Date.now();
  let inFlight = 0;
  let restarted = false;

  afterAll(async () => {
    figures.total_s = Math.round((Date.now() - t0) / 1000);
    printFigures('exam crash (kill -9 mid-session)', figures);
    if (server?.exitedOnItsOwn) process.stderr.write(`[faults] the server exited on its own:\n${server.log()}\n`);
    await server?.stop();
    await db?.end();
    http?.close();
    services.stopAll();
  });

  beforeAll(async () => {
    requireBuild();
    const dbUrl = await createDatabase(services.startMysql(), 'cchc_crash');
    server = new ApiProcess(await freePort(), { DB_TYPE: 'mariadb', DB_URL: dbUrl, DB_POOL_SIZE: '20' });
    await server.start();
    http = new HttpClient(server.url);
    db = createPool({ uri: dbUrl, connectionLimit: 4, timezone: 'Z' });
  });

  /** One save of the candidate's next item; on a cut connection the same answer is tried again later. */
  async function saveNext(a: Attempt, chosen: string[]): Promise<'acked' | 'retry' | 'closed'> {
    const index = a.nextItem;
    figures.saves_sent++;
    inFlight++;
    const r = await http.request<{ savedAt: string }>(
      'PUT',
      `/api/exam/attempts/${a.attemptId}/answers/${index}`,
      { chosen },
      a.token,
    );
    inFlight--;
    if (r.status === 200) {
      a.acked.set(index, chosen);
      a.nextItem++;
      figures.saves_acked++;
      if (restarted) figures.saves_after_restart++;
      return 'acked';
    }
    if (r.status === 0) {
      figures.saves_refused_connection++;
      return 'retry';
    }
    if (r.status === 410 || r.status === 409) return 'closed';
    if (r.status === 503) return 'retry'; // not ready yet after the restart
    throw new Error(`save ${a.attemptId}/${index}: ${r.status} ${JSON.stringify(r.body)}`);
  }

  /** A candidate at work: a save every ~2.5 s until a second before the deadline, then maybe a submit. */
  async function candidate(a: Attempt, submits: boolean): Promise<void> {
    const deadline = Date.parse(a.deadline);
    let pending: string[] | null = null;
    await sleep(Math.random() * SAVE_EVERY_MS);
    while (Date.now() < deadline - 1500 && a.nextItem < QUESTIONS) {
      pending ??= [a.options[a.nextItem][Math.floor(Math.random() * 4)]];
      const r = await saveNext(a, pending);
      if (r === 'closed') return;
      if (r === 'acked') pending = null;
      await sleep(r === 'retry' ? 1000 : SAVE_EVERY_MS * (0.6 + Math.random() * 0.8));
    }
    if (!submits) return;
    for (let tries = 0; tries < 5 && Date.now() < deadline; tries++) {
      const r = await http.request<{ state: string }>('POST', `/api/exam/attempts/${a.attemptId}/submit`, {}, a.token);
      if (r.status === 200) {
        a.submitted = r.body.state === 'submitted';
        if (!a.submitted) figures.submits_after_deadline++;
        return;
      }
      if (r.status === 0) figures.submits_refused_connection++;
      else figures.submits_refused[r.status] = (figures.submits_refused[r.status] ?? 0) + 1;
      await sleep(500);
    }
  }

  async function start(token: string, group: Attempt['group']): Promise<void> {
    const r = await http.idempotent<{ attemptId: number; deadline: string; items: { options: { key: string }[] }[] }>(
      'POST',
      `/api/exam/sessions/${sessionId}/start`,
      undefined,
      token,
    );
    if (r.status !== 200) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
    attempts.push({
      token,
      group,
      attemptId: r.body.attemptId,
      deadline: r.body.deadline,
      options: r.body.items.map((it) => it.options.map((o) => o.key)),
      nextItem: 0,
      acked: new Map(),
      submitted: false,
    });
  }

  /** Resolves with the time at which every one of `ids` was closed by the sweeper and graded. */
  async function allGraded(ids: number[]): Promise<number> {
    for (;;) {
      const [rows] = await db.query<RowDataPacket[]>(
        "SELECT COUNT(*) AS n FROM exam_attempts WHERE id IN (?) AND state = 'expired_graded' AND graded_at IS NOT NULL",
        [ids],
      );
      if (Number(rows[0].n) === ids.length) return Date.now();
      if (Date.now() - ready > 60_000) throw new Error(`only ${rows[0].n} of ${ids.length} expired attempts graded`);
      await sleep(100);
    }
  }

  let sessionId = 0;
  let ready = 0;
  let earlyGraded: Promise<number> = Promise.resolve(0);
  let work: Promise<void>[] = [];

  it('runs 500 candidates, kills the server with saves in flight, and starts it again', async () => {
    const setup = await makeTimedSession(http, db, {
      candidates: CANDIDATES,
      questions: QUESTIONS,
      durationSeconds: DURATION_S,
    });
    sessionId = setup.sessionId;
    const early = setup.candidates.slice(0, CANDIDATES / 2);
    const late = setup.candidates.slice(CANDIDATES / 2);
    const begin = Date.now();
    const launch = async (group: typeof early, name: Attempt['group']): Promise<void> => {
      await inPool(group, 50, (c) => start(c.token, name));
      work = work.concat(
        attempts.filter((a) => a.group === name).map((a, i) => candidate(a, name === 'early' || i % 2 === 0)),
      );
    };
    await launch(early, 'early');
    await sleep(begin + SECOND_GROUP_AFTER_MS - Date.now());
    await launch(late, 'late');

    await sleep(begin + KILL_AT_MS - Date.now());
    // strike while saves are on the wire (at ~200 saves/s a few are in flight at any moment)
    for (let i = 0; i < 2000 && inFlight < 3; i++) await sleep(1);
    figures.saves_in_flight_at_kill = inFlight;
    await server.kill9();
    await sleep(begin + RESTART_AT_MS - Date.now());
    figures.restart_to_ready_ms = await server.start();
    ready = Date.now();
    restarted = true;
    earlyGraded = allGraded(attempts.filter((a) => a.group === 'early').map((a) => a.attemptId));
    expect(figures.saves_in_flight_at_kill).toBeGreaterThan(0);
  });

  it('resumes every attempt with its deadline unchanged and the right remaining time', async () => {
    const early = attempts.filter((a) => a.group === 'early');
    const late = attempts.filter((a) => a.group === 'late');
    // read back right after the restart, as each candidate's browser does, while the others keep saving
    await inPool(late, 25, async (a) => {
      const known = new Map(a.acked);
      const r = await http.idempotent<{
        state: string;
        deadline: string;
        serverTime: string;
        remainingMs: number;
        items: { chosen: string[] }[];
      }>('GET', `/api/exam/attempts/${a.attemptId}`, undefined, a.token);
      if (r.status === 0) throw new Error(`GET attempt ${a.attemptId}: no answer after retries`);
      expect(r.status).toBe(200);
      expect(r.body.deadline).toBe(a.deadline);
      for (const [i, chosen] of known) expect(r.body.items[i].chosen).toEqual(chosen);
      expect(Math.abs(Date.parse(r.body.serverTime) - Date.now())).toBeLessThan(2000);
      if (r.body.state !== 'in_progress') {
        // closed meanwhile: only by the candidate's own submit near the end, or at the deadline
        expect(Date.parse(r.body.serverTime)).toBeGreaterThan(Date.parse(a.deadline) - 3000);
        return;
      }
      const expected = Date.parse(a.deadline) - Date.parse(r.body.serverTime);
      figures.max_remaining_error_ms = Math.max(
        figures.max_remaining_error_ms,
        Math.abs(r.body.remainingMs - expected),
      );
      figures.resumed_in_progress++;
    });
    expect(figures.resumed_in_progress).toBeGreaterThan(late.length * 0.9);
    expect(figures.max_remaining_error_ms).toBeLessThanOrEqual(1);

    // the early group's deadlines passed during the outage: the sweeper closes and grades them on its own
    figures.expired_during_outage = early.filter((a) => Date.parse(a.deadline) < ready).length;
    expect(figures.expired_during_outage).toBe(early.length);
    figures.expired_graded_within_ms_of_ready = (await earlyGraded) - ready;
    for (const a of early) {
      const r = await http.idempotent<{ state: string; remainingMs: number; deadline: string }>(
        'GET',
        `/api/exam/attempts/${a.attemptId}`,
        undefined,
        a.token,
      );
      expect(r.body).toMatchObject({ state: 'expired_graded', remainingMs: 0, deadline: a.deadline });
    }
  });

  it('loses no acknowledged answer, grades every attempt from what was saved, and answers no 5xx', async () => {
    await Promise.all(work);
    const ids = attempts.map((a) => a.attemptId);
    for (;;) {
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM exam_attempts WHERE id IN (?) AND graded_at IS NULL',
        [ids],
      );
      if (Number(rows[0].n) === 0) break;
      if (Date.now() - Math.max(...attempts.map((a) => Date.parse(a.deadline))) > 60_000) {
        throw new Error(`${rows[0].n} attempts not graded 60 s after the last deadline`);
      }
      await sleep(200);
    }
    const [answers] = await db.query<RowDataPacket[]>(
      'SELECT attempt_id, item_index, chosen FROM exam_answers WHERE attempt_id IN (?)',
      [ids],
    );
    const stored = new Map(answers.map((r) => [`${r.attempt_id}:${r.item_index}`, String(r.chosen)]));
    for (const a of attempts) {
      for (const [i, chosen] of a.acked) {
        figures.answers_checked++;
        if (stored.get(`${a.attemptId}:${i}`) !== JSON.stringify(chosen)) figures.lost++;
      }
    }
    const [graded] = await db.query<RowDataPacket[]>(
      'SELECT id, state, score, max_score FROM exam_attempts WHERE id IN (?)',
      [ids],
    );
    const correctBy = new Map<number, number>();
    for (const r of answers) {
      if (String(r.chosen) === '["a"]') correctBy.set(r.attempt_id, (correctBy.get(r.attempt_id) ?? 0) + 1);
    }
    for (const r of graded) {
      expect(Math.round((Number(r.score) / Number(r.max_score)) * QUESTIONS)).toBe(correctBy.get(r.id) ?? 0);
      if (r.state === 'submitted') figures.submitted++;
      else if (r.state === 'expired_graded') figures.swept_at_deadline++;
    }
    figures.requests_retried_after_reset = http.retried;
    figures.server_errors_5xx = Object.values(http.serverErrors).reduce((s, n) => s + n, 0);
    expect(figures.answers_checked).toBeGreaterThan(CANDIDATES * 5);
    expect(figures.saves_after_restart).toBeGreaterThan(0);
    expect(figures.lost).toBe(0);
    expect(http.serverErrors).toEqual({});
    expect(figures.submitted + figures.swept_at_deadline).toBe(CANDIDATES);
  });
});
