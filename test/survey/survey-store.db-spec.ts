import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SurveyAnswer, SurveyForm, SurveyFormVersion, SurveyProcedure, SurveyResultsReader } from '@app/survey';
import { Role } from '@app/platform';
import { aggregateSatisfaction, type ScaleAnswerRow } from '../../libs/survey/src/domain/satisfaction.js';
import { FormsService } from '../../libs/survey/src/forms/forms.service.js';
import { SurveyResultsService } from '../../libs/survey/src/results/results.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(30_000);

describe('survey storage and the published reader on a real database', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds the default form and procedures once, however often it runs', async () => {
    const procedures = await db.getRepository(SurveyProcedure).count();
    await t.app.get(FormsService).ensureDefaults();
    await t.app.get(FormsService).ensureDefaults();
    expect(await db.getRepository(SurveyForm).countBy({ code: 'mac-dinh' })).toBe(1);
    expect(await db.getRepository(SurveyProcedure).count()).toBe(procedures);
    const form = await db.getRepository(SurveyForm).findOneByOrFail({ code: 'mac-dinh' });
    expect(await db.getRepository(SurveyFormVersion).countBy({ formId: form.id })).toBe(1);
  });

  it('counts each answer by its own version’s satisfied minimum, inside [from, to), the same on every call', async () => {
    const form = await db
      .getRepository(SurveyForm)
      .save({ code: 'thu-nghiem', name: 'Thử', currentVersionId: null, createdBy: null });
    const v1 = await db
      .getRepository(SurveyFormVersion)
      .save({ formId: form.id, version: 1, title: 'v1', description: null, satisfiedMin: 4, used: true });
    const v2 = await db
      .getRepository(SurveyFormVersion)
      .save({ formId: form.id, version: 2, title: 'v2', description: null, satisfiedMin: 3, used: true });
    const at = (iso: string) => new Date(iso);
    const answer = (
      responseId: number,
      versionId: number,
      agencyId: number,
      value: number,
      when: string,
      key = 'C.1',
      type = 'scale_1_5',
    ) => ({
      responseId,
      formId: form.id,
      formVersionId: versionId,
      questionId: 1,
      questionKey: key,
      sectionKey: key[0],
      deskId: 1,
      agencyId,
      submittedAt: at(when),
      type: type as 'scale_1_5',
      value: type === 'scale_1_5' ? value : null,
      choice: null,
      text: type === 'comment' ? 'ý kiến' : null,
    });
    await db.getRepository(SurveyAnswer).insert([
      answer(1, v1.id, 7, 4, '2026-03-01T00:00:00.000Z'), // v1: 4 ≥ 4 satisfied
      answer(1, v1.id, 7, 3, '2026-03-01T00:00:00.000Z', 'C.2'), // v1: 3 < 4 not
      answer(2, v2.id, 7, 3, '2026-03-31T23:59:59.999Z'), // v2: 3 ≥ 3 satisfied; last millisecond inside
      answer(3, v2.id, 7, 5, '2026-04-01T00:00:00.000Z'), // at `to`: outside
      answer(4, v2.id, 7, 5, '2026-02-28T23:59:59.999Z'), // before `from`: outside
      answer(5, v2.id, 7, 0, '2026-03-02T00:00:00.000Z', 'E.4', 'comment'), // a comment: not counted
      answer(6, v2.id, 8, 1, '2026-03-05T00:00:00.000Z'),
    ]);
    const reader = t.app.get(SurveyResultsReader);
    const q = {
      formId: form.id,
      agencyIds: [7, 8, 9],
      from: at('2026-03-01T00:00:00Z'),
      to: at('2026-04-01T00:00:00Z'),
    };
    const first = await reader.satisfaction(q);
    expect(first.map((f) => [f.agencyId, f.responses, f.answers, f.satisfied])).toEqual([
      [7, 2, 3, 2],
      [8, 1, 1, 0],
      [9, 0, 0, 0],
    ]);
    expect(first[2]).toMatchObject({ satisfiedRate: null, margin95: null, marginMethod: 'none' });
    expect(await reader.satisfaction(q)).toEqual(first);
    const onlyC2 = await reader.satisfaction({ ...q, questionKeys: ['C.2'] });
    expect(onlyC2[0]).toMatchObject({ responses: 1, answers: 1, satisfied: 0 });
    expect(await reader.satisfaction({ ...q, agencyIds: [] })).toEqual([]);
  });

  it('counts in the database exactly as the pure aggregation does, for every grouping', async () => {
    const form = await db
      .getRepository(SurveyForm)
      .save({ code: 'ngau-nhien', name: 'Ngẫu nhiên', currentVersionId: null, createdBy: null });
    const versions = [
      await db
        .getRepository(SurveyFormVersion)
        .save({ formId: form.id, version: 1, title: 'v1', description: null, satisfiedMin: 4, used: true }),
      await db
        .getRepository(SurveyFormVersion)
        .save({ formId: form.id, version: 2, title: 'v2', description: null, satisfiedMin: 3, used: true }),
    ];
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    const rows: ScaleAnswerRow[] = [];
    const inserts = [];
    for (let responseId = 1000; responseId < 1150; responseId++) {
      const v = versions[rnd(2)];
      const agencyId = 100 + rnd(3);
      const deskId = agencyId * 10 + rnd(2);
      // Around Vietnamese midnight at month ends, across a year.
      const submittedAt = new Date(Date.UTC(2026, rnd(12), 28 + rnd(4), 16 + rnd(2), rnd(60), 0, rnd(1000)));
      for (let q = 0; q < 1 + rnd(4); q++) {
        const value = 1 + rnd(5);
        const questionKey = `${'ABC'[q % 3]}.${q}`;
        rows.push({
          responseId,
          questionKey,
          sectionKey: questionKey[0],
          deskId,
          agencyId,
          submittedAt,
          value,
          satisfiedMin: v.satisfiedMin,
        });
        inserts.push({
          responseId,
          formId: form.id,
          formVersionId: v.id,
          questionId: q + 1,
          questionKey,
          sectionKey: questionKey[0],
          deskId,
          agencyId,
          submittedAt,
          type: 'scale_1_5' as const,
          value,
          choice: null,
          text: null,
        });
      }
    }
    for (let i = 0; i < inserts.length; i += 100)
      await db.getRepository(SurveyAnswer).insert(inserts.slice(i, i + 100));
    const admin = { userId: null, role: Role.Admin, agencyId: null, name: 'test' };
    const pick = (
      gs: {
        key: string;
        responses: number;
        answers: number;
        satisfied: number;
        ratePercent: number | null;
        margin95: number | null;
        low: number | null;
        high: number | null;
      }[],
    ) => gs.map((g) => [g.key, g.responses, g.answers, g.satisfied, g.ratePercent, g.margin95, g.low, g.high]);
    for (const period of ['month', 'quarter', 'year'] as const) {
      const r = await t.app.get(SurveyResultsService).results(admin, { formId: form.id, period });
      expect(pick(r.byPeriod)).toEqual(pick(aggregateSatisfaction(rows, 'period', period)));
      if (period !== 'month') continue;
      expect(pick([r.overall])).toEqual(pick(aggregateSatisfaction(rows, 'overall')));
      expect(pick(r.byQuestion)).toEqual(pick(aggregateSatisfaction(rows, 'question')));
      expect(pick(r.bySection)).toEqual(pick(aggregateSatisfaction(rows, 'section')));
      expect(pick(r.byDesk)).toEqual(pick(aggregateSatisfaction(rows, 'desk')));
      expect(pick(r.byAgency)).toEqual(pick(aggregateSatisfaction(rows, 'agency')));
      expect(r.byPeriod.length).toBeGreaterThan(6);
    }
  });
});
