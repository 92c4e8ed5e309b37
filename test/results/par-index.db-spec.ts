import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Agency, AgencyLevel } from '@app/org';
import { AuditEntry, AuditLog, dataSourceOptions, DomainError, Role, type Principal } from '@app/platform';
import {
  Scorecard,
  ScorecardItem,
  SchemesService,
  ScorecardsService,
  TestDerivedService,
  type TestDerivation,
} from '@app/results';
import { schemeFromXlsx, schemeToXlsx } from '../../libs/results/src/schemes/scheme-excel.js';
import type { SchemeDocumentDto } from '../../libs/results/src/dto/scheme.dto.js';
import { schema } from '../../apps/api/src/schema.js';
import { dropTestDatabase, freshTestConfig, TEST_DB } from '../support/test-database.js';
import { TableExamResultsReader } from './table-exam-results-reader.js';

/*
 * Services on a real database. The recompute tests use TableExamResultsReader, a TEST-ONLY
 * ExamResultsReader fed from a table filled here (test/results/table-exam-results-reader.ts),
 * so the derivation is checked on stored rows independently of the exam bank's own reader.
 */
// Server start and migrations on a busy shared machine take several seconds.
jest.setTimeout(60_000);

const example = (): SchemeDocumentDto =>
  JSON.parse(readFileSync(new URL('../../config/index-schemes/department-2026.json', import.meta.url), 'utf8'));

const admin: Principal = { userId: 1, role: Role.Admin, agencyId: null, name: 'Quản trị' };
const inspector: Principal = { userId: 2, role: Role.Inspector, agencyId: null, name: 'Thanh tra' };

