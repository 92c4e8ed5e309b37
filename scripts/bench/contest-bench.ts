/**
 * bench:contest — a live contest of N players on this machine, and a bare socket.io baseline.
 *
 *   npm run bench:contest -- --players 2000 [--questions 10] [--generators 1]
 *
 * Starts the built server (dist/, embedded SQLite) in its own process, an organizer and agencies
 * in its database, a contest of one speed round over REST, then load-generator processes
 * (socket.io-client) that join every player and answer each question at a random moment inside
 * the window. This process hosts (next / reveal) over socket.io. Then a bare socket.io server
 * broadcasts the same question payload to the same number of clients. Prints one JSON object on
 * its last line.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const PLAYERS = arg('players', 2000);
const QUESTIONS = arg('questions', 10);
const GENERATORS = Math.max(1, arg('generators', PLAYERS > 5000 ? 2 : 1));
const TIME_LIMIT_SEC = 10;
const ANSWER_WITHIN_MS = 5000;
const log = (m: string): void => console.error(`[bench:contest] ${m}`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function p95(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) the process has used, ms. */
function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

function jwt(secret: string, claims: Record<string, unknown>): string {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 3600 })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

async function api<T>(base: string, method: string, path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Report {
  joinMs: number[];
  broadcastMs: number[];
  ackMs: number[];
  answersSent: number;
  answersAcked: number;
  ackErrors: Record<string, number>;
  joinFailures: number;
  joinFailureCodes: Record<string, number>;
  joinRetries: number;
}

function generators(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    fork(join(here, 'contest-load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
}

const once = <T>(child: ChildProcess, type: string): Promise<T> =>
  new Promise((resolve) => {
    const on = (m: { type: string }): void => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
  });

async function loadPlayers(
  gens: ChildProcess[],
  start: { mode: 'contest' | 'baseline'; url: string; pin: string; agencies: number[] },
): Promise<void> {
  const per = Math.ceil(PLAYERS / gens.length);
  const ready = gens.map((g) => once<{ joined: number; joinFailures: number }>(g, 'ready'));
  gens.forEach((g, i) =>
    g.send({
      type: 'start',
      ...start,
      players: Math.min(per, PLAYERS - i * per),
      offset: i * per,
      answerWithinMs: ANSWER_WITHIN_MS,
    }),
  );
  const r = await Promise.all(ready);
  log(
    `${start.mode}: ${r.reduce((s, x) => s + x.joined, 0)} joined, ${r.reduce((s, x) => s + x.joinFailures, 0)} failed`,
  );
}

async function collect(gens: ChildProcess[]): Promise<Report> {
  const reports = await Promise.all(
    gens.map((g) => {
      const p = once<Report>(g, 'report');
      g.send({ type: 'report' });
      return p;
    }),
  );
  gens.forEach((g) => g.send({ type: 'stop' }));
  const all: Report = {
    joinMs: [],
    broadcastMs: [],
    ackMs: [],
    answersSent: 0,
    answersAcked: 0,
    ackErrors: {},
    joinFailures: 0,
    joinFailureCodes: {},
    joinRetries: 0,
  };
  for (const r of reports) {
    all.joinMs.push(...r.joinMs);
    all.broadcastMs.push(...r.broadcastMs);
    all.ackMs.push(...r.ackMs);
    all.answersSent += r.answersSent;
    all.answersAcked += r.answersAcked;
    all.joinFailures += r.joinFailures;
    all.joinRetries += r.joinRetries;
    for (const [k, v] of Object.entries(r.joinFailureCodes))
      all.joinFailureCodes[k] = (all.joinFailureCodes[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.ackErrors)) all.ackErrors[k] = (all.ackErrors[k] ?? 0) + v;
  }
  return all;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-contest-'));
  const dbPath = join(dir, 'bench.sqlite');
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  log(`players=${PLAYERS} questions=${QUESTIONS} generators=${GENERATORS}, server on ${url}`);
  const serverArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...serverArgs, join(root, 'dist/apps/api/src/main.js')], {
    cwd: process.env.BENCH_SERVER_CWD ?? dir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DB_TYPE: 'sqlite',
      DB_PATH: dbPath,
      JWT_SECRET: secret,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      WEB_DIR: join(dir, 'no-web'),
      REDIS_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid!))), 250);
  const cleanup = (): void => {
    clearInterval(sampler);
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/health/ready`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 200) throw new Error('server did not start');
      await sleep(100);
    }

    // an organizer and ten agencies, straight into the database; a token signed with the secret
    const db = new Database(dbPath);
    db.pragma('busy_timeout = 5000');
    db.prepare("INSERT INTO agency_levels (code, name, depth, active) VALUES ('bench', 'bench', 1, 1)").run();
    const level = (db.prepare("SELECT id FROM agency_levels WHERE code = 'bench'").get() as { id: number }).id;
    const agencies: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const r = db
        .prepare('INSERT INTO agencies (code, name, level_id, active) VALUES (?, ?, ?, 1)')
        .run(`BENCH${i}`, `Đơn vị ${i}`, level);
      agencies.push(Number(r.lastInsertRowid));
    }
    const user = db
      .prepare(
        "INSERT INTO users (username, full_name, password_hash, role, agency_id, active) VALUES ('bench', 'Ban tổ chức', 'x', 'organizer', ?, 1)",
      )
      .run(agencies[0]);
    const token = jwt(secret, {
      sub: String(user.lastInsertRowid),
      role: 'organizer',
      agency: agencies[0],
      name: 'Ban tổ chức',
    });

    const contest = await api<{ id: number }>(url, 'POST', '/api/contests', token, {
      title: 'Hội thi trực tuyến (đo tải)',
      mode: 'individual',
    });
    const round = await api<{ id: number }>(url, 'POST', `/api/contests/${contest.id}/rounds`, token, {
      title: 'Tăng tốc',
      type: 'speed',
    });
    for (let q = 1; q <= QUESTIONS; q++) {
      await api(url, 'POST', `/api/contests/${contest.id}/rounds/${round.id}/questions`, token, {
        text: `Câu hỏi số ${q} về cải cách thủ tục hành chính: phương án nào đúng?`,
        options: ['a', 'b', 'c', 'd'].map((key) => ({ key, text: `Phương án ${key.toUpperCase()} của câu ${q}` })),
        correctKey: 'b',
        points: 1000,
        timeLimitSec: TIME_LIMIT_SEC,
      });
    }
    const session = await api<{ sessionId: number; pin: string }>(
      url,
      'POST',
      `/api/contests/${contest.id}/sessions`,
      token,
      {},
    );

    const host = io(`${url}/contest`, {
      transports: ['websocket'],
      forceNew: true,
      auth: { role: 'host', sessionId: session.sessionId, token },
    });
    await new Promise((r) => host.once('welcome', r));
    let lastQuestion: Record<string, unknown> = {};
    host.on('question', (q: Record<string, unknown>) => (lastQuestion = q));

    const gens = generators(GENERATORS);
    await loadPlayers(gens, { mode: 'contest', url, pin: session.pin, agencies });
    const cpuAtStart = cpuMs(server.pid!);
    const playStarted = Date.now();
    let playRss = 0;
    const playSampler = setInterval(() => (playRss = Math.max(playRss, rssMb(server.pid!))), 250);
    for (let q = 0; q < QUESTIONS; q++) {
      const ack = (await host.timeout(30_000).emitWithAck(q === 0 ? 'host:start' : 'host:next', {})) as { ok: boolean };
      if (!ack.ok) throw new Error(`host: ${JSON.stringify(ack)}`);
      await sleep(ANSWER_WITHIN_MS + 1500);
      await host.timeout(30_000).emitWithAck('host:reveal', {});
      await sleep(1000);
      log(`question ${q + 1}/${QUESTIONS} done, server rss ${rssMb(server.pid!)} MB`);
    }
    await sleep(500);
    clearInterval(playSampler);
    const playCpuMs = cpuMs(server.pid!) - cpuAtStart;
    const playWallMs = Date.now() - playStarted;
    const contestReport = await collect(gens);
    await host.timeout(60_000).emitWithAck('host:next', {});
    await host.timeout(60_000).emitWithAck('host:end', {});
    host.disconnect();
    const stored = (
      db.prepare('SELECT COUNT(*) AS n FROM contest_answers WHERE session_id = ?').get(session.sessionId) as {
        n: number;
      }
    ).n;
    db.close();
    clearInterval(sampler);
    server.kill('SIGTERM');

    // the baseline: a bare socket.io server, the same payload, the same number of clients
    const base = fork(join(here, 'contest-baseline-server.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const { port: basePort } = await once<{ port: number }>(base, 'listening');
    const baseGens = generators(GENERATORS);
    await loadPlayers(baseGens, { mode: 'baseline', url: `http://127.0.0.1:${basePort}`, pin: '', agencies });
    const { serverTime: _t, ...payload } = lastQuestion;
    for (let q = 0; q < QUESTIONS; q++) {
      base.send({ type: 'broadcast', payload });
      await sleep(1500);
    }
    const baseReport = await collect(baseGens);
    base.send({ type: 'stop' });

    const result = {
      players: PLAYERS,
      questions: QUESTIONS,
      joined: contestReport.joinMs.length,
      join_failures: contestReport.joinFailures,
      join_failure_codes: contestReport.joinFailureCodes,
      join_retries: contestReport.joinRetries,
      join_p95_ms: p95(contestReport.joinMs),
      ack_p95_ms: p95(contestReport.ackMs),
      broadcast_p95_ms: p95(contestReport.broadcastMs),
      broadcasts_received: contestReport.broadcastMs.length,
      answers_sent: contestReport.answersSent,
      answers_acked: contestReport.answersAcked,
      answer_refusals: contestReport.ackErrors,
      answers_stored: stored,
      lost_answers: Math.max(0, contestReport.answersAcked - stored),
      server_rss_mb: playRss,
      server_cpu_ms_per_answer: Math.round((playCpuMs / Math.max(1, contestReport.answersSent)) * 100) / 100,
      server_cpu_share: Math.round((playCpuMs / playWallMs) * 100) / 100,
      server_rss_peak_mb: peakRss,
      baseline_broadcast_p95_ms: p95(baseReport.broadcastMs),
      baseline_broadcasts_received: baseReport.broadcastMs.length,
      generators: GENERATORS,
      machine: { nproc: cpus().length, ram_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
      date: new Date().toISOString(),
    };
    console.log(JSON.stringify(result));
  } finally {
    cleanup();
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
