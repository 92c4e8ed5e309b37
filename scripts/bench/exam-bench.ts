/**
 * npm run bench:exam -- [--candidates 3000] [--minutes 5] [--ramp 5] [--saturate 10] [--every 10] [--burst 5]
 *                         [--phases start,saturate,timed]
 *
 * The timed-test benchmark of issue 3, on a private MariaDB (scripts/services.sh) with the built
 * server (dist/) and this load generator on the same machine:
 *   1. N numbered candidates log in with their access codes (not measured);
 *   2. all N start the same session, arrivals spread over --ramp seconds → start_p95_ms;
 *   3. saturation: 64 concurrent savers for --saturate s → api_saves_per_s; then the same guarded
 *      single-row upsert straight through mysql2 (same pool size) → raw_upserts_per_s;
 *   4. for --minutes, each candidate saves one answer about every --every s, plus a burst each
 *      minute where everyone saves once more within --burst s (default 5: twice the mean rate;
 *      --burst 1 is the whole room at once) → save_p95_ms, saves, errors;
 *   5. 95 % submit in the last 30 s before their deadline, 5 % leave it to the server's sweeper →
 *      graded_within_s (last deadline → every attempt graded);
 *   6. every acknowledged save is checked against the database → lost_saves.
 * --phases leaves steps out for short runs while developing (`--phases start` measures the starts
 * alone; without `timed`, steps 4 and 5 are skipped). The server's and MariaDB's CPU time per start
 * and per save are read from /proc, and this process's own, to show where a phase's time goes.
 * Plain Node (fetch-free http with a keep-alive agent, mysql2); no Nest code runs here.
 * The last line printed is one JSON object.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { createConnection, createPool, type Pool } from 'mysql2/promise';

// ── options ──────────────────────────────────────────────────────────────────────────────────

function option(name: string, dflt: number): number {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return dflt;
  const raw = process.argv[i].includes('=') ? process.argv[i].split('=')[1] : process.argv[i + 1];
  const v = Number(raw);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number, got ${raw}`);
  return v;
}

const CANDIDATES = Math.round(option('candidates', 3000));
const MINUTES = option('minutes', 5);
const RAMP_S = option('ramp', 5);
const SATURATE_S = option('saturate', 10);
const EVERY_S = option('every', 10);
const BURST_S = option('burst', 5);
const PHASES = new Set(
  (process.argv.find((a, i) => process.argv[i - 1] === '--phases') ?? 'start,saturate,timed').split(','),
);
const QUESTIONS = 60;
const POOL_SIZE = 20;
const SATURATION_WORKERS = 64;
const SUBMIT_WINDOW_S = 30;
const SWEPT_SHARE = 0.05;

const log = (msg: string): void => console.error(`[bench:exam ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
}

/** CPU time (user + system) a process has used so far, in ms; 0 when it cannot be read. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 ticks a second
  } catch {
    return 0;
  }
}

/** CPU used by the server and by MariaDB while `phase` ran, per operation it counted. */
async function cpuPer(
  pids: { server?: number; db?: number },
  phase: () => Promise<number>,
): Promise<{ server: number; db: number; loadgen: number; count: number }> {
  const s0 = cpuMs(pids.server);
  const d0 = cpuMs(pids.db);
  const l0 = process.cpuUsage();
  const count = await phase();
  const l = process.cpuUsage(l0);
  const per = (ms: number): number => (count ? Math.round((ms / count) * 1000) / 1000 : 0);
  return {
    server: per(cpuMs(pids.server) - s0),
    db: per(cpuMs(pids.db) - d0),
    loadgen: per((l.user + l.system) / 1000),
    count,
  };
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

// ── HTTP client with a keep-alive agent ──────────────────────────────────────────────────────

// Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes them under
// a request in flight (the race that makes a reused socket reset).
const agent = new http.Agent({ keepAlive: true, maxSockets: 512, timeout: 4000 });
let networkRetries = 0;
let base = '';

interface Reply<T> {
  status: number;
  body: T;
  ms: number;
}

/** One request; a connection reset before any answer is retried once, as a browser does. */
async function api<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<Reply<T>> {
  const first = await request<T>(method, path, body, token);
  if (first.status !== 0) return first;
  networkRetries++;
  const second = await request<T>(method, path, body, token);
  return { ...second, ms: first.ms + second.ms };
}

function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<Reply<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (token) headers.authorization = `Bearer ${token}`;
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(`${base}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          /* keep text */
        }
        resolve({ status: res.statusCode ?? 0, body: parsed as T, ms: performance.now() - t0 });
      });
      res.on('error', () => resolve({ status: 0, body: undefined as T, ms: performance.now() - t0 }));
    });
    req.on('error', () => resolve({ status: 0, body: undefined as T, ms: performance.now() - t0 }));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Runs `work` over items with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

// ── services and server ──────────────────────────────────────────────────────────────────────

const dir = mkdtempSync(join(os.tmpdir(), 'cchc-exam-bench-'));
let server: ChildProcess | undefined;
let servicesStarted = false;

function cleanup(): void {
  if (server && server.exitCode === null) server.kill('SIGINT');
  if (servicesStarted) {
    try {
      execFileSync('bash', ['scripts/services.sh', 'stop', join(dir, 'services')], { stdio: 'ignore' });
    } catch {
      /* already stopped */
    }
    servicesStarted = false;
  }
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
}

interface Candidate {
  number: string;
  code: string;
  token: string;
  attemptId: number;
  deadline: number;
  options: string[][];
  submitAt: number;
  submitted: boolean;
  busy: Promise<void>;
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 10) / 10);
  log(`services in ${dir}`);
  servicesStarted = true;
  execFileSync('bash', ['scripts/services.sh', 'start', join(dir, 'services')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const env = readFileSync(join(dir, 'services', 'env'), 'utf8');
  const mysqlUrl = /TEST_MYSQL_URL=(\S+)/.exec(env)![1];
  const admin = await createConnection(mysqlUrl);
  await admin.query('CREATE DATABASE cchc_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await admin.end();
  const dbUrl = `${mysqlUrl}/cchc_bench`;

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const profile = process.env.EXAM_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.EXAM_BENCH_PROFILE}`]
    : [];
  server = spawn('node', [...profile, process.env.EXAM_BENCH_SERVER ?? 'dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DB_TYPE: 'mariadb',
      DB_URL: dbUrl,
      DB_POOL_SIZE: String(POOL_SIZE),
      JWT_SECRET: 'bench-secret-0123456789-0123456789-0123456789',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ADMIN_USERNAME: 'benchadmin',
      ADMIN_PASSWORD: 'bench-password-123',
      LOGIN_RATE_PER_MINUTE: '1000000',
      BODY_LIMIT: '5mb',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if ((await api('GET', '/health')).status === 200) break;
    if (i > 600 || server.exitCode !== null) throw new Error('the server did not become ready');
    await sleep(100);
  }
  log(`server ready on ${base} (pid ${server.pid})`);

  // ── data: questions straight into the bank's tables, the rest through the API ──
  const db: Pool = createPool({ uri: dbUrl, connectionLimit: POOL_SIZE, timezone: 'Z' });
  const [topic] = await db.query<import('mysql2').ResultSetHeader>(
    "INSERT INTO question_topics (parent_id, name, position) VALUES (NULL, 'Chủ đề đo hiệu năng', 99)",
  );
  const topicId = topic.insertId;
  for (let q = 0; q < QUESTIONS + 20; q++) {
    const stem = `Câu hỏi đo hiệu năng số ${q + 1}: thủ tục nào đúng?`;
    const [qr] = await db.query<import('mysql2').ResultSetHeader>(
      "INSERT INTO questions (topic_id, status, difficulty, tags, normalized_text) VALUES (?, 'ready', 'medium', '[]', ?)",
      [topicId, stem.toLowerCase()],
    );
    const options = ['a', 'b', 'c', 'd'].map((key, i) => ({
      key,
      text: `Phương án ${key.toUpperCase()}`,
      fraction: i === 0 ? 1 : 0,
    }));
    const [vr] = await db.query<import('mysql2').ResultSetHeader>(
      "INSERT INTO question_versions (question_id, version, type, stem, options, scoring_mode, explanation) VALUES (?, 1, 'single', ?, ?, 'all_or_nothing', 'Giải thích')",
      [qr.insertId, stem, JSON.stringify(options)],
    );
    await db.query('UPDATE questions SET current_version_id = ? WHERE id = ?', [vr.insertId, qr.insertId]);
  }
  const login = await api<{ accessToken: string }>('POST', '/api/auth/login', {
    username: 'benchadmin',
    password: 'bench-password-123',
  });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const adminToken = login.body.accessToken;
  const tpl = await api<{ id: number }>(
    'POST',
    '/api/exam/templates',
    {
      name: 'Đề đo hiệu năng',
      navigation: 'free',
      parts: [
        {
          name: 'Kiến thức chung',
          rules: [{ topicIds: [topicId], count: QUESTIONS }],
          shuffleQuestions: true,
          shuffleOptions: true,
        },
      ],
    },
    adminToken,
  );
  const durationS = Math.ceil(RAMP_S + SATURATE_S + MINUTES * 60 + SUBMIT_WINDOW_S + 20);
  const session = await api<{ id: number }>(
    'POST',
    '/api/exam/sessions',
    {
      templateId: tpl.body.id,
      name: 'Phiên đo hiệu năng',
      purpose: 'training',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + (durationS + 3600) * 1000).toISOString(),
      durationSeconds: durationS,
      reviewShows: 'score',
      reviewWhen: 'immediately',
    },
    adminToken,
  );
  if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
  const sessionId = session.body.id;
  const numbered = Array.from({ length: CANDIDATES }, (_, i) => ({
    candidateNumber: `BM-${String(i + 1).padStart(5, '0')}`,
    fullName: `Thí sinh ${i + 1}`,
  }));
  for (let i = 0; i < numbered.length; i += 1000) {
    const add = await api(
      'POST',
      `/api/exam/sessions/${sessionId}/candidates`,
      { numbered: numbered.slice(i, i + 1000) },
      adminToken,
    );
    if (add.status !== 201) throw new Error(`candidates: ${add.status} ${JSON.stringify(add.body).slice(0, 300)}`);
  }
  const codes = await api<{ candidateNumber: string; accessCode: string }[]>(
    'POST',
    `/api/exam/sessions/${sessionId}/access-codes`,
    {},
    adminToken,
  );
  const cands: Candidate[] = codes.body.map((c) => ({
    number: c.candidateNumber,
    code: c.accessCode,
    token: '',
    attemptId: 0,
    deadline: 0,
    options: [],
    submitAt: 0,
    submitted: false,
    busy: Promise.resolve(),
  }));
  await pool(cands, 32, async (c) => {
    const r = await api<{ accessToken: string }>('POST', '/api/exam/candidate-login', {
      candidateNumber: c.number,
      accessCode: c.code,
      sessionId,
    });
    if (r.status !== 200) throw new Error(`candidate login ${c.number}: ${r.status}`);
    c.token = r.body.accessToken;
  });
  log(`${cands.length} candidates logged in; starting over ${RAMP_S} s`);

  // ── start ──
  let errors = 0;
  const errorCodes: Record<string, number> = {};
  const fail = (what: string, r: Reply<unknown>): void => {
    errors++;
    const code = `${what}:${r.status}:${(r.body as { code?: string } | undefined)?.code ?? ''}`;
    errorCodes[code] = (errorCodes[code] ?? 0) + 1;
  };
  const startMs: number[] = [];
  const pids = { server: server.pid, db: Number(readFileSync(join(dir, 'services', 'mysql', 'mysqld.pid'), 'utf8')) };
  const t0 = Date.now();
  const startCpu = await cpuPer(pids, async () => {
    await Promise.all(
      cands.map(async (c, i) => {
        await sleep(t0 + (RAMP_S * 1000 * i) / cands.length - Date.now());
        const r = await api<{ attemptId: number; deadline: string; items: { options: { key: string }[] }[] }>(
          'POST',
          `/api/exam/sessions/${sessionId}/start`,
          undefined,
          c.token,
        );
        startMs.push(r.ms);
        if (r.status !== 200) return fail('start', r);
        c.attemptId = r.body.attemptId;
        c.deadline = Date.parse(r.body.deadline);
        c.options = r.body.items.map((it) => it.options.map((o) => o.key));
      }),
    );
    return cands.length;
  });
  const started = cands.filter((c) => c.attemptId);
  log(`started ${started.length}; start p95 ${percentile(startMs, 95)} ms`);

  // ── saving: acknowledged answers are remembered and checked at the end ──
  const acked = new Map<string, string>();
  const saveMs: number[] = [];
  let saves = 0;
  const saveOnce = async (c: Candidate, record: boolean): Promise<boolean> => {
    const index = Math.floor(Math.random() * c.options.length);
    const chosen = [c.options[index][Math.floor(Math.random() * c.options[index].length)]];
    const r = await api<{ savedAt: string }>(
      'PUT',
      `/api/exam/attempts/${c.attemptId}/answers/${index}`,
      { chosen },
      c.token,
    );
    if (record) saveMs.push(r.ms);
    if (r.status === 200) {
      acked.set(`${c.attemptId}:${index}`, JSON.stringify(chosen));
      saves++;
      return true;
    }
    fail('save', r);
    return false;
  };

  // saturation through the API, each worker with its own candidates so no two saves race
  const apiCpu = await cpuPer(pids, async () => {
    if (!PHASES.has('saturate')) return 0;
    let satCount = 0;
    const satEnd = Date.now() + SATURATE_S * 1000;
    await Promise.all(
      Array.from({ length: SATURATION_WORKERS }, async (_, w) => {
        const mine = started.filter((_, i) => i % SATURATION_WORKERS === w);
        for (let k = 0; Date.now() < satEnd && mine.length; k++) {
          if (await saveOnce(mine[k % mine.length], false)) satCount++;
        }
      }),
    );
    return satCount;
  });
  const apiSavesPerS = Math.round(apiCpu.count / SATURATE_S);
  log(`API saturation: ${apiSavesPerS} saves/s`);

  // The same guarded upsert through mysql2, into a copy of the answers table (same indexes; neither
  // table has foreign keys): the text protocol, as the server sends it, in autocommit on the same
  // MariaDB, with the same pool size and the same 64 requests in flight, one statement per request
  // (no pipelining, no batching), so the only difference is the server's own work.
  await db.query('CREATE TABLE bench_answers LIKE exam_answers');
  const rawSql =
    "INSERT INTO bench_answers (attempt_id, item_index, chosen, flagged, saved_at, revision) SELECT ?, ?, ?, 0, ?, 1 FROM exam_attempts WHERE id = ? AND state = 'in_progress' AND deadline > ? ON DUPLICATE KEY UPDATE chosen = VALUES(chosen), saved_at = VALUES(saved_at), revision = bench_answers.revision + 1";
  const rawCpu = await cpuPer(pids, async () => {
    if (!PHASES.has('saturate')) return 0;
    let rawCount = 0;
    const rawEnd = Date.now() + SATURATE_S * 1000;
    await Promise.all(
      Array.from({ length: SATURATION_WORKERS }, async () => {
        while (Date.now() < rawEnd) {
          const c = started[Math.floor(Math.random() * started.length)];
          const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
          await db.query(rawSql, [c.attemptId, Math.floor(Math.random() * QUESTIONS), '["a"]', now, c.attemptId, now]);
          rawCount++;
        }
      }),
    );
    return rawCount;
  });
  const rawPerS = Math.round(rawCpu.count / SATURATE_S);
  log(`raw mysql2 upserts: ${rawPerS}/s`);

  // ── the timed phase: a save about every EVERY_S per candidate, bursts each minute, submits ──
  for (const c of started) {
    const submitter = Math.random() >= SWEPT_SHARE;
    c.submitAt = submitter ? c.deadline - (2 + Math.random() * (SUBMIT_WINDOW_S - 2)) * 1000 : Infinity;
  }
  const phaseStart = Date.now();
  const timed = PHASES.has('timed');
  const phaseEnd = timed ? Math.max(...started.map((c) => c.deadline)) : Date.now();
  const serial = (c: Candidate, job: () => Promise<unknown>): Promise<void> => {
    c.busy = c.busy.then(job).then(() => undefined);
    return c.busy;
  };
  const bursts: number[] = [];
  for (let t = phaseStart + 30_000; t < phaseStart + MINUTES * 60_000; t += 60_000) bursts.push(t);
  log(`timed phase: ${MINUTES} min of saves, ${bursts.length} bursts, then submits`);
  let submitted = 0;
  let lateSubmits = 0;
  const submitMs: number[] = [];
  await Promise.all(
    (timed ? started : []).map(async (c) => {
      let nextBurst = 0;
      let next = Date.now() + Math.random() * EVERY_S * 1000;
      for (;;) {
        const burstAt = bursts[nextBurst] !== undefined ? bursts[nextBurst] + Math.random() * BURST_S * 1000 : Infinity;
        const at = Math.min(next, burstAt, c.submitAt);
        if (at >= c.deadline - 500) break;
        await sleep(at - Date.now());
        if (at === c.submitAt) {
          await serial(c, async () => {
            const r = await api<{ state: string }>(
              'POST',
              `/api/exam/attempts/${c.attemptId}/submit`,
              undefined,
              c.token,
            );
            submitMs.push(r.ms);
            if (r.status === 200 && r.body.state === 'submitted') {
              submitted++;
              c.submitted = true;
            } else if (r.status === 200 && r.body.state === 'expired_graded') {
              lateSubmits++; // queued past the deadline: the server closed it at the deadline instead
            } else fail('submit', r);
          });
          break;
        }
        if (at === burstAt) nextBurst++;
        else next = Date.now() + EVERY_S * (0.8 + Math.random() * 0.4) * 1000;
        await serial(c, () => saveOnce(c, true));
      }
    }),
  );
  log(`submitted ${submitted}; waiting for the server to grade the rest`);

  // ── grading: every attempt graded, from the last deadline ──
  let gradedAt = 0;
  for (; timed;) {
    const [rows] = await db.query<import('mysql2').RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM exam_attempts WHERE session_id = ? AND graded_at IS NULL',
      [sessionId],
    );
    if (Number(rows[0].n) === 0) {
      gradedAt = Date.now();
      break;
    }
    if (Date.now() - phaseEnd > 120_000) break;
    await sleep(200);
  }
  const gradedWithinS = !timed ? null : gradedAt ? Math.max(0, Math.round((gradedAt - phaseEnd) / 100) / 10) : null;
  const someone = started.find((c) => !c.submitted) ?? started[0];
  const review =
    timed && someone
      ? await api<{ state: string; score?: number }>(
          'GET',
          `/api/exam/attempts/${someone.attemptId}/review`,
          undefined,
          someone.token,
        )
      : null;

  // ── lost saves: every acknowledged answer must be in the database as acknowledged ──
  const [answers] = await db.query<import('mysql2').RowDataPacket[]>(
    'SELECT a.attempt_id, a.item_index, a.chosen FROM exam_answers a JOIN exam_attempts t ON t.id = a.attempt_id WHERE t.session_id = ?',
    [sessionId],
  );
  const stored = new Map(answers.map((r) => [`${r.attempt_id}:${r.item_index}`, String(r.chosen)]));
  let lost = 0;
  for (const [key, chosen] of acked) if (stored.get(key) !== chosen) lost++;
  const [states] = await db.query<import('mysql2').RowDataPacket[]>(
    'SELECT state, COUNT(*) AS n FROM exam_attempts WHERE session_id = ? GROUP BY state',
    [sessionId],
  );
  await db.end();

  const result = {
    candidates: CANDIDATES,
    minutes: MINUTES,
    ramp_s: RAMP_S,
    burst_s: BURST_S,
    started: started.length,
    start_p50_ms: percentile(startMs, 50),
    start_p95_ms: percentile(startMs, 95),
    save_p50_ms: percentile(saveMs, 50),
    save_p95_ms: percentile(saveMs, 95),
    save_p99_ms: percentile(saveMs, 99),
    saves,
    lost_saves: lost,
    errors,
    error_codes: errorCodes,
    network_retries: networkRetries,
    submitted,
    late_submits: lateSubmits,
    submit_p95_ms: percentile(submitMs, 95),
    states: Object.fromEntries(states.map((r) => [r.state, Number(r.n)])),
    graded_within_s: gradedWithinS,
    review_readable: review?.status === 200 && review.body.state !== 'in_progress' && review.body.score !== undefined,
    api_saves_per_s: apiSavesPerS,
    raw_upserts_per_s: rawPerS,
    api_to_raw: rawPerS ? Math.round((apiSavesPerS / rawPerS) * 100) / 100 : null,
    cpu_ms: {
      server_per_start: startCpu.server,
      db_per_start: startCpu.db,
      server_per_api_save: apiCpu.server,
      db_per_api_save: apiCpu.db,
      loadgen_per_api_save: apiCpu.loadgen,
      db_per_raw_upsert: rawCpu.db,
      loadgen_per_raw_upsert: rawCpu.loadgen,
    },
    phases: [...PHASES],
    machine: { nproc: os.cpus().length, ram_gib: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    load_avg_at_start: loadAtStart,
    load_avg_at_end: os.loadavg().map((x) => Math.round(x * 10) / 10),
    date: new Date().toISOString(),
  };
  cleanup();
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    cleanup();
    process.exit(1);
  },
);
