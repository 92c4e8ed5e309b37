import { jest } from '@jest/globals';
import { Role } from '@app/platform';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { answersFor, defaultFormId, type VisitBody } from './survey-helpers.js';

jest.setTimeout(60_000);

interface NodeView {
  code: string;
  source: string | null;
  achieved: number;
  item?: {
    derived: number | null;
    flagged: boolean;
    final: number;
    derivation: {
      kind: string;
      form: { code: string };
      questions: { key: string; text: string }[];
      responses: number;
      answers: number;
      satisfied: number;
      rateHundredths: number | null;
      margin95: number | null;
      low: number | null;
      high: number | null;
      marginMethod: string;
      reason: string;
    } | null;
  };
}
interface ScorecardView {
  totals: { total: number; areas: { code: string; achieved: number }[] };
  nodes: NodeView[];
}
interface SurveyLeafReport {
  agencyId: number;
  code: string;
  points: number;
  flagged: boolean;
  reason: string;
  responses: number;
  ratePercent: number | null;
  changed: boolean;
}

/** The year the survey window defaults to: the scheme's year in Vietnam time (UTC+7). */
const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

/**
 * The survey criterion of the PAR Index on the real server: respondents answer at two desks
 * through the public endpoints (a kiosk and QR links), a scheme names the default form, its
 * civil-servant questions and a mapping, and the recomputed points match a hand computation,
 * identical on every recompute, with the evidence on the scorecard.
 */
