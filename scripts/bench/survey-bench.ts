/**
 * Load benchmark of survey collection (npm run bench:survey, via scripts/bench/survey.sh).
 * Against a running server (BENCH_URL) on MariaDB (DB_URL, for seeding agencies only): one desk and
 * one kiosk per agency, one open survey, then an open-loop load of BENCH_RATE respondents a second
 * for BENCH_SECONDS. Each respondent is one visit (half by kiosk reset, half by QR page load) and one
 * response with the default form's 12 required ratings. Every HTTP request's latency counts.
 * Prints one JSON object on its last line.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createConnection } from 'mysql2/promise';

const URL_BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);

interface Visit {
  visitToken: string;
  form: { sections: { questions: { key: string; type: string; required: boolean }[] }[] };
}

async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(URL_BASE + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function must<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const r = await api<T>(method, path, body, token);
  if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A deterministic pseudo-random sequence (mulberry32), so every run sends the same answers. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CPU time the server process has used, in ms (Linux /proc; 0 elsewhere). */
function serverCpuMs(): number {
  const pid = process.env.SERVER_PID;
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

const pct = (xs: number[], p: number): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
};

async function setup(): Promise<{ desks: { publicCode: string }[]; kiosks: string[] }> {
  const db = await createConnection(process.env.DB_URL!);
  await db.query("INSERT IGNORE INTO agency_levels (code, name, depth, active) VALUES ('district', 'Huyện', 1, 1)");
  const [[level]] = (await db.query("SELECT id FROM agency_levels WHERE code = 'district'")) as unknown as [
    { id: number }[],
  ];
  for (let i = 0; i < AGENCIES; i++) {
    await db.query('INSERT IGNORE INTO agencies (code, name, level_id, parent_id, active) VALUES (?, ?, ?, NULL, 1)', [
      `KS${i}`,
      `UBND huyện thử ${i}`,
      level.id,
    ]);
  }
  const [agencies] = (await db.query("SELECT id FROM agencies WHERE code LIKE 'KS%' ORDER BY id")) as unknown as [
    { id: number }[],
  ];
  await db.end();

  const { accessToken } = await must<{ accessToken: string }>('POST', '/api/auth/login', {
    username: process.env.ADMIN_USERNAME,
    password: process.env.ADMIN_PASSWORD,
  });
  const desks: { id: number; publicCode: string }[] = [];
  const kiosks: string[] = [];
  for (const a of agencies) {
    const desk = await must<{ id: number; publicCode: string }>(
      'POST',
      '/api/survey/desks',
      { agencyId: a.id, name: `Bộ phận Một cửa ${a.id}` },
      accessToken,
    );
    desks.push(desk);
    kiosks.push(
      (
        await must<{ kioskToken: string }>(
          'POST',
          '/api/survey/kiosks',
          { deskId: desk.id, name: 'Máy tính bảng' },
          accessToken,
        )
      ).kioskToken,
    );
  }
  const forms = await must<{ id: number; code: string }[]>('GET', '/api/survey/forms', undefined, accessToken);
  await must(
    'POST',
    '/api/survey/surveys',
    {
      name: 'Khảo sát thử tải',
      formId: forms.find((f) => f.code === 'mac-dinh')!.id,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      deskIds: desks.map((d) => d.id),
      deskRatePerMinute: 1_000_000,
      deviceRatePerMinute: 1_000_000,
    },
    accessToken,
  );
  return { desks, kiosks };
}

async function main(): Promise<void> {
  const { desks, kiosks } = await setup();
  const rnd = random(7);
  const visitMs: number[] = [];
  const submitMs: number[] = [];
  let errors = 0;
  let ok = 0;
  const errorCodes: Record<string, number> = {};
  const fail = (what: string) => {
    errors += 1;
    errorCodes[what] = (errorCodes[what] ?? 0) + 1;
  };

  async function respondent(i: number, record: boolean): Promise<void> {
    const n = i % desks.length;
    try {
      const t0 = performance.now();
      const visit =
        i % 2 === 0
          ? await api<Visit>('POST', '/api/survey/public/kiosk/visit', { kioskToken: kiosks[n] })
          : await api<Visit>('POST', `/api/survey/public/desks/${desks[n].publicCode}/visit`);
      const t1 = performance.now();
      if (record) visitMs.push(t1 - t0);
      if (visit.status !== 200) return fail(`visit ${visit.status}`);
      const answers = visit.body.form.sections.flatMap((s) =>
        s.questions
          .filter((q) => q.type === 'scale_1_5' && q.required)
          .map((q) => ({ questionKey: q.key, value: 1 + Math.floor(rnd() * 5) })),
      );
      const extra = rnd() < 0.3 ? { respondentType: rnd() < 0.8 ? 'citizen' : 'organisation' } : {};
      const t2 = performance.now();
      const res = await api('POST', '/api/survey/public/responses', {
        visitToken: visit.body.visitToken,
        answers,
        ...extra,
      });
      if (record) submitMs.push(performance.now() - t2);
      if (res.status !== 201) return fail(`submit ${res.status}`);
      if (record) ok += 1;
    } catch (e) {
      const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
      fail(`${(e as Error).message.slice(0, 40)}${cause ? `: ${cause.code ?? cause.message?.slice(0, 40)}` : ''}`);
    }
  }

  async function openLoop(count: number, rate: number, record: boolean): Promise<number> {
    const start = performance.now();
    const pending: Promise<void>[] = [];
    let launched = 0;
    while (launched < count) {
      const due = Math.min(count, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      while (launched < due) pending.push(respondent(launched++, record));
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(pending);
    return (performance.now() - start) / 1000;
  }

  await openLoop(WARMUP, Math.min(RATE, 200), false);
  errors = 0;
  for (const k of Object.keys(errorCodes)) delete errorCodes[k];
  const cpu0 = serverCpuMs();
  const elapsed = await openLoop(RATE * SECONDS, RATE, true);
  const serverCpu = serverCpuMs() - cpu0;

  const db = await createConnection(process.env.DB_URL!);
  const [[{ n: stored }]] = (await db.query('SELECT COUNT(*) AS n FROM survey_responses')) as unknown as [
    { n: number }[],
  ];
  await db.end();
  const all = [...visitMs, ...submitMs];
  console.log(
    JSON.stringify({
      responses: ok,
      p95_ms: pct(all, 95),
      errors,
      rate_per_s: RATE,
      seconds: SECONDS,
      elapsed_s: Math.round(elapsed * 10) / 10,
      achieved_per_s: Math.round((ok / elapsed) * 10) / 10,
      p50_ms: pct(all, 50),
      p99_ms: pct(all, 99),
      server_cpu_ms_per_response: ok ? Math.round((serverCpu / ok) * 100) / 100 : null,
      visit_p95_ms: pct(visitMs, 95),
      submit_p95_ms: pct(submitMs, 95),
      stored_including_warmup: Number(stored),
      warmup: WARMUP,
      desks: desks.length,
      error_kinds: errorCodes,
      nproc: cpus().length,
      ram_gib: Math.round(totalmem() / 2 ** 30),
      db: 'mariadb',
      date: new Date().toISOString(),
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
