import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '@app/platform';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { makeQuestion, makeTopic } from '../exam/exam-builders.js';

interface NodeView {
  code: string;
  source: string | null;
  max: number;
  achieved: number;
  item?: {
    id: number;
    self: number | null;
    appraised: number | null;
    derived: number | null;
    flagged: boolean;
    final: number;
    evidence: { id: number; name: string; type: string; sha256: string }[];
    derivation: {
      candidates: number;
      passed: number;
      passRateHundredths: number;
      sessions: { sessionId: number; sessionName: string; candidates: number; passed: number }[];
      attempts: { candidateNumber: string; score: number; maxScore: number; passed: boolean }[];
    } | null;
  };
}
interface ScorecardView {
  id: number;
  agencyId: number;
  state: string;
  totals: { total: number; index: number; band: string; areas: { code: string; achieved: number; index: number }[] };
  nodes: NodeView[];
}
interface RankingRow {
  rank: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  total: number;
  index: number;
  band: string;
  areas: { code: string; achieved: number }[];
  previousRank: number | null;
  rankChange: number | null;
}

// Server start and migrations on a busy shared machine take several seconds.
jest.setTimeout(60_000);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode', 'latin1');

/**
 * The PAR Index on the real server: a scheme imported from config/ → agencies self-score with
 * evidence (real multipart uploads) → an inspection test taken over HTTP flows into the
 * test-derived criterion through the exam bank's ExamResultsReader → an appraisal override is
 * audited → the published ranking shares ranks for ties → the Excel export holds the same figures.
 */
