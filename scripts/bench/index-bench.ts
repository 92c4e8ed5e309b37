/**
 * Benchmark of the PAR Index recompute (npm run bench:index, via scripts/bench/index.sh).
 * On the database given by the environment (DB_TYPE/DB_URL): 200 departments, one inspection
 * session each with 100 graded attempts (20,000 in all) in the exam bank's own tables, the example
 * scheme (config/index-schemes) with its test-derived criterion, then times recomputing every
 * scorecard of the year from the exam bank's ExamResultsReader and ranking them.
 * Run from dist/ (Nest needs decorator metadata) with the repository root as the working directory.
 * Prints one JSON object on its last line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module.js';
import { ExamAttempt, ExamCandidate, ExamResultsReader, ExamSession, TestTemplate } from '@app/exam-bank';
import { Agency, AgencyLevel } from '@app/org';
import { loadConfig, Role, type Principal } from '@app/platform';
import {
  RankingService,
  ScorecardItem,
  Scorecard,
  SchemesService,
  ScorecardsService,
  TestDerivedService,
} from '@app/results';

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 200);
const PER_AGENCY = Number(process.env.BENCH_ATTEMPTS_PER_AGENCY ?? 100);
const ITEMS = 60;
const YEAR = 2026;
const admin: Principal = { userId: null, role: Role.Admin, agencyId: null, name: 'bench' };

/** A deterministic pseudo-random sequence (mulberry32), so every run seeds the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  const db = app.get(DataSource);
  const rnd = random(42);

  const t0 = Date.now();
  const level =
    (await db.getRepository(AgencyLevel).findOneBy({ code: 'department' })) ??
    (await db.getRepository(AgencyLevel).save({ code: 'department', name: 'Sở, ban, ngành', depth: 1, active: true }));
  const agencies: Agency[] = [];
  for (let i = 0; i < AGENCIES; i += 100) {
    const batch = Array.from({ length: Math.min(100, AGENCIES - i) }, (_, k) => ({
      code: `BENCH${i + k}`,
      name: `Cơ quan thử ${i + k}`,
      levelId: level.id,
      parentId: null,
      active: true,
      staffCount: 120 + ((i + k) % 50),
    }));
    agencies.push(...(await db.getRepository(Agency).save(batch)));
  }
  const template = await db.getRepository(TestTemplate).save({
    name: 'Sát hạch thử',
    description: null,
    navigation: 'free',
    passPercent: 50,
    parts: [],
    createdBy: null,
  } as unknown as TestTemplate);
  const at = new Date(Date.UTC(YEAR, 4, 10, 2));
  let attempts = 0;
  for (const agency of agencies) {
    const session = await db.getRepository(ExamSession).save({
      templateId: template.id,
      name: `Kiểm tra CCHC ${agency.name}`,
      purpose: 'inspection',
      agencyId: agency.id,
      jobPosition: null,
      quota: null,
      opensAt: at,
      closesAt: new Date(at.getTime() + 3 * 3600_000),
      durationSeconds: 3600,
      reviewShows: 'score',
      reviewWhen: 'after_close',
      tieBreak: null,
      settings: { parts: [], passPercent: 50, navigation: 'free' },
      createdBy: null,
    } as unknown as ExamSession);
    const candidates = await db.getRepository(ExamCandidate).save(
      Array.from({ length: PER_AGENCY }, (_, k) => ({
        sessionId: session.id,
        userId: null,
        candidateNumber: `SBD${String(k + 1).padStart(3, '0')}`,
        fullName: `Công chức ${agency.id}-${k + 1}`,
        agencyId: agency.id,
        accessCodeHash: null,
        extraSeconds: 0,
        priorityPoints: 0,
      })) as unknown as ExamCandidate[],
      { chunk: 100 },
    );
    // Each agency has its own ability, so pass rates spread across the step table.
    const ability = 0.35 + rnd() * 0.55;
    const rows = candidates.map((c) => {
      const itemScores: number[] = Array.from({ length: ITEMS }, () => (rnd() < ability ? 1 : 0));
      const score = itemScores.reduce((s, x) => s + x, 0);
      return {
        sessionId: session.id,
        candidateId: c.id,
        seed: Math.floor(rnd() * 2 ** 31),
        variant: {
          items: Array.from({ length: ITEMS }, (_, k) => ({
            part: 0,
            slot: k,
            questionId: k + 1,
            versionId: k + 1,
            points: 1,
            options: ['a', 'b', 'c', 'd'],
          })),
        },
        startedAt: at,
        deadline: new Date(at.getTime() + 3600_000),
        state: 'submitted',
        position: 0,
        submittedAt: new Date(at.getTime() + 1800_000 + Math.floor(rnd() * 1_000_000)),
        gradedAt: new Date(at.getTime() + 3600_000),
        score,
        maxScore: ITEMS,
        passed: score * 2 >= ITEMS,
        partScores: null,
        itemScores,
      };
    });
    await db.getRepository(ExamAttempt).insert(rows as unknown as ExamAttempt[]);
    attempts += rows.length;
  }

  const doc = JSON.parse(readFileSync(resolve('config/index-schemes/department-2026.json'), 'utf8'));
  const schemes = app.get(SchemesService);
  const scheme = await schemes.create({ ...doc, year: YEAR, name: `${doc.name} (bench)` }, admin);
  await schemes.activate(scheme.id, admin);
  const cards = await app.get(ScorecardsService).open(
    scheme.id,
    agencies.map((a) => a.id),
    admin,
  );
  // Self-scores and survey points straight in, deterministic per item, so the ranking has work to do.
  const loaded = await schemes.load(scheme.id);
  const items = await db.getRepository(ScorecardItem).find({ where: {} });
  const nodeById = new Map(loaded.nodes.map((n) => [n.id, n]));
  for (const item of items) {
    const node = nodeById.get(item.nodeId);
    if (!node || node.source === 'test_derived') continue;
    const value = Math.round((node.maxCenti * (60 + ((item.id * 7919) % 41))) / 100);
    if (node.source === 'self_assessed') item.selfCenti = value;
    else if (node.source === 'survey') item.appraisedCenti = value;
  }
  await db.getRepository(ScorecardItem).save(items, { chunk: 500 });
  await db.getRepository(Scorecard).update({ schemeId: scheme.id }, { state: 'under_appraisal' });
  const seedMs = Date.now() - t0;

  const derived = app.get(TestDerivedService);
  const ranking = app.get(RankingService);
  const run = async () => {
    readMs = 0;
    const s = Date.now();
    const report = await derived.recomputeScheme(scheme.id, admin);
    const r = Date.now();
    const read = readMs;
    const ranked = await ranking.ranking(scheme.id, { preview: true });
    return { report, ranked, recompute: r - s, read, rank: Date.now() - r, total: Date.now() - s };
  };
  // Time spent inside the exam bank's reader during each run, to separate it from the results lib's own work.
  const reader = app.get(ExamResultsReader);
  const read = reader.gradedAttempts.bind(reader);
  let readMs = 0;
  reader.gradedAttempts = async (q) => {
    const s = Date.now();
    try {
      return await read(q);
    } finally {
      readMs += Date.now() - s;
    }
  };
  // The exam bank's read alone, once before the runs.
  const r0 = Date.now();
  await reader.gradedAttempts({
    agencyIds: agencies.map((a) => a.id),
    from: new Date(Date.UTC(YEAR, 0, 1)),
    to: new Date(Date.UTC(YEAR + 1, 0, 1)),
  });
  const readerMs = Date.now() - r0;
  const first = await run(); // writes every test-derived item and its audit entry
  const second = await run(); // nothing changed: reads, compares, ranks
  const identical =
    JSON.stringify(first.report.leaves.map((l) => l.points)) ===
    JSON.stringify(second.report.leaves.map((l) => l.points));
  await app.close();

  const ties = first.ranked.rows.length - new Set(first.ranked.rows.map((r) => r.rank)).size;
  console.log(
    `seeded ${agencies.length} agencies, ${attempts} attempts, ${cards.length} scorecards in ${seedMs} ms; ` +
      `first run: recompute ${first.recompute} ms + rank ${first.rank} ms (${first.report.leaves.filter((l) => l.changed).length} items written); ` +
      `second run: recompute ${second.recompute} ms + rank ${second.rank} ms (${second.report.leaves.filter((l) => l.changed).length} written)`,
  );
  console.log(
    JSON.stringify({
      benchmark: 'par-index-recompute',
      db: config.DB_TYPE,
      agencies: agencies.length,
      attempts,
      attempts_read: first.report.attempts,
      scorecards: cards.length,
      recompute_ms: first.total,
      recompute_only_ms: first.recompute,
      rank_ms: first.rank,
      reader_ms: readerMs,
      reader_in_recompute_ms: first.read,
      results_own_ms: first.total - first.read,
      second_run_ms: second.total,
      identical_on_rerun: identical,
      ranked: first.ranked.rows.length,
      shared_rank_rows: ties,
      target_ms: 2000,
      within_target: first.total <= 2000,
      nproc: cpus().length,
      ram_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      date: new Date().toISOString(),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