describe(`the survey criterion of the PAR Index on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestUser;
  let inspector: TestUser;
  let organizer: TestUser;
  let agencyA: number;
  let agencyB: number;
  let schemeId: number;
  const cards = new Map<number, number>();

  const scheme = (hl1Config: Record<string, unknown>) => ({
    year,
    levelCode: 'department',
    name: `Bộ chỉ số thử ${year}`,
    scale: 100,
    areas: [
      {
        code: 'HL',
        name: 'Sự hài lòng của người dân, tổ chức',
        max: 6,
        children: [
          { code: 'HL.1', name: 'Hài lòng về công chức', max: 2, source: 'survey', config: hl1Config },
          {
            code: 'HL.2',
            name: 'Hài lòng chung',
            max: 3,
            source: 'survey',
            config: {
              form: 'mac-dinh',
              mapping: {
                mode: 'step',
                steps: [
                  { minPercent: 80, sharePercent: 100 },
                  { minPercent: 50, sharePercent: 50 },
                ],
              },
            },
          },
          { code: 'HL.3', name: 'Điều tra xã hội học (chấm tay)', max: 1, source: 'survey' },
        ],
      },
      {
        code: 'TL',
        name: 'Tự đánh giá',
        max: 94,
        children: [{ code: 'TL.1', name: 'Khác', max: 94, source: 'self_assessed' }],
      },
    ],
  });
  const hl1 = { form: 'mac-dinh', questionKeys: ['C.1', 'C.2', 'C.3'], minResponses: 3, onShortfall: 'zero' };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeUser(t, Role.Admin, null);
    inspector = await makeUser(t, Role.Inspector, null);
    organizer = await makeUser(t, Role.Organizer, null);
    agencyA = (await makeAgency(t, { level: 'department', name: 'Sở Tư pháp' })).id;
    agencyB = (await makeAgency(t, { level: 'department', name: 'Sở Xây dựng' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const submit = (visit: VisitBody, value: number, overrides: Record<string, number> = {}) =>
    t.api<{ accepted?: boolean; code?: string }>('POST', '/api/survey/public/responses', {
      visitToken: visit.visitToken,
      answers: answersFor(visit, value, overrides),
    });

  it('takes responses at two desks through the public kiosk and QR endpoints', async () => {
    const desk = async (agencyId: number, name: string) =>
      (
        await t.api<{ id: number; publicCode: string }>(
          'POST',
          '/api/survey/desks',
          { agencyId, name },
          organizer.token,
        )
      ).body;
    const deskA = await desk(agencyA, 'Một cửa Sở Tư pháp');
    const deskB = await desk(agencyB, 'Một cửa Sở Xây dựng');
    const formId = await defaultFormId(t, organizer.token);
    const s = await t.api(
      'POST',
      '/api/survey/surveys',
      {
        name: 'Khảo sát chỉ số',
        formId,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86400_000).toISOString(),
        deskIds: [deskA.id, deskB.id],
      },
      organizer.token,
    );
    expect(s.status).toBe(201);
    const kiosk = await t.api<{ kioskToken: string }>(
      'POST',
      '/api/survey/kiosks',
      { deskId: deskA.id, name: 'Máy tính bảng' },
      organizer.token,
    );
    const kioskVisit = async () =>
      (await t.api<VisitBody>('POST', '/api/survey/public/kiosk/visit', { kioskToken: kiosk.body.kioskToken })).body;
    const qrVisit = async (code: string) =>
      (await t.api<VisitBody>('POST', `/api/survey/public/desks/${code}/visit`)).body;

    // Desk A, 4 respondents (12 ratings each; C.1–C.3 are the civil servant's conduct):
    //   kiosk: all 5 | all 4 but C.2 = 2 | all 2 but C.1 = 4;  QR: all 3.
    const plans: [() => Promise<VisitBody>, number, Record<string, number>][] = [
      [kioskVisit, 5, {}],
      [kioskVisit, 4, { 'C.2': 2 }],
      [kioskVisit, 2, { 'C.1': 4 }],
      [() => qrVisit(deskA.publicCode), 3, {}],
      // Desk B, 2 respondents by QR: all 5 | all 4.
      [() => qrVisit(deskB.publicCode), 5, {}],
      [() => qrVisit(deskB.publicCode), 4, {}],
    ];
    for (const [visit, value, overrides] of plans) {
      const v = await visit();
      const r = await submit(v, value, overrides);
      expect(r.status).toBe(201);
      // A replayed token is refused and counts nothing.
      if (value === 5) expect((await submit(v, 1)).body.code).toBe('SURVEY_TOKEN_USED');
    }
  });

  it('refuses a survey leaf whose configuration is wrong, naming the problem', async () => {
    const bad = await t.api<{ code: string; details: { problems: { path: string; message: string }[] } }>(
      'POST',
      '/api/results/schemes',
      scheme({ form: 'mac-dinh', questionKeys: [], minResponses: -1 }),
      admin.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('SCHEME_INVALID');
    expect(bad.body.details.problems.map((p) => p.message)).toEqual([
      'HL.1: minResponses must be a whole number ≥ 0',
      'HL.1: questionKeys must list 1–100 question keys such as "C.1"',
    ]);
  });

  it('computes the survey points from the stored responses as by hand, the same on every recompute', async () => {
    const created = await t.api<{ id: number }>('POST', '/api/results/schemes', scheme(hl1), admin.token);
    expect(created.status).toBe(201);
    schemeId = created.body.id;
    expect((await t.api('POST', `/api/results/schemes/${schemeId}/activate`, undefined, admin.token)).status).toBe(200);
    const opened = await t.api<{ id: number; agencyId: number }[]>(
      'POST',
      `/api/results/schemes/${schemeId}/scorecards`,
      { agencyIds: [agencyA, agencyB] },
      admin.token,
    );
    for (const c of opened.body) cards.set(c.agencyId, c.id);

    const first = await t.api<{ leaves: unknown[]; survey: SurveyLeafReport[] }>(
      'POST',
      `/api/results/schemes/${schemeId}/recompute`,
      undefined,
      inspector.token,
    );
    expect(first.status).toBe(200);
    expect(first.body.leaves).toEqual([]);
    const rows = (r: SurveyLeafReport[]) =>
      r.map((l) => [
        l.agencyId === agencyA ? 'A' : 'B',
        l.code,
        l.points,
        l.ratePercent,
        l.responses,
        l.reason,
        l.flagged,
      ]);
    // HL.1 (C.1–C.3, proportional, at least 3 responses or zero):
    //   A: 3 + 2 + 1 + 0 = 6 of 12 = 50 % → 2 × 50 % = 1.00;  B: 6 of 6 = 100 % but 2 responses < 3 → 0.
    // HL.2 (all 12 ratings, ≥ 80 % full, ≥ 50 % half; default 30 responses or flag):
    //   A: 12 + 11 + 1 + 0 = 24 of 48 = 50 % → half of 3 = 1.50, flagged;  B: 24 of 24 = 100 % → 3.00, flagged.
    expect(rows(first.body.survey)).toEqual([
      ['A', 'HL.1', 1, 50, 4, 'OK', false],
      ['A', 'HL.2', 1.5, 50, 4, 'TOO_FEW_RESPONSES', true],
      ['B', 'HL.1', 0, 100, 2, 'TOO_FEW_RESPONSES', false],
      ['B', 'HL.2', 3, 100, 2, 'TOO_FEW_RESPONSES', true],
    ]);
    expect(first.body.survey.every((l) => l.changed)).toBe(true);

    const again = await t.api<{ survey: SurveyLeafReport[] }>(
      'POST',
      `/api/results/scorecards/${cards.get(agencyA)}/recompute`,
      undefined,
      inspector.token,
    );
    expect(rows(again.body.survey)).toEqual(rows(first.body.survey).slice(0, 2));
    expect(again.body.survey.map((l) => l.changed)).toEqual([false, false]);
  });

  it('shows the points with their evidence on the scorecard and counts them in the total', async () => {
    const view = (
      await t.api<ScorecardView>('GET', `/api/results/scorecards/${cards.get(agencyA)}`, undefined, inspector.token)
    ).body;
    const node = (code: string) => view.nodes.find((n) => n.code === code)!;
    const hl1Item = node('HL.1').item!;
    expect([hl1Item.derived, hl1Item.final, hl1Item.flagged]).toEqual([1, 1, false]);
    // p = 0.5 on n = 4 responses: Wilson, z = 1.96 → centre 0.5, half-width
    // 1.96 / (1 + 1.96²/4) · √(0.25/4 + 1.96²/64) = 0.99980 · 0.35004 = 35.00 points.
    expect(hl1Item.derivation).toMatchObject({
      kind: 'survey',
      form: { code: 'mac-dinh' },
      responses: 4,
      answers: 12,
      satisfied: 6,
      rateHundredths: 5000,
      margin95: 35,
      low: 15,
      high: 85,
      marginMethod: 'wilson',
      reason: 'OK',
    });
    expect(hl1Item.derivation!.questions.map((q) => q.key)).toEqual(['C.1', 'C.2', 'C.3']);
    expect(node('HL.2').item!.final).toBe(1.5);
    // The hand-scored survey leaf stays with the appraisal team: 0 until appraised.
    expect([node('HL.3').item!.derived, node('HL.3').item!.final]).toEqual([null, 0]);
    expect(view.totals.areas.find((a) => a.code === 'HL')!.achieved).toBe(2.5);
    expect(view.totals.total).toBe(2.5);
  });

  it('stops the recompute with a clear reason when the leaf names a form that does not exist', async () => {
    const district = await makeAgency(t, { level: 'district', name: 'UBND huyện Thử' });
    const doc = { ...scheme({ ...hl1, form: 'khong-co' }), levelCode: 'district' };
    const created = await t.api<{ id: number }>('POST', '/api/results/schemes', doc, admin.token);
    expect(created.status).toBe(201);
    await t.api('POST', `/api/results/schemes/${created.body.id}/activate`, undefined, admin.token);
    await t.api(
      'POST',
      `/api/results/schemes/${created.body.id}/scorecards`,
      { agencyIds: [district.id] },
      admin.token,
    );
    const r = await t.api<{ code: string; message: string }>(
      'POST',
      `/api/results/schemes/${created.body.id}/recompute`,
      undefined,
      inspector.token,
    );
    expect([r.status, r.body.code]).toEqual([409, 'SURVEY_FORM_UNKNOWN']);
    expect(r.body.message).toBe('HL.1: there is no survey form with the code "khong-co"');
  });

  it('needs a note to depart from the computed survey points in the appraisal', async () => {
    const id = cards.get(agencyB)!;
    const officer = await makeUser(t, Role.AgencyOfficer, agencyB);
    expect((await t.api('POST', `/api/results/scorecards/${id}/submit`, undefined, officer.token)).status).toBe(200);
    expect(
      (await t.api('POST', `/api/results/scorecards/${id}/start-appraisal`, undefined, inspector.token)).status,
    ).toBe(200);
    const path = `/api/results/scorecards/${id}/appraisals`;
    const bare = await t.api<{ code: string }>('PUT', path, { items: [{ code: 'HL.1', score: 1 }] }, inspector.token);
    expect([bare.status, bare.body.code]).toEqual([400, 'APPRAISAL_NOTE_REQUIRED']);
    const noted = await t.api<ScorecardView>(
      'PUT',
      path,
      { items: [{ code: 'HL.1', score: 1, note: 'Khảo sát bổ sung tại quầy đạt 10 phiếu' }] },
      inspector.token,
    );
    expect(noted.status).toBe(200);
    expect(noted.body.nodes.find((n) => n.code === 'HL.1')!.item!.final).toBe(1);
  });
});
