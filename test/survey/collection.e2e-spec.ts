import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { JWT_KEY, Role } from '@app/platform';
import { decodeVisitToken, encodeVisitToken } from '../../libs/survey/src/domain/visit-token.js';
import { SurveyResponse, SurveyResultsReader } from '@app/survey';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { answersFor, defaultFormId, type VisitBody } from './survey-helpers.js';

jest.setTimeout(30_000);

type Err = { code: string; message: string; details?: { state?: string; problems?: string[] } };
type Group = {
  key: string;
  responses: number;
  answers: number;
  satisfied: number;
  ratePercent: number | null;
  margin95: number | null;
  low: number | null;
  high: number | null;
  method: string;
};

describe('satisfaction survey: collection and results over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let organizer: TestUser;
  let inspector: TestUser;
  let officerA: TestUser;
  let agencyA: number;
  let agencyB: number;
  let deskA: { id: number; publicCode: string };
  let deskB: { id: number; publicCode: string };
  let formId: number;
  let surveyId: number;
  let kioskToken: string;
  const opened = new Date(Date.now() - 3600_000);

  beforeAll(async () => {
    t = await startTestApp();
    agencyA = (await makeAgency(t, { name: 'UBND huyện Tháp Mười', level: 'district' })).id;
    agencyB = (await makeAgency(t, { name: 'UBND huyện Lấp Vò', level: 'district' })).id;
    admin = await makeUser(t, Role.Admin, null);
    organizer = await makeUser(t, Role.Organizer, null);
    inspector = await makeUser(t, Role.Inspector, null);
    officerA = await makeUser(t, Role.AgencyOfficer, agencyA);
    const d1 = await t.api<{ id: number; publicCode: string }>(
      'POST',
      '/api/survey/desks',
      { agencyId: agencyA, name: 'Bộ phận Một cửa huyện Tháp Mười' },
      organizer.token,
    );
    const d2 = await t.api<{ id: number; publicCode: string }>(
      'POST',
      '/api/survey/desks',
      { agencyId: agencyB, name: 'Bộ phận Một cửa huyện Lấp Vò' },
      organizer.token,
    );
    expect([d1.status, d2.status]).toEqual([201, 201]);
    deskA = d1.body;
    deskB = d2.body;
    formId = await defaultFormId(t, organizer.token);
    const s = await t.api<{ id: number; state: string; deskIds: number[] }>(
      'POST',
      '/api/survey/surveys',
      {
        name: 'Khảo sát 2026',
        formId,
        opensAt: opened.toISOString(),
        closesAt: new Date(Date.now() + 86400_000).toISOString(),
        deskIds: [deskA.id, deskB.id],
      },
      organizer.token,
    );
    expect(s.status).toBe(201);
    expect(s.body.state).toBe('open');
    surveyId = s.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const kioskVisit = async () => t.api<VisitBody & Err>('POST', '/api/survey/public/kiosk/visit', { kioskToken });
  const submit = (body: unknown) => t.api<Err & { accepted?: boolean }>('POST', '/api/survey/public/responses', body);

  it('seeds one default Vietnamese form with the five usual aspects', async () => {
    const forms = await t.api<{ code: string }[]>('GET', '/api/survey/forms', undefined, inspector.token);
    expect(forms.body.filter((f) => f.code === 'mac-dinh')).toHaveLength(1);
    const form = await t.api<{ sections: { key: string; title: string }[] }>(
      'GET',
      `/api/survey/forms/${formId}`,
      undefined,
      inspector.token,
    );
    expect(form.body.sections.map((s) => s.key)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(form.body.sections[2].title).toContain('Công chức');
  });

  it('registers a kiosk for an organizer only, and the kiosk takes several responses, one fresh token each', async () => {
    const refused = await t.api(
      'POST',
      '/api/survey/kiosks',
      { deskId: deskA.id, name: 'Máy tính bảng' },
      officerA.token,
    );
    expect(refused.status).toBe(403);
    const k = await t.api<{ kioskToken: string; deskId: number }>(
      'POST',
      '/api/survey/kiosks',
      { deskId: deskA.id, name: 'Máy tính bảng quầy 1' },
      organizer.token,
    );
    expect(k.status).toBe(201);
    kioskToken = k.body.kioskToken;

    // Four respondents at desk A: all 5; all 4; all 3; all 2 but the civil servant's conduct (C.*) 5.
    const plans: [number, Record<string, number>, unknown][] = [
      [5, {}, { respondentType: 'citizen' }],
      [4, {}, { respondentType: 'organisation' }],
      [3, {}, {}],
      [
        2,
        { 'C.1': 5, 'C.2': 5, 'C.3': 5 },
        { contact: { consent: true, name: 'Nguyễn Văn An', phone: '0912 345 678' } },
      ],
    ];
    const tokens = new Set<string>();
    for (const [value, overrides, extra] of plans) {
      const v = await kioskVisit();
      expect(v.status).toBe(200);
      expect(v.body.desk.id).toBe(deskA.id);
      tokens.add(v.body.visitToken);
      const r = await submit({
        visitToken: v.body.visitToken,
        answers: answersFor(v.body, value, overrides),
        ...(extra as object),
      });
      expect(r.status).toBe(201);
      expect(r.body.accepted).toBe(true);
    }
    expect(tokens.size).toBe(4);
  });

  it('prints the desk’s QR code, and the QR link takes one response', async () => {
    const res = await fetch(`${t.url}/api/survey/desks/${deskB.id}/qr?base=https://cchc.example.vn`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(res.headers.get('x-survey-link')).toBe(`https://cchc.example.vn/khao-sat/${deskB.publicCode}`);
    expect(await res.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await fetch(`${t.url}/api/survey/desks/${deskB.id}/qr?format=png`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    const v = await t.api<VisitBody>('POST', `/api/survey/public/desks/${deskB.publicCode}/visit`);
    expect(v.status).toBe(200);
    expect(v.body.procedures.length).toBeGreaterThan(3);
    const procedureId = v.body.procedures[0].id;
    const r = await submit({
      visitToken: v.body.visitToken,
      answers: [...answersFor(v.body, 4, { 'D.1': 1 }), { questionKey: 'E.4', text: 'Nên có thêm ghế chờ' }],
      procedureId,
    });
    expect(r.status).toBe(201);
  });

  it('refuses a replayed token with SURVEY_TOKEN_USED, and lets only one of two simultaneous sends through', async () => {
    const v = await t.api<VisitBody>('POST', `/api/survey/public/desks/${deskB.publicCode}/visit`);
    const body = { visitToken: v.body.visitToken, answers: answersFor(v.body, 1) };
    // An invalid answer does not spend the token…
    const bad = await submit({ ...body, answers: [{ questionKey: 'A.1', value: 7 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('SURVEY_ANSWER_INVALID');
    expect(bad.body.details!.problems).toContain('A.1: choose a value from 1 to 5');
    // …but sending twice at once does: one wins.
    const both = await Promise.all([submit(body), submit(body)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const replay = await submit(body);
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('SURVEY_TOKEN_USED');
    // This response (all 1s at desk B) counts in the hand computation below.
  });

  it('refuses a token nobody issued, and a kiosk token that was never registered', async () => {
    const r = await submit({ visitToken: 'A'.repeat(32), answers: [{ questionKey: 'A.1', value: 5 }] });
    expect([r.status, r.body.code]).toEqual([404, 'SURVEY_TOKEN_UNKNOWN']);
    const k = await t.api<Err>('POST', '/api/survey/public/kiosk/visit', { kioskToken: 'B'.repeat(32) });
    expect([k.status, k.body.code]).toEqual([401, 'SURVEY_KIOSK_UNKNOWN']);
  });

  it('refuses a visit token that was altered or signed elsewhere, and one that expired', async () => {
    const v = await t.api<VisitBody>('POST', `/api/survey/public/desks/${deskB.publicCode}/visit`);
    const answers = answersFor(v.body, 4);
    // The desk id inside the token changed: the signature no longer matches.
    const [payload, sig] = v.body.visitToken.split('.');
    const bytes = Buffer.from(payload, 'base64url');
    bytes.writeUInt32BE(bytes.readUInt32BE(18) + 1, 18);
    const altered = await submit({ visitToken: `${bytes.toString('base64url')}.${sig}`, answers });
    expect([altered.status, altered.body.code]).toEqual([404, 'SURVEY_TOKEN_UNKNOWN']);
    // The same visit signed by this server's key 31 minutes ago: a QR visit lasts 30.
    const key = createHmac('sha256', t.app.get<KeyObject>(JWT_KEY)).update('cchc survey visit token v1').digest();
    const claims = decodeVisitToken(
      v.body.visitToken,
      (p) => createHmac('sha256', key).update(p).digest(),
      timingSafeEqual,
    )!;
    const old = encodeVisitToken({ ...claims, issuedAt: new Date(Date.now() - 31 * 60_000) }, (p) =>
      createHmac('sha256', key).update(p).digest(),
    );
    const expired = await submit({ visitToken: old, answers });
    expect([expired.status, expired.body.code]).toEqual([410, 'SURVEY_TOKEN_EXPIRED']);
    // (The fresh token stays unused: the figures below count the responses sent so far.)
  });

  it('keeps contact details only when the respondent agreed, and nothing else that identifies them', async () => {
    const rows = await t.app
      .get(DataSource)
      .getRepository(SurveyResponse)
      .find({ where: { deskId: deskA.id }, order: { id: 'ASC' } });
    expect(rows.map((r) => r.contactName)).toEqual([null, null, null, 'Nguyễn Văn An']);
    expect(rows.map((r) => r.respondentType)).toEqual(['citizen', 'organisation', null, null]);
    const v = await kioskVisit();
    const noConsent = await submit({
      visitToken: v.body.visitToken,
      answers: answersFor(v.body, 5),
      contact: { consent: false, name: 'X' },
    });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.code).toBe('VALIDATION_FAILED');
  });

  it('computes satisfaction per question, section, desk, agency and period as by hand', async () => {
    const res = await t.api<{
      overall: Group;
      byQuestion: Group[];
      bySection: Group[];
      byDesk: Group[];
      byAgency: Group[];
      byPeriod: Group[];
      respondents: Record<string, number>;
    }>('GET', `/api/survey/results?formId=${formId}&period=year`, undefined, inspector.token);
    expect(res.status).toBe(200);
    const r = res.body;
    // 12 required rating questions per response. Desk A: 12 + 12 + 0 + 3 satisfied of 48 (4 responses);
    // desk B: 11 of 12 (D.1 = 1) + 0 of 12 (the all-1 response) = 11 of 24. Overall 38 / 72 = 52.78 %.
    expect(r.overall).toMatchObject({ responses: 6, answers: 72, satisfied: 38, ratePercent: 52.78, method: 'wilson' });
    const byAgency = Object.fromEntries(r.byAgency.map((g) => [g.key, g]));
    // Agency A: 27 / 48 = 56.25 %, n = 4 responses → Wilson [18.33, 88.04], half-width 34.86.
    expect(byAgency[String(agencyA)]).toMatchObject({
      responses: 4,
      answers: 48,
      satisfied: 27,
      ratePercent: 56.25,
      low: 18.33,
      high: 88.04,
      margin95: 34.86,
    });
    expect(byAgency[String(agencyB)]).toMatchObject({ responses: 2, answers: 24, satisfied: 11, ratePercent: 45.83 });
    expect(r.byDesk.map((g) => [Number(g.key), g.satisfied, g.answers])).toEqual([
      [deskA.id, 27, 48],
      [deskB.id, 11, 24],
    ]);
    // C.1: 5, 4, 3, 5, 4, 1 → 4 of 6 = 66.67 %, Wilson (n = 6): [30.00, 90.32].
    expect(r.byQuestion.find((g) => g.key === 'C.1')).toMatchObject({
      responses: 6,
      satisfied: 4,
      ratePercent: 66.67,
      low: 30,
      high: 90.32,
    });
    // D.1: 5, 4, 3, 2, 1, 1 → 2 of 6.
    expect(r.byQuestion.find((g) => g.key === 'D.1')).toMatchObject({ satisfied: 2, answers: 6, ratePercent: 33.33 });
    // Section C: 3 + 3 + 0 + 3 + 3 + 0 = 12 of 18.
    expect(r.bySection.find((g) => g.key === 'C')).toMatchObject({
      satisfied: 12,
      answers: 18,
      responses: 6,
      ratePercent: 66.67,
    });
    expect(r.byPeriod.map((g) => [g.satisfied, g.answers])).toEqual([[38, 72]]);
    expect(r.respondents).toEqual({ citizen: 1, organisation: 1, unknown: 4 });
  });

  it('maps the civil-servant questions to criterion points as by hand, through the HTTP preview and the published reader', async () => {
    const window = { from: opened.toISOString(), to: new Date(Date.now() + 3600_000).toISOString() };
    const ask = (config: unknown) =>
      t.api<{ agencyId: number; points: number; reason: string; rateHundredths: number; flagged: boolean }[]>(
        'POST',
        '/api/survey/results/criterion-points',
        { formId, questionKeys: ['C.1', 'C.2', 'C.3'], agencyIds: [agencyA, agencyB], maxPoints: 2, ...window, config },
        inspector.token,
      );
    // Agency A, C.*: 3 + 3 + 0 + 3 = 9 of 12 = 75 % → proportional 2 × 0.75 = 1.50.
    // Agency B: 3 of 6 = 50 % but 2 responses < 3 → zero.
    const prop = await ask({ mapping: { mode: 'proportional' }, minResponses: 3, onShortfall: 'zero' });
    expect(prop.status).toBe(200);
    expect(prop.body.map((x) => [x.agencyId, x.points, x.rateHundredths, x.reason])).toEqual([
      [agencyA, 1.5, 7500, 'OK'],
      [agencyB, 0, 5000, 'TOO_FEW_RESPONSES'],
    ]);
    // Step: ≥ 80 % → full, ≥ 50 % → half: A 75 % → 1.00; B 50 % → 1.00, flagged (too few responses).
    const step = await ask({
      mapping: {
        mode: 'step',
        steps: [
          { minPercent: 80, sharePercent: 100 },
          { minPercent: 50, sharePercent: 50 },
        ],
      },
      minResponses: 3,
      onShortfall: 'flag',
    });
    expect(step.body.map((x) => [x.points, x.flagged])).toEqual([
      [1, false],
      [1, true],
    ]);
    const again = await ask({ mapping: { mode: 'proportional' }, minResponses: 3, onShortfall: 'zero' });
    expect(again.body).toEqual(prop.body);

    const reader = t.app.get(SurveyResultsReader);
    const figures = await reader.satisfaction({
      formId,
      questionKeys: ['C.1', 'C.2', 'C.3'],
      agencyIds: [agencyB, agencyA, 999999],
      from: opened,
      to: new Date(Date.now() + 3600_000),
    });
    expect(figures.map((f) => [f.agencyId, f.responses, f.answers, f.satisfied])).toEqual([
      [agencyB, 2, 6, 3],
      [agencyA, 4, 12, 9],
      [999999, 0, 0, 0],
    ]);
    expect(figures[1].satisfiedRate).toBe(0.75);
    const bad = await ask({ mapping: { mode: 'penalty' } });
    expect([bad.status, (bad.body as unknown as Err).code]).toEqual([400, 'SURVEY_CRITERION_INVALID']);
  });

  it('shows an agency officer their own agency only', async () => {
    const own = await t.api<{ byAgency: Group[] }>(
      'GET',
      `/api/survey/results?formId=${formId}`,
      undefined,
      officerA.token,
    );
    expect(own.status).toBe(200);
    expect(own.body.byAgency.map((g) => Number(g.key))).toEqual([agencyA]);
    const other = await t.api<Err>(
      'GET',
      `/api/survey/results?formId=${formId}&agencyId=${agencyB}`,
      undefined,
      officerA.token,
    );
    expect(other.status).toBe(403);
    const preview = await t.api('POST', '/api/survey/results/criterion-points', {}, officerA.token);
    expect(preview.status).toBe(403);
  });

  it('exports the results to Excel with Vietnamese headers', async () => {
    const res = await fetch(`${t.url}/api/survey/results/export?formId=${formId}`, {
      headers: { authorization: `Bearer ${inspector.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo câu hỏi',
      'Theo nhóm tiêu chí',
      'Theo bộ phận một cửa',
      'Theo cơ quan',
      'Theo kỳ',
      'Người trả lời',
    ]);
    const ws = wb.getWorksheet('Theo câu hỏi')!;
    expect(ws.getRow(3).values).toContain('Tỷ lệ hài lòng (%)');
    const c1 = ws.getRows(4, ws.rowCount - 3)!.find((row) => row.getCell(1).value === 'C.1')!;
    expect([c1.getCell(3).value, c1.getCell(5).value, c1.getCell(6).value]).toEqual([6, 4, 66.67]);
  });

  it('versions the form: editing a form a survey uses makes version 2 and leaves version 1 as it was', async () => {
    const before = await t.api<{ version: number; sections: { questions: { text: string }[] }[] }>(
      'GET',
      `/api/survey/forms/${formId}`,
      undefined,
      admin.token,
    );
    const draft = {
      title: 'Phiếu rút gọn',
      sections: [
        {
          key: 'C',
          title: 'Công chức',
          questions: [{ key: 'C.1', type: 'scale_1_5', text: 'Thái độ của công chức', required: true }],
        },
      ],
    };
    const edited = await t.api<{ version: number; used: boolean }>(
      'PUT',
      `/api/survey/forms/${formId}`,
      { form: draft },
      admin.token,
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: before.body.version + 1, used: false });
    const v1 = await t.api<{ sections: { questions: { text: string }[] }[] }>(
      'GET',
      `/api/survey/forms/${formId}/versions/1`,
      undefined,
      admin.token,
    );
    expect(v1.body.sections).toHaveLength(5);
    expect(v1.body.sections[0].questions[0].text).toBe(before.body.sections[0].questions[0].text);
    // Editing the unused version 2 again changes it in place.
    const again = await t.api<{ version: number }>(
      'PUT',
      `/api/survey/forms/${formId}`,
      { form: { ...draft, title: 'Phiếu rút gọn (sửa)' } },
      admin.token,
    );
    expect(again.body.version).toBe(edited.body.version);
    // The running survey still collects on version 1.
    const v = await kioskVisit();
    expect(v.body.form.sections).toHaveLength(5);
    const invalid = await t.api<Err>(
      'POST',
      '/api/survey/forms',
      {
        code: 'x',
        name: 'X',
        form: {
          title: 'T',
          sections: [{ key: 'A', title: 'A', questions: [{ key: 'A.1', type: 'comment', text: 'Ý kiến' }] }],
        },
      },
      admin.token,
    );
    expect([invalid.status, invalid.body.code]).toEqual([400, 'SURVEY_FORM_INVALID']);
  });

  it('limits visits per device, and refuses a desk in two surveys at once', async () => {
    const deskC = (
      await t.api<{ id: number; publicCode: string }>(
        'POST',
        '/api/survey/desks',
        { agencyId: agencyB, name: 'Quầy phụ' },
        admin.token,
      )
    ).body;
    const s = await t.api<{ id: number }>(
      'POST',
      '/api/survey/surveys',
      {
        name: 'Thử giới hạn',
        formId,
        opensAt: opened.toISOString(),
        closesAt: new Date(Date.now() + 86400_000).toISOString(),
        deskIds: [deskC.id],
        deviceRatePerMinute: 2,
      },
      organizer.token,
    );
    expect(s.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await t.api('POST', `/api/survey/public/desks/${deskC.publicCode}/visit`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const clash = await t.api<Err>(
      'POST',
      '/api/survey/surveys',
      {
        name: 'Trùng',
        formId,
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        deskIds: [deskC.id],
      },
      organizer.token,
    );
    expect([clash.status, clash.body.code]).toEqual([409, 'SURVEY_DESK_BUSY']);
  });

  it('refuses a response sent after the survey closed with SURVEY_CLOSED, and refuses new visits', async () => {
    const v = await kioskVisit();
    expect(v.status).toBe(200);
    const closed = await t.api(
      'PATCH',
      `/api/survey/surveys/${surveyId}`,
      { closesAt: new Date(Date.now() - 1000).toISOString() },
      organizer.token,
    );
    expect(closed.status).toBe(200);
    const late = await submit({ visitToken: v.body.visitToken, answers: answersFor(v.body, 5) });
    expect([late.status, late.body.code, late.body.details!.state]).toEqual([410, 'SURVEY_CLOSED', 'ended']);
    const visit = await kioskVisit();
    expect([visit.status, visit.body.code]).toEqual([410, 'SURVEY_CLOSED']);
    // Not yet open: a reason with the opening time.
    await t.api(
      'PATCH',
      `/api/survey/surveys/${surveyId}`,
      {
        opensAt: new Date(Date.now() + 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 7200_000).toISOString(),
      },
      organizer.token,
    );
    const early = await kioskVisit();
    expect([early.status, early.body.code, early.body.details?.state]).toEqual([409, 'SURVEY_CLOSED', 'not_started']);
  });

  it('stops a revoked kiosk at once', async () => {
    const list = await t.api<{ id: number; active: boolean }[]>(
      'GET',
      `/api/survey/kiosks?deskId=${deskA.id}`,
      undefined,
      organizer.token,
    );
    expect(list.body.map((k) => k.active)).toEqual([true]);
    const revoked = await t.api('POST', `/api/survey/kiosks/${list.body[0].id}/revoke`, undefined, organizer.token);
    expect(revoked.status).toBe(200);
    const visit = await kioskVisit();
    expect([visit.status, visit.body.code]).toEqual([401, 'SURVEY_KIOSK_UNKNOWN']);
  });
});