describe(`the PAR Index end to end on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestUser;
  let inspector: TestUser;
  let schemeId: number;
  const year = new Date().getUTCFullYear();
  const agencies: { id: number; code: string }[] = [];
  const officers: TestUser[] = [];
  const cards: number[] = [];
  let selfLeaves: { code: string; max: number }[] = [];

  const upload = async (path: string, token: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const res = await fetch(t.url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return {
      status: res.status,
      body: (await res.json()) as { id: number; sha256: string; type: string; code?: string },
    };
  };
  const card = async (i: number, token = admin.token) =>
    (await t.api<ScorecardView>('GET', `/api/results/scorecards/${cards[i]}`, undefined, token)).body;
  const node = (view: ScorecardView, code: string) => view.nodes.find((n) => n.code === code)!;

  const uploadDir = mkdtempSync(join(tmpdir(), 'par-evidence-'));

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_DIR: uploadDir });
    admin = await makeUser(t, Role.Admin, null);
    inspector = await makeUser(t, Role.Inspector, null);
    for (const [i, name] of ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Xây dựng'].entries()) {
      const a = await makeAgency(t, { level: 'department', name, code: `SO${i}`, staffCount: 10 });
      agencies.push({ id: a.id, code: a.code });
      officers.push(await makeUser(t, Role.AgencyOfficer, a.id));
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('imports the shipped scheme, activates it and opens a scorecard per department', async () => {
    const doc = JSON.parse(
      readFileSync(new URL('../../config/index-schemes/department-2026.json', import.meta.url), 'utf8'),
    );
    const created = await t.api<{ id: number; status: string }>(
      'POST',
      '/api/results/schemes',
      { ...doc, year },
      admin.token,
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    schemeId = created.body.id;
    expect((await t.api('POST', `/api/results/schemes/${schemeId}/activate`, undefined, inspector.token)).status).toBe(
      403,
    );
    expect((await t.api('POST', `/api/results/schemes/${schemeId}/activate`, undefined, admin.token)).status).toBe(200);
    const opened = await t.api<{ id: number; agencyId: number }[]>(
      'POST',
      `/api/results/schemes/${schemeId}/scorecards`,
      { agencyIds: agencies.map((a) => a.id) },
      admin.token,
    );
    expect(opened.status).toBe(201);
    expect(opened.body.map((c) => c.agencyId)).toEqual(agencies.map((a) => a.id));
    cards.push(...opened.body.map((c) => c.id));
    selfLeaves = (await card(0)).nodes
      .filter((n) => n.source === 'self_assessed')
      .map((n) => ({ code: n.code, max: n.max }));
    expect(selfLeaves.reduce((s, l) => s + l.max * 100, 0)).toBe(7200);
  });

  it('exports the scheme to Excel and imports the workbook back as a new draft with the same tree', async () => {
    const res = await fetch(`${t.url}/api/results/schemes/${schemeId}/export.xlsx`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const info = wb.getWorksheet('Thông tin')!;
    info.eachRow((row) => {
      if (row.getCell(1).value === 'Tên bộ chỉ số') row.getCell(2).value = 'Bản sao từ Excel';
    });
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), 'bo-chi-so.xlsx');
    const imported = await fetch(`${t.url}/api/results/schemes/import.xlsx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: form,
    });
    expect(imported.status).toBe(201);
    const { id } = (await imported.json()) as { id: number };
    const a = await t.api<{ name: string; areas: unknown[] }>(
      'GET',
      `/api/results/schemes/${schemeId}/export.json`,
      undefined,
      admin.token,
    );
    const b = await t.api<{ name: string; areas: unknown[] }>(
      'GET',
      `/api/results/schemes/${id}/export.json`,
      undefined,
      admin.token,
    );
    expect(b.body.name).toBe('Bản sao từ Excel');
    expect(b.body.areas).toEqual(a.body.areas);
    expect((await t.api('DELETE', `/api/results/schemes/${id}`, undefined, admin.token)).status).toBe(204);
  });

  it('lets each agency self-score with evidence; refuses a disguised file', async () => {
    // Agencies 0 and 1 claim everything; 2 and 3 identically leave CDDH.1 at 0; 4 gives itself half of each.
    for (const [i, officer] of officers.entries()) {
      const items = selfLeaves.map((l) => ({
        code: l.code,
        score: i === 4 ? Math.floor(l.max * 50) / 100 : (i === 2 || i === 3) && l.code === 'CDDH.1' ? 0 : l.max,
        ...(l.code === 'CDDH.1' && (i === 2 || i === 3)
          ? { explanation: 'Kế hoạch ban hành chậm, chưa có văn bản kiểm chứng' }
          : {}),
      }));
      const res = await t.api<ScorecardView>(
        'PUT',
        `/api/results/scorecards/${cards[i]}/self-scores`,
        { items },
        officer.token,
      );
      expect(res.status).toBe(200);
    }
    const up = await upload(
      `/api/results/scorecards/${cards[0]}/items/CDDH.1/evidence`,
      officers[0].token,
      PDF,
      'Kế hoạch CCHC.pdf',
    );
    expect(up.status).toBe(201);
    expect(up.body.type).toBe('pdf');
    expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bad = await upload(
      `/api/results/scorecards/${cards[0]}/items/CDDH.2.1/evidence`,
      officers[0].token,
      EXE,
      'bao-cao.pdf',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const huge = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(
      `/api/results/scorecards/${cards[0]}/items/CDDH.2.1/evidence`,
      officers[0].token,
      huge,
      'lon.pdf',
    );
    expect(tooLarge.status).toBe(413);

    const view = await card(0, officers[0].token);
    expect(node(view, 'CDDH.1').item!.evidence).toEqual([
      expect.objectContaining({ name: 'Kế hoạch CCHC.pdf', type: 'pdf', sha256: up.body.sha256 }),
    ]);
    const download = await fetch(`${t.url}/api/results/evidence/${up.body.id}`, {
      headers: { authorization: `Bearer ${officers[0].token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    // Stored once under UPLOAD_DIR by its content hash; the refused files left nothing behind.
    expect(readdirSync(join(uploadDir, 'evidence', up.body.sha256.slice(0, 2)))).toEqual([up.body.sha256]);
    expect(readdirSync(join(uploadDir, 'evidence'))).toHaveLength(1);
    expect(view.totals.total).toBe(72);

    const testDerived = await t.api<{ code: string }>(
      'PUT',
      `/api/results/scorecards/${cards[0]}/self-scores`,
      { items: [{ code: 'CCCV.4', score: 4 }] },
      officers[0].token,
    );
    expect(testDerived.status).toBe(400);
    expect(testDerived.body.code).toBe('NOT_SELF_ASSESSED');
  });

  it("keeps an agency officer out of another agency's scorecard and evidence", async () => {
    const other = officers[1].token;
    expect((await t.api('GET', `/api/results/scorecards/${cards[0]}`, undefined, other)).status).toBe(403);
    const change = await t.api(
      'PUT',
      `/api/results/scorecards/${cards[0]}/self-scores`,
      { items: [{ code: 'CDDH.1', score: 0 }] },
      other,
    );
    expect(change.status).toBe(403);
    expect((await t.api('POST', `/api/results/scorecards/${cards[0]}/submit`, undefined, other)).status).toBe(403);
    const evidence = node(await card(0), 'CDDH.1').item!.evidence[0];
    expect((await t.api('GET', `/api/results/evidence/${evidence.id}`, undefined, other)).status).toBe(403);
    const up = await upload(`/api/results/scorecards/${cards[0]}/items/CDDH.1/evidence`, other, PDF, 'x.pdf');
    expect(up.status).toBe(403);
    const list = await t.api<{ agencyId: number }[]>(
      'GET',
      `/api/results/scorecards?schemeId=${schemeId}`,
      undefined,
      other,
    );
    expect(list.body.map((c) => c.agencyId)).toEqual([agencies[1].id]);
    expect(
      (
        await t.api(
          'PUT',
          `/api/results/scorecards/${cards[0]}/appraisals`,
          { items: [{ code: 'CDDH.1', score: 0 }] },
          other,
        )
      ).status,
    ).toBe(403);
    expect(node(await card(0), 'CDDH.1').item!.self).toBe(2);
  });

  it('takes the inspection test over HTTP and turns the graded attempts into the criterion, with its evidence', async () => {
    const topic = await makeTopic(t, 'Kiến thức cải cách hành chính');
    for (let i = 0; i < 4; i++) await makeQuestion(t, { topicId: topic.id, difficulty: 'easy' });
    const tpl = await t.api<{ id: number }>(
      'POST',
      '/api/exam/templates',
      {
        name: 'Sát hạch công chức sở',
        navigation: 'free',
        parts: [
          { name: 'Chung', rules: [{ topicIds: [topic.id], count: 4 }], shuffleQuestions: true, shuffleOptions: false },
        ],
      },
      admin.token,
    );
    expect(tpl.status).toBe(201);
    const session = await t.api<{ id: number }>(
      'POST',
      '/api/exam/sessions',
      {
        templateId: tpl.body.id,
        name: 'Kiểm tra CCHC Sở Nội vụ',
        purpose: 'inspection',
        agencyId: agencies[0].id,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        durationSeconds: 600,
        reviewShows: 'score',
        reviewWhen: 'immediately',
      },
      inspector.token,
    );
    expect(session.status).toBe(201);
    const numbered = [1, 2, 3, 4, 5].map((n) => ({ candidateNumber: `SNV-${n}`, fullName: `Công chức số ${n}` }));
    expect(
      (await t.api('POST', `/api/exam/sessions/${session.body.id}/candidates`, { numbered }, inspector.token)).status,
    ).toBe(201);
    const codes = await t.api<{ candidateNumber: string; accessCode: string }[]>(
      'POST',
      `/api/exam/sessions/${session.body.id}/access-codes`,
      {},
      inspector.token,
    );
    // Four candidates answer every question right, SNV-5 answers every one wrong: 80 % pass.
    for (const c of codes.body) {
      const login = await t.api<{ accessToken: string }>('POST', '/api/exam/candidate-login', {
        candidateNumber: c.candidateNumber,
        accessCode: c.accessCode,
      });
      expect(login.status).toBe(200);
      const token = login.body.accessToken;
      const attempt = await t.api<{ attemptId: number; items: { index: number }[] }>(
        'POST',
        `/api/exam/sessions/${session.body.id}/start`,
        undefined,
        token,
      );
      expect(attempt.status).toBe(200);
      for (const item of attempt.body.items) {
        const chosen = c.candidateNumber === 'SNV-5' ? ['b'] : ['a'];
        expect(
          (await t.api('PUT', `/api/exam/attempts/${attempt.body.attemptId}/answers/${item.index}`, { chosen }, token))
            .status,
        ).toBe(200);
      }
      expect(
        (await t.api('POST', `/api/exam/attempts/${attempt.body.attemptId}/submit`, undefined, token)).status,
      ).toBe(200);
    }

    for (const [i, officer] of officers.entries()) {
      expect((await t.api('POST', `/api/results/scorecards/${cards[i]}/submit`, undefined, officer.token)).status).toBe(
        200,
      );
      expect(
        (await t.api('POST', `/api/results/scorecards/${cards[i]}/start-appraisal`, undefined, inspector.token)).status,
      ).toBe(200);
    }
    const first = await t.api<{
      attempts: number;
      leaves: { agencyId: number; points: number; flagged: boolean; reason: string; changed: boolean }[];
    }>('POST', `/api/results/schemes/${schemeId}/recompute`, undefined, inspector.token);
    expect(first.status).toBe(200);
    expect(first.body.attempts).toBe(5);
    expect(first.body.leaves.find((l) => l.agencyId === agencies[0].id)).toMatchObject({
      points: 3,
      flagged: false,
      reason: 'OK',
      changed: true,
    });
    expect(first.body.leaves.find((l) => l.agencyId === agencies[1].id)).toMatchObject({
      points: 0,
      flagged: true,
      reason: 'NO_ATTEMPTS',
    });

    const again = await t.api<{ leaves: { points: number; changed: boolean }[] }>(
      'POST',
      `/api/results/schemes/${schemeId}/recompute`,
      undefined,
      inspector.token,
    );
    expect(again.body.leaves.map((l) => l.points)).toEqual(first.body.leaves.map((l) => l.points));
    expect(again.body.leaves.every((l) => !l.changed)).toBe(true);

    const item = node(await card(0, officers[0].token), 'CCCV.4').item!;
    expect(item).toMatchObject({ derived: 3, final: 3, flagged: false });
    expect(item.derivation!.sessions).toEqual([
      { sessionId: session.body.id, sessionName: 'Kiểm tra CCHC Sở Nội vụ', candidates: 5, passed: 4 },
    ]);
    expect(item.derivation!.passRateHundredths).toBe(8000);
    expect(item.derivation!.attempts.map((a) => [a.candidateNumber, a.score, a.passed]).sort()).toEqual([
      ['SNV-1', 4, true],
      ['SNV-2', 4, true],
      ['SNV-3', 4, true],
      ['SNV-4', 4, true],
      ['SNV-5', 0, false],
    ]);

    const rates = await t.api<{ rows: { agencyId: number; candidates: number; passRate: number | null }[] }>(
      'GET',
      `/api/results/schemes/${schemeId}/reports/pass-rates`,
      undefined,
      inspector.token,
    );
    expect(rates.body.rows.find((r) => r.agencyId === agencies[0].id)).toMatchObject({ candidates: 5, passRate: 80 });
    const dist = await t.api<{ buckets: { from: number; count: number }[] }>(
      'GET',
      `/api/results/schemes/${schemeId}/reports/distribution`,
      undefined,
      inspector.token,
    );
    expect(dist.body.buckets.find((b) => b.from === 0)!.count).toBe(1);
    expect(dist.body.buckets.find((b) => b.from === 90)!.count).toBe(4);
    const topics = await t.api<{ topicName: string; facility: number }[]>(
      'GET',
      `/api/results/schemes/${schemeId}/reports/weakest-topics?agencyId=${agencies[0].id}`,
      undefined,
      inspector.token,
    );
    expect(topics.body).toEqual([
      expect.objectContaining({ topicName: 'Kiến thức cải cách hành chính', facility: 0.8 }),
    ]);
  });

  it('audits an appraisal override with its note and refuses one without a note', async () => {
    const noNote = await t.api<{ code: string }>(
      'PUT',
      `/api/results/scorecards/${cards[1]}/appraisals`,
      { items: [{ code: 'CDDH.1', score: 1 }] },
      inspector.token,
    );
    expect(noNote.status).toBe(400);
    expect(noNote.body.code).toBe('APPRAISAL_NOTE_REQUIRED');
    const note = 'Bộ phận một cửa xác nhận kết quả sát hạch trên giấy của 6 công chức';
    const res = await t.api<ScorecardView>(
      'PUT',
      `/api/results/scorecards/${cards[1]}/appraisals`,
      {
        items: [
          { code: 'CDDH.1', score: 1, note: 'Kế hoạch thiếu nội dung kiểm tra' },
          { code: 'CCCV.4', score: 2, note },
        ],
      },
      inspector.token,
    );
    expect(res.status).toBe(200);
    expect(node(res.body, 'CCCV.4').item).toMatchObject({ derived: 0, appraised: 2, final: 2 });
    const audit = await t.api<{
      items: {
        action: string;
        actorName: string;
        before: unknown;
        after: { score: number; note: string };
        reason: string;
      }[];
    }>(
      'GET',
      `/api/audit?entityType=par_scorecard_item&entityId=${node(res.body, 'CCCV.4').item!.id}`,
      undefined,
      inspector.token,
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'par.test_derived.overridden',
      actorName: inspector.user.fullName,
      before: { score: null, final: 0 },
      after: { score: 2, note },
      reason: note,
    });
    // Survey points for everyone (no proposal, so no note needed).
    for (const id of cards) {
      const s = await t.api(
        'PUT',
        `/api/results/scorecards/${id}/appraisals`,
        {
          items: [
            { code: 'TD.1', score: 12 },
            { code: 'TD.2', score: 6 },
          ],
        },
        inspector.token,
      );
      expect(s.status).toBe(200);
    }
    const diffs = await t.api<{ agencyId: number; absolute: number }[]>(
      'GET',
      `/api/results/schemes/${schemeId}/reports/differences`,
      undefined,
      inspector.token,
    );
    expect(diffs.body[0]).toMatchObject({ agencyId: agencies[1].id, absolute: 1 });
  });

  it('publishes (admin only) a ranking with shared ranks for ties, and an Excel export with the same figures', async () => {
    for (const id of cards)
      expect(
        (await t.api('POST', `/api/results/scorecards/${id}/finish-appraisal`, undefined, inspector.token)).status,
      ).toBe(200);
    expect(
      (await t.api('POST', `/api/results/scorecards/${cards[0]}/publish`, undefined, inspector.token)).status,
    ).toBe(403);
    const published = await t.api<unknown[]>(
      'POST',
      `/api/results/schemes/${schemeId}/publish`,
      undefined,
      admin.token,
    );
    expect(published.body).toHaveLength(5);

    const ranking = await t.api<{ rows: RankingRow[] }>(
      'GET',
      `/api/results/rankings?year=${year}&levelCode=department`,
      undefined,
      officers[2].token,
    );
    expect(ranking.status).toBe(200);
    // 0: 72 + 3 + 18 = 93; 1: 71 + 2 + 18 = 91; 2 and 3: 70 + 0 + 18 = 88 (equal in every tie-breaker); 4: 36 + 18 = 54
    expect(ranking.body.rows.map((r) => [r.agencyCode, r.rank, r.total, r.index, r.band])).toEqual([
      ['SO0', 1, 93, 93, 'Tốt'],
      ['SO1', 2, 91, 91, 'Tốt'],
      ['SO2', 3, 88, 88, 'Khá'],
      ['SO3', 3, 88, 88, 'Khá'],
      ['SO4', 5, 54, 54, 'Yếu'],
    ]);
    expect(ranking.body.rows[0].areas.find((a) => a.code === 'CCCV')).toEqual({
      code: 'CCCV',
      achieved: 13,
      index: 92.86,
    });

    const res = await fetch(`${t.url}/api/results/schemes/${schemeId}/ranking.xlsx`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('Xếp hạng')!;
    const header = sheet.getRow(2).values as unknown[];
    expect(header.slice(1, 7)).toEqual(['Hạng', 'Mã cơ quan', 'Cơ quan', 'Tổng điểm', 'Chỉ số (%)', 'Xếp loại']);
    const areaColumns = ranking.body.rows[0].areas.map((a) =>
      header.findIndex((h) => String(h).startsWith(`${a.code} – `)),
    );
    const back = ranking.body.rows.map((_, i) => {
      const row = sheet.getRow(3 + i);
      return {
        rank: row.getCell(1).value,
        code: row.getCell(2).value,
        name: row.getCell(3).value,
        total: row.getCell(4).value,
        index: row.getCell(5).value,
        band: row.getCell(6).value,
        areas: areaColumns.map((c) => row.getCell(c).value),
      };
    });
    expect(back).toEqual(
      ranking.body.rows.map((r) => ({
        rank: r.rank,
        code: r.agencyCode,
        name: r.agencyName,
        total: r.total,
        index: r.index,
        band: r.band,
        areas: r.areas.map((a) => a.achieved),
      })),
    );
  });

  it('reopens a published scorecard only by an admin with a reason, and audits it', async () => {
    expect(
      (await t.api('POST', `/api/results/scorecards/${cards[4]}/reopen`, { reason: 'x' }, inspector.token)).status,
    ).toBe(403);
    const noReason = await t.api<{ code: string }>(
      'POST',
      `/api/results/scorecards/${cards[4]}/reopen`,
      { reason: '' },
      admin.token,
    );
    expect(noReason.status).toBe(400);
    const reason = 'Sở Xây dựng bổ sung tài liệu kiểm chứng bị thiếu';
    const ok = await t.api<{ state: string }>(
      'POST',
      `/api/results/scorecards/${cards[4]}/reopen`,
      { reason },
      admin.token,
    );
    expect(ok.body.state).toBe('draft');
    const audit = await t.api<{ items: { action: string; reason: string; before: unknown; after: unknown }[] }>(
      'GET',
      `/api/audit?entityType=par_scorecard&entityId=${cards[4]}`,
      undefined,
      admin.token,
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'par.scorecard.reopen',
      reason,
      before: { state: 'published' },
      after: { state: 'draft' },
    });
    const ranking = await t.api<{ rows: RankingRow[] }>(
      'GET',
      `/api/results/schemes/${schemeId}/ranking`,
      undefined,
      admin.token,
    );
    expect(ranking.body.rows.map((r) => r.agencyCode)).toEqual(['SO0', 'SO1', 'SO2', 'SO3']);
  });

  it('shows the change from the previous year in the ranking', async () => {
    const copy = await t.api<{ id: number }>(
      'POST',
      `/api/results/schemes/${schemeId}/copy`,
      { year: year - 1, name: 'Bộ chỉ số năm trước' },
      admin.token,
    );
    expect(copy.status).toBe(201);
    await t.api('POST', `/api/results/schemes/${copy.body.id}/activate`, undefined, admin.token);
    const opened = await t.api<{ id: number; agencyId: number }[]>(
      'POST',
      `/api/results/schemes/${copy.body.id}/scorecards`,
      { agencyIds: [agencies[0].id, agencies[1].id] },
      admin.token,
    );
    // Last year SO1 was ahead of SO0.
    for (const [i, c] of opened.body.entries()) {
      await t.api(
        'PUT',
        `/api/results/scorecards/${c.id}/self-scores`,
        { items: [{ code: 'CDDH.1', score: i === 0 ? 1 : 2 }] },
        officers[i].token,
      );
      await t.api('POST', `/api/results/scorecards/${c.id}/submit`, undefined, officers[i].token);
      await t.api('POST', `/api/results/scorecards/${c.id}/start-appraisal`, undefined, inspector.token);
      await t.api('POST', `/api/results/scorecards/${c.id}/finish-appraisal`, undefined, inspector.token);
      await t.api('POST', `/api/results/scorecards/${c.id}/publish`, undefined, admin.token);
    }
    const ranking = await t.api<{ rows: RankingRow[] }>(
      'GET',
      `/api/results/schemes/${schemeId}/ranking`,
      undefined,
      admin.token,
    );
    expect(ranking.body.rows.slice(0, 3).map((r) => [r.agencyCode, r.previousRank, r.rankChange])).toEqual([
      ['SO0', 2, 1],
      ['SO1', 1, -1],
      ['SO2', null, null],
    ]);
  });
});