describe(`PAR Index services on ${TEST_DB}`, () => {
  let db: DataSource;
  let schemes: SchemesService;
  let scorecards: ScorecardsService;
  let derived: TestDerivedService;
  let reader: TableExamResultsReader;
  const configP = freshTestConfig();
  const levels: Record<string, AgencyLevel> = {};
  let attemptId = 1;

  const agency = async (level: string, staffCount: number | null, parentId: number | null = null): Promise<Agency> =>
    db.getRepository(Agency).save({
      code: `AG${Math.random().toString(36).slice(2, 10)}`,
      name: `Cơ quan ${level}`,
      levelId: levels[level].id,
      parentId,
      active: true,
      staffCount,
    });
  /** One attempt per score, out of 60, for distinct candidates of the agency, in 2026. */
  const attempts = async (agencyId: number, scores: number[], sessionId = 1, at = '2026-06-01T02:00:00Z') => {
    const rows = scores.map((score) => {
      const id = attemptId++;
      return {
        attemptId: id,
        sessionId,
        sessionName: `Sát hạch ${sessionId}`,
        agencyId,
        candidateId: id,
        candidateName: `Công chức ${id}`,
        candidateNumber: `SBD${id}`,
        score,
        maxScore: 60,
        submittedAt: new Date(at),
      };
    });
    await reader.insert(rows);
    return rows;
  };
  const activeScheme = async (doc: SchemeDocumentDto = example()) => {
    const s = await schemes.create(doc, admin);
    await schemes.activate(s.id, admin);
    return s;
  };
  const itemOf = async (scorecardId: number, code: string) => {
    const card = await db.getRepository(Scorecard).findOneByOrFail({ id: scorecardId });
    const loaded = await schemes.load(card.schemeId);
    const node = loaded.nodes.find((n) => n.code === code)!;
    return db.getRepository(ScorecardItem).findOneByOrFail({ scorecardId, nodeId: node.id });
  };

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(await configP, schema));
    await db.initialize();
    await db.runMigrations();
    for (const [code, depth] of [
      ['department', 1],
      ['district', 1],
      ['commune', 2],
    ] as const) {
      levels[code] = await db.getRepository(AgencyLevel).save({ code, name: code, depth, active: true });
    }
    const audit = new AuditLog(db);
    schemes = new SchemesService(db, audit);
    scorecards = new ScorecardsService(db, schemes, audit);
    await TableExamResultsReader.createTable(db);
    reader = new TableExamResultsReader(db);
    derived = new TestDerivedService(db, audit, schemes, scorecards, reader);
  });
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(await configP);
  });

  describe('schemes', () => {
    it('imports the shipped example scheme and exports the same document as JSON and Excel', async () => {
      const doc = { ...example(), name: 'Ví dụ xuất nhập' };
      const s = await schemes.create(doc, admin);
      const back = await schemes.exportDocument(s.id);
      expect(back).toEqual({ ...doc });
      expect(await schemeFromXlsx(await schemeToXlsx(back))).toEqual(back);
    });

    it('refuses a tree whose maxima do not add up, naming the node', async () => {
      const doc = example();
      doc.areas[0].max = 11;
      const err = await schemes.create({ ...doc, name: 'Sai' }, admin).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('SCHEME_INVALID');
      expect((err as DomainError).message).toContain('CDDH');
      expect((err as DomainError).message).toContain('not the scale 100');
    });

    it('refuses a level that is not an agency level and a bad test-derived mapping', async () => {
      const doc = example();
      doc.levelCode = 'ward';
      doc.areas[4].children![3].config = { mapping: { mode: 'curve' } };
      const err = (await schemes.create({ ...doc, name: 'Sai 2' }, admin).catch((e: unknown) => e)) as DomainError;
      expect(err.message).toContain('No agency level has the code ward');
      expect(err.message).toContain('CCCV.4: mapping.mode');
    });

    it('copies a scheme to the next year as an editable draft, and keeps one active scheme per year and level', async () => {
      const s = await activeScheme({ ...example(), year: 2030, name: 'Bộ chỉ số 2030' });
      const copy = await schemes.copy(s.id, 2031, undefined, admin);
      expect(copy).toMatchObject({ year: 2031, status: 'draft', name: 'Bộ chỉ số 2031' });
      expect((await schemes.exportDocument(copy.id)).areas).toEqual((await schemes.exportDocument(s.id)).areas);
      const other = await schemes.create({ ...example(), year: 2030, name: 'Bộ chỉ số khác' }, admin);
      await expect(schemes.activate(other.id, admin)).rejects.toMatchObject({ code: 'SCHEME_ALREADY_ACTIVE' });
      await expect(schemes.update(s.id, example(), admin)).rejects.toMatchObject({ code: 'SCHEME_NOT_DRAFT' });
    });
  });

  describe('self-scores and the audit log', () => {
    it('audits each self-score in the same transaction, and saves nothing when one entry is bad', async () => {
      const s = await activeScheme({ ...example(), year: 2032 });
      const a = await agency('department', 20);
      const [card] = await scorecards.open(s.id, [a.id], admin);
      const officer: Principal = { userId: 9, role: Role.AgencyOfficer, agencyId: a.id, name: 'Cán bộ' };
      await expect(
        scorecards.selfScore(
          card.id,
          [
            { code: 'CDDH.1', score: 2, explanation: null as never },
            { code: 'CDDH.3', score: 2.5 },
          ],
          officer,
        ),
      ).rejects.toMatchObject({ code: 'SCORE_OUT_OF_RANGE' });
      expect((await itemOf(card.id, 'CDDH.1')).selfCenti).toBeNull();
      expect(await db.getRepository(AuditEntry).countBy({ action: 'par.self_score', agencyId: a.id })).toBe(0);

      await scorecards.selfScore(
        card.id,
        [{ code: 'CDDH.1', score: 1.75, explanation: 'Chưa có quyết định ban hành' }],
        officer,
      );
      const entry = await db.getRepository(AuditEntry).findOneByOrFail({ action: 'par.self_score', agencyId: a.id });
      expect(entry).toMatchObject({ actorName: 'Cán bộ', before: { score: null, explanation: null } });
      expect(entry.after).toMatchObject({ score: 1.75, criterion: 'CDDH.1' });
    });

    it('refuses a self-score on a test-derived criterion and on another agency', async () => {
      const s = await activeScheme({ ...example(), year: 2033 });
      const a = await agency('department', 20);
      const b = await agency('department', 20);
      const [card] = await scorecards.open(s.id, [a.id], admin);
      const officerA: Principal = { userId: 9, role: Role.AgencyOfficer, agencyId: a.id, name: 'A' };
      const officerB: Principal = { userId: 10, role: Role.AgencyOfficer, agencyId: b.id, name: 'B' };
      await expect(scorecards.selfScore(card.id, [{ code: 'CCCV.4', score: 4 }], officerA)).rejects.toMatchObject({
        code: 'NOT_SELF_ASSESSED',
      });
      await expect(scorecards.selfScore(card.id, [{ code: 'CDDH.1', score: 1 }], officerB)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });

  describe('test-derived recompute (TableExamResultsReader, test only)', () => {
    it('computes the step mapping from stored attempts, identically on every run, and audits only changes', async () => {
      const s = await activeScheme({ ...example(), year: 2026, name: 'Recompute 2026' });
      const full = await agency('department', 10); // 10 of 10 tested, 9 pass → 90 % → full 4 points
      const mid = await agency('department', 20); // 8 tested (40 %), 6 pass → 75 % → 75 % of 4 = 3
      const few = await agency('department', 100); // 4 tested, 3 pass → 3 points, but below 5 candidates → flagged
      const none = await agency('department', 10); // nobody tested → 0, flagged
      await attempts(full.id, [60, 55, 50, 45, 40, 35, 33, 31, 30, 12]);
      await attempts(mid.id, [60, 50, 40, 35, 31, 30, 20, 10]);
      await attempts(few.id, [60, 60, 60, 20]);
      await attempts(mid.id, [60, 60, 60], 9, '2025-12-31T23:59:59Z'); // the previous year: ignored
      const cards = await scorecards.open(s.id, [full.id, mid.id, few.id, none.id], admin);

      const first = await derived.recomputeScheme(s.id, inspector);
      const byAgency = new Map(first.leaves.map((l) => [l.agencyId, l]));
      expect(byAgency.get(full.id)).toMatchObject({
        points: 4,
        flagged: false,
        reason: 'OK',
        candidates: 10,
        changed: true,
      });
      expect(byAgency.get(mid.id)).toMatchObject({ points: 3, flagged: false, candidates: 8 });
      expect(byAgency.get(few.id)).toMatchObject({ points: 3, flagged: true, reason: 'TOO_FEW_CANDIDATES' });
      expect(byAgency.get(none.id)).toMatchObject({ points: 0, flagged: true, reason: 'NO_ATTEMPTS' });

      const item = await itemOf(cards[1].id, 'CCCV.4');
      expect(item.derivedCenti).toBe(300);
      const derivation = item.derivation as TestDerivation;
      expect(derivation.sessions).toEqual([{ sessionId: 1, sessionName: 'Sát hạch 1', candidates: 8, passed: 6 }]);
      expect(derivation.attempts.map((a) => a.score)).toEqual([60, 50, 40, 35, 31, 30, 20, 10]);

      const auditsBefore = await db.getRepository(AuditEntry).countBy({ action: 'par.test_derived.computed' });
      const second = await derived.recomputeScheme(s.id, inspector);
      expect(second.leaves.map((l) => [l.agencyId, l.points, l.flagged])).toEqual(
        first.leaves.map((l) => [l.agencyId, l.points, l.flagged]),
      );
      expect(second.leaves.every((l) => !l.changed)).toBe(true);
      expect(await db.getRepository(AuditEntry).countBy({ action: 'par.test_derived.computed' })).toBe(auditsBefore);
      expect((await itemOf(cards[1].id, 'CCCV.4')).derivation).toEqual(item.derivation);
    });

    it('follows a change of the stored attempts and audits before → after', async () => {
      const s = await activeScheme({ ...example(), year: 2027, name: 'Recompute 2027' });
      const a = await agency('department', 10);
      const rows = await attempts(a.id, [60, 60, 60, 60, 60, 60, 60, 60, 60, 60], 1, '2027-03-01T00:00:00Z');
      const [card] = await scorecards.open(s.id, [a.id], admin);
      await derived.recomputeScorecard(card.id, inspector);
      await reader.setScore(rows[0].attemptId, 10);
      await reader.setScore(rows[1].attemptId, 10);
      const r = await derived.recomputeScorecard(card.id, inspector);
      expect(r.leaves[0]).toMatchObject({ points: 3, changed: true });
      const entries = await db
        .getRepository(AuditEntry)
        .find({ where: { action: 'par.test_derived.computed', agencyId: a.id }, order: { id: 'ASC' } });
      expect(entries.map((e) => [e.before, (e.after as { points: number }).points])).toEqual([
        [{ points: null, flagged: false, candidates: null }, 4],
        [{ points: 4, flagged: false, candidates: 10 }, 3],
      ]);
    });

    it('rolls commune attempts up to their district when configured', async () => {
      const doc = { ...example(), year: 2028, levelCode: 'district', name: 'Cấp huyện 2028' };
      doc.areas[4].children![3].config = { mapping: { mode: 'proportional' }, rollUpCommunes: true };
      const s = await activeScheme(doc);
      const district = await agency('district', 10);
      const commune = await agency('commune', 10, district.id);
      await attempts(district.id, [60, 0], 1, '2028-05-05T00:00:00Z');
      await attempts(commune.id, [60, 60], 2, '2028-05-06T00:00:00Z');
      const [card] = await scorecards.open(s.id, [district.id], admin);
      const r = await derived.recomputeScorecard(card.id, inspector);
      expect(r.leaves[0]).toMatchObject({ points: 3, candidates: 4 }); // 3 of 4 pass → 4 × 75 %
      expect((await itemOf(card.id, 'CCCV.4')).derivation!.agencyIds).toEqual([district.id, commune.id]);
    });

    it('does not change a published scorecard; it only checks the stored points', async () => {
      const s = await activeScheme({ ...example(), year: 2029, name: 'Published 2029' });
      const a = await agency('department', 10);
      const rows = await attempts(a.id, [60, 60, 60, 60, 60], 1, '2029-02-01T00:00:00Z');
      const [card] = await scorecards.open(s.id, [a.id], admin);
      await derived.recomputeScorecard(card.id, inspector);
      await db.getRepository(Scorecard).update({ id: card.id }, { state: 'published' });
      expect((await derived.recomputeScorecard(card.id, inspector)).leaves[0]).toMatchObject({
        frozen: true,
        matchesStored: true,
        changed: false,
      });
      await reader.setScore(rows[0].attemptId, 0);
      expect((await derived.recomputeScorecard(card.id, inspector)).leaves[0]).toMatchObject({
        frozen: true,
        matchesStored: false,
        changed: false,
      });
      expect((await itemOf(card.id, 'CCCV.4')).derivedCenti).toBe(400);
    });
  });
});
