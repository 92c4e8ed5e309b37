import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hashPassword } from '@app/org';
import { Role } from '@app/platform';
import { makeQuestion, makeTopic, secondsFromNow } from '../exam/exam-builders.js';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openBrowser, WEB_DIR, type TestBrowser } from './browser.js';

const PASSWORD = 'matkhau-2026';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode', 'latin1');

/** A small department scheme: one self-assessed and one test-derived criterion in CCCV, one in TTHC. */
const scheme = (year: number) => ({
  year,
  levelCode: 'department',
  name: `Bộ chỉ số thử trên trình duyệt ${year}`,
  scale: 100,
  areas: [
    {
      code: 'CCCV',
      name: 'Cải cách chế độ công vụ',
      max: 40,
      children: [
        { code: 'CCCV.1', name: 'Tuyển dụng, bổ nhiệm đúng quy định', max: 20, source: 'self_assessed' },
        {
          code: 'CCCV.2',
          name: 'Kết quả sát hạch kiến thức của công chức',
          max: 20,
          source: 'test_derived',
          config: { passThresholdPercent: 50, figure: 'pass_rate', mapping: { mode: 'proportional' } },
        },
      ],
    },
    {
      code: 'TTHC',
      name: 'Cải cách thủ tục hành chính',
      max: 60,
      children: [{ code: 'TTHC.1', name: 'Hồ sơ giải quyết đúng hạn', max: 60, source: 'self_assessed' }],
    },
  ],
});

/**
 * The inspector's story in a real browser, on data made through the API: an agency self-scores with
 * evidence and submits; inspection tests taken by candidates flow into the test-derived criterion;
 * the inspector reads the dashboard, recomputes, appraises with an override and a note; the admin
 * publishes; the ranking shows each agency's index, band and rank.
 */
describe('the inspector screens in a real browser', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let admin: TestUser;
  let inspector: TestUser;
  const year = new Date().getUTCFullYear();
  let schemeId: number;
  const agencies: { id: number; name: string }[] = [];
  const officers: TestUser[] = [];
  const cards: number[] = [];
  const sessions: number[] = [];

  const call = async <T = unknown>(method: string, path: string, body: unknown, token: string): Promise<T> => {
    const res = await t.api<T>(method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** An inspection session for the agency; the candidates listed in `wrong` answer every question wrong. */
  async function inspection(agency: { id: number; name: string }, numbers: string[], wrong: string[], tplId: number) {
    const session = await call<{ id: number }>(
      'POST',
      '/api/exam/sessions',
      {
        templateId: tplId,
        name: `Kiểm tra CCHC ${agency.name}`,
        purpose: 'inspection',
        agencyId: agency.id,
        opensAt: secondsFromNow(-60),
        closesAt: secondsFromNow(3600),
        durationSeconds: 600,
        reviewShows: 'score',
        reviewWhen: 'immediately',
      },
      inspector.token,
    );
    sessions.push(session.id);
    const numbered = numbers.map((n, i) => ({ candidateNumber: n, fullName: `Công chức ${agency.name} ${i + 1}` }));
    await call('POST', `/api/exam/sessions/${session.id}/candidates`, { numbered }, inspector.token);
    const codes = await call<{ candidateNumber: string; accessCode: string }[]>(
      'POST',
      `/api/exam/sessions/${session.id}/access-codes`,
      {},
      inspector.token,
    );
    for (const c of codes) {
      const login = await t.api<{ accessToken: string }>('POST', '/api/exam/candidate-login', {
        candidateNumber: c.candidateNumber,
        accessCode: c.accessCode,
      });
      const token = login.body.accessToken;
      const attempt = await call<{ attemptId: number; items: { index: number }[] }>(
        'POST',
        `/api/exam/sessions/${session.id}/start`,
        undefined,
        token,
      );
      for (const item of attempt.items) {
        const chosen = wrong.includes(c.candidateNumber) ? ['b'] : ['a'];
        await call('PUT', `/api/exam/attempts/${attempt.attemptId}/answers/${item.index}`, { chosen }, token);
      }
      await call('POST', `/api/exam/attempts/${attempt.attemptId}/submit`, undefined, token);
    }
  }

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('dist/web is missing: run npm run build:web first');
    t = await startTestApp({ WEB_DIR, LOGIN_RATE_PER_MINUTE: '100' });
    browser = await openBrowser();
    const hash = await hashPassword(PASSWORD);
    admin = await makeUser(t, Role.Admin, null, {
      username: 'quan.tri',
      fullName: 'Phan Quản Trị',
      passwordHash: hash,
    });
    inspector = await makeUser(t, Role.Inspector, null, {
      username: 'kiem.tra',
      fullName: 'Lê Kiểm Tra',
      passwordHash: hash,
    });
    for (const [i, name] of ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Y tế'].entries()) {
      const a = await makeAgency(t, { level: 'department', name, code: `SO${i}`, staffCount: 10 });
      agencies.push({ id: a.id, name });
      officers.push(
        await makeUser(t, Role.AgencyOfficer, a.id, {
          username: `dau.moi${i}`,
          fullName: `Đầu mối ${name}`,
          passwordHash: hash,
        }),
      );
    }
    schemeId = (await call<{ id: number }>('POST', '/api/results/schemes', scheme(year), admin.token)).id;
    await call('POST', `/api/results/schemes/${schemeId}/activate`, undefined, admin.token);
    const opened = await call<{ id: number }[]>(
      'POST',
      `/api/results/schemes/${schemeId}/scorecards`,
      { agencyIds: agencies.map((a) => a.id) },
      admin.token,
    );
    cards.push(...opened.map((c) => c.id));

    const topic = await makeTopic(t, 'Kiến thức cải cách hành chính');
    for (let i = 0; i < 4; i++) await makeQuestion(t, { topicId: topic.id, difficulty: 'easy' });
    const tpl = await call<{ id: number }>(
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
    // Sở Nội vụ: 4 of 5 pass (80 % of 20 points = 16); Sở Tư pháp: 2 of 4 (50 % = 10); Sở Y tế untested.
    await inspection(agencies[0], ['SNV-1', 'SNV-2', 'SNV-3', 'SNV-4', 'SNV-5'], ['SNV-5'], tpl.id);
    await inspection(agencies[1], ['STP-1', 'STP-2', 'STP-3', 'STP-4'], ['STP-3', 'STP-4'], tpl.id);

    // Sở Tư pháp and Sở Y tế self-score over the API, submit, and the appraisal starts.
    const selfScores: Record<number, { code: string; score: number }[]> = {
      1: [
        { code: 'CCCV.1', score: 18 },
        { code: 'TTHC.1', score: 60 },
      ],
      2: [
        { code: 'CCCV.1', score: 20 },
        { code: 'TTHC.1', score: 50 },
      ],
    };
    for (const i of [1, 2]) {
      await call('PUT', `/api/results/scorecards/${cards[i]}/self-scores`, { items: selfScores[i] }, officers[i].token);
      await call('POST', `/api/results/scorecards/${cards[i]}/submit`, undefined, officers[i].token);
      await call('POST', `/api/results/scorecards/${cards[i]}/start-appraisal`, undefined, inspector.token);
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function logIn(username: string, fullName: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/login`);
    await page.evaluate("localStorage.setItem('cchc.lang', 'vi')");
    await page.reload();
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('main h1', { hasText: `Xin chào, ${fullName}` }).waitFor();
    return page;
  }
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
  const leaf = (page: Page, code: string) => page.locator(`article[data-code="${code}"]`);

  it('lets the agency self-score, refuses a disguised evidence file, keeps a real one with its hash, and submits', async () => {
    const page = await logIn('dau.moi0', 'Đầu mối Sở Nội vụ');
    await expect(nav(page).getByRole('link').allTextContents()).resolves.toEqual([
      'Trang chủ',
      'Chấm điểm CCHC',
      'Xếp hạng',
      'Bài thi của tôi',
      'Tham gia hội thi',
      'Kết quả khảo sát hài lòng',
    ]);
    await nav(page).getByRole('link', { name: 'Chấm điểm CCHC' }).click();
    // Only their own agency's scorecard is listed.
    await page
      .getByRole('link', { name: /Xem phiếu/ })
      .first()
      .waitFor();
    await expect(page.getByRole('link', { name: /Xem phiếu/ }).allTextContents()).resolves.toEqual([
      'Xem phiếu Sở Nội vụ',
    ]);
    await page.getByRole('link', { name: 'Xem phiếu Sở Nội vụ' }).click();
    await page.locator('main h1', { hasText: `Phiếu chấm điểm: Sở Nội vụ (${year})` }).waitFor();

    const evidence = leaf(page, 'CCCV.1');
    await evidence
      .getByLabel('Chọn tệp')
      .setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: EXE });
    await evidence.getByRole('button', { name: 'Tải lên' }).click();
    await expect(evidence.getByRole('alert').textContent()).resolves.toContain('Loại tệp này không được chấp nhận.');
    await evidence
      .getByLabel('Chọn tệp')
      .setInputFiles({ name: 'Quyết định tuyển dụng.pdf', mimeType: 'application/pdf', buffer: PDF });
    await evidence.getByRole('button', { name: 'Tải lên' }).click();
    await evidence.getByRole('button', { name: 'Quyết định tuyển dụng.pdf' }).waitFor();
    expect(await evidence.locator('code.hash').textContent()).toMatch(/^[0-9a-f]{64}$/);

    // A score above the maximum is caught before sending; the test-derived criterion takes no self-score.
    await expect(leaf(page, 'CCCV.2').getByLabel('Tự chấm').count()).resolves.toBe(0);
    await evidence.getByLabel('Tự chấm').fill('25');
    await leaf(page, 'TTHC.1').getByLabel('Tự chấm').fill('55');
    await leaf(page, 'TTHC.1').getByLabel('Giải trình').fill('Hồ sơ một cửa lưu giấy, chưa số hóa');
    await page.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await expect(evidence.locator('.field-error').textContent()).resolves.toContain('0 đến 20');
    await evidence.getByLabel('Tự chấm').fill('20');
    await page.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await page.getByText('Đã lưu 2 tiêu chí.').waitFor();
    await expect(page.getByTestId('card-total').textContent()).resolves.toBe('75');

    // No appraisal or publication for the agency; it submits.
    await expect(page.getByRole('button', { name: 'Công bố' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await page.getByText('Đã gửi phiếu đi thẩm định.').waitFor();
    await page.locator('.state-badge', { hasText: 'Đã gửi thẩm định' }).waitFor();
    await expect(page.getByLabel('Tự chấm').count()).resolves.toBe(0);
    await page.close();
  }, 60_000);

  it("shows the inspector the tests' results on the dashboard and turns them into the criterion's points", async () => {
    const page = await logIn('kiem.tra', 'Lê Kiểm Tra');
    await nav(page).getByRole('link', { name: 'Bảng điều khiển' }).click();
    await page.locator('main h1', { hasText: 'Bảng điều khiển kiểm tra CCHC' }).waitFor();
    await page.getByTestId('kpi-candidates').filter({ hasText: '9' }).waitFor();
    await expect(page.getByTestId('kpi-passrate').textContent()).resolves.toBe('66,67 %');

    const passRates = page.locator('figure', { has: page.locator('#chart-passrates-title') });
    await passRates.locator('canvas[role="img"]').waitFor();
    await passRates.getByText('Xem số liệu dạng bảng').click();
    await expect(passRates.locator('tbody tr').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Sở Nội vụ\s+80 %\s+5/),
      expect.stringMatching(/Sở Tư pháp\s+50 %\s+4/),
    ]);
    const distribution = page.locator('figure', { has: page.locator('#chart-distribution-title') });
    await distribution.getByText('Xem số liệu dạng bảng').click();
    await expect(distribution.locator('tbody tr', { hasText: '0–10 %' }).innerText()).resolves.toMatch(/\s3$/);
    await expect(distribution.locator('tbody tr', { hasText: '90–100 %' }).innerText()).resolves.toMatch(/\s6$/);
    await expect(page.getByRole('link', { name: 'Kiểm tra CCHC Sở Nội vụ' }).getAttribute('href')).resolves.toBe(
      `/sessions/${sessions[0]}`,
    );

    // Start the appraisal of Sở Nội vụ (submitted in the browser above), then recompute from the tests.
    await call('POST', `/api/results/scorecards/${cards[0]}/start-appraisal`, undefined, inspector.token);
    await page.getByRole('button', { name: 'Tính lại điểm từ kết quả sát hạch' }).click();
    await page.getByText('Đã tính lại từ 9 bài thi; 3 tiêu chí thay đổi điểm.').waitFor();
    // The provisional ranking now counts the test points: Sở Nội vụ 20 + 55 + 16 = 91.
    const ranking = page.locator('figure', { has: page.locator('#chart-ranking-title') });
    await ranking.getByText('Xem số liệu dạng bảng').click();
    await ranking.locator('tbody tr').first().filter({ hasText: '91 %' }).waitFor();
    await expect(ranking.locator('tbody tr').first().innerText()).resolves.toMatch(/^1\. Sở Nội vụ\s+91 %\s+91\s+Tốt$/);
    await page.close();
  }, 60_000);

  it('lets the inspector see the computed points with their evidence, override them with a note, and finish', async () => {
    const page = await logIn('kiem.tra', 'Lê Kiểm Tra');
    await page.goto(`${t.url}/scorecards?year=${year}&level=department`);
    // The appraisal team sees where each card stands: 20 + 55 + 16 = 91.
    await page.locator('tr', { hasText: 'Sở Nội vụ' }).filter({ hasText: '91,00 %' }).waitFor();
    await page.getByRole('link', { name: 'Xem phiếu Sở Nội vụ' }).click();
    await page.locator('main h1', { hasText: 'Phiếu chấm điểm: Sở Nội vụ' }).waitFor();
    await expect(page.getByTestId('derived-CCCV.2').textContent()).resolves.toBe('16');
    const test = leaf(page, 'CCCV.2');
    await test.getByText('Căn cứ tính điểm: 5 công chức dự sát hạch, 4 người đạt').click();
    await expect(test.getByTestId('derivation-passrate').textContent()).resolves.toBe('80 %');
    await expect(test.getByRole('link', { name: 'Kiểm tra CCHC Sở Nội vụ' }).getAttribute('href')).resolves.toBe(
      `/sessions/${sessions[0]}`,
    );
    await expect(test.locator('.derivation tbody tr').count()).resolves.toBe(5);
    await expect(test.locator('.derivation tbody tr', { hasText: 'SNV-5' }).innerText()).resolves.toContain('Chưa đạt');
    // Evidence uploaded by the agency, downloadable by the inspector; no upload for the inspector.
    await leaf(page, 'CCCV.1').getByRole('button', { name: 'Quyết định tuyển dụng.pdf' }).waitFor();
    await expect(page.getByRole('button', { name: 'Tải lên' }).count()).resolves.toBe(0);

    // An override without a note is refused by the server, with the reason translated.
    await test.getByLabel('Điều chỉnh của tổ thẩm định').fill('17');
    await page.getByRole('button', { name: 'Lưu kết quả thẩm định' }).click();
    await expect(page.locator('.save-bar [role="alert"]').textContent()).resolves.toContain(
      'Điểm thẩm định khác điểm đề xuất cần có ghi chú lý do.',
    );
    const note = 'Cộng 1 điểm: 1 công chức sát hạch lại trên giấy đạt yêu cầu';
    await test.getByLabel('Ghi chú thẩm định').fill(note);
    await leaf(page, 'TTHC.1').getByLabel('Thẩm định', { exact: true }).fill('50');
    await leaf(page, 'TTHC.1').getByLabel('Ghi chú thẩm định').fill('5 hồ sơ trễ hạn chưa được tính');
    await page.getByRole('button', { name: 'Lưu kết quả thẩm định' }).click();
    await page.getByText('Đã lưu 2 tiêu chí.').waitFor();
    await expect(page.getByTestId('final-CCCV.2').textContent()).resolves.toBe('17');
    await expect(page.getByTestId('card-total').textContent()).resolves.toBe('87');
    await expect(page.getByTestId('card-index').textContent()).resolves.toBe('87,00 %');

    await test.getByText('Lịch sử thay đổi').click();
    await test.locator('.audit li', { hasText: 'điều chỉnh điểm tính từ sát hạch' }).waitFor();
    await expect(test.locator('.audit').textContent()).resolves.toContain(note);
    await expect(test.locator('.audit').textContent()).resolves.toContain('tính điểm từ kết quả sát hạch');

    await expect(page.getByRole('button', { name: 'Mở lại phiếu' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Hoàn thành thẩm định' }).click();
    await page.getByText('Đã hoàn thành thẩm định.').waitFor();
    await page.locator('.state-badge', { hasText: 'Đã thẩm định' }).waitFor();
    // Publishing is the admin's.
    await expect(page.getByRole('button', { name: 'Công bố' }).count()).resolves.toBe(0);
    await page.close();
  }, 60_000);

  it("publishes as the admin and shows each agency's index, band and rank in the ranking", async () => {
    for (const id of cards.slice(1))
      await call('POST', `/api/results/scorecards/${id}/finish-appraisal`, undefined, inspector.token);
    const adminPage = await logIn('quan.tri', 'Phan Quản Trị');
    await adminPage.goto(`${t.url}/scorecards?year=${year}&level=department`);
    await adminPage.getByRole('button', { name: 'Công bố các phiếu đã thẩm định (3)' }).click();
    await adminPage.getByText('Đã công bố 3 phiếu.').waitFor();
    await adminPage.locator('.state-badge', { hasText: 'Đã công bố' }).nth(2).waitFor();
    await expect(adminPage.locator('.state-badge', { hasText: 'Đã thẩm định' }).count()).resolves.toBe(0);
    await adminPage.close();

    const page = await logIn('kiem.tra', 'Lê Kiểm Tra');
    await nav(page).getByRole('link', { name: 'Xếp hạng' }).click();
    await page.locator('main h1', { hasText: 'Xếp hạng Chỉ số CCHC' }).waitFor();
    await page.locator('.ranking-table').waitFor();
    // Sở Tư pháp 18 + 10 + 60 = 88; Sở Nội vụ 20 + 17 + 50 = 87; Sở Y tế 20 + 0 + 50 = 70.
    const rows = page.locator('.ranking-table tbody tr:not(.detail)');
    const cells = async (i: number) =>
      (await rows.nth(i).locator('td, th').allInnerTexts()).slice(0, 5).map((s) => s.trim());
    await expect(cells(0)).resolves.toEqual(['1', 'Sở Tư pháp', '88', '88,00 %', 'Khá']);
    await expect(cells(1)).resolves.toEqual(['2', 'Sở Nội vụ', '87', '87,00 %', 'Khá']);
    await expect(cells(2)).resolves.toEqual(['3', 'Sở Y tế', '70', '70,00 %', 'Trung bình']);
    await page.getByRole('button', { name: 'Xem chi tiết Sở Nội vụ' }).click();
    await expect(
      page.getByRole('list', { name: 'Điểm theo lĩnh vực của Sở Nội vụ' }).getByRole('listitem').first().innerText(),
    ).resolves.toMatch(/CCCV\s+Cải cách chế độ công vụ\s+37\/40 điểm · 92,5 %/);
    await page.close();

    // Only the admin reopens, and only with a reason; the reason stays on the card.
    const again = await logIn('quan.tri', 'Phan Quản Trị');
    await again.goto(`${t.url}/scorecards/${cards[2]}`);
    await again.locator('main h1', { hasText: 'Phiếu chấm điểm: Sở Y tế' }).waitFor();
    await again.getByRole('button', { name: 'Mở lại phiếu' }).click();
    const form = again.locator('form', { has: again.getByLabel('Lý do mở lại') });
    await expect(form.getByRole('button', { name: 'Mở lại phiếu' }).isDisabled()).resolves.toBe(true);
    await form.getByLabel('Lý do mở lại').fill('Bổ sung kết quả khảo sát bị thiếu');
    await form.getByLabel('Trả về bước').selectOption('under_appraisal');
    await form.getByRole('button', { name: 'Mở lại phiếu' }).click();
    await again.getByText('Đã mở lại phiếu.').waitFor();
    await again.locator('.state-badge', { hasText: 'Đang thẩm định' }).waitFor();
    await again.getByText('Đã mở lại: Bổ sung kết quả khảo sát bị thiếu').waitFor();
    await again.close();
  }, 60_000);

  it("shows the server's problems with a scheme, then creates it, and copies a scheme to another year", async () => {
    const page = await logIn('quan.tri', 'Phan Quản Trị');
    await nav(page).getByRole('link', { name: 'Bộ chỉ số CCHC' }).click();
    await page.getByRole('link', { name: `Bộ chỉ số thử trên trình duyệt ${year}` }).waitFor();
    await page.getByRole('link', { name: 'Tạo bộ chỉ số' }).click();
    const bad = {
      ...scheme(year + 1),
      name: 'Bộ chỉ số có lỗi',
      areas: [
        {
          code: 'A',
          name: 'Lĩnh vực A',
          max: 100,
          children: [{ code: 'A.1', name: 'x', max: 90, source: 'self_assessed' }],
        },
      ],
    };
    await page.getByLabel('Nội dung (JSON)').fill(JSON.stringify(bad, null, 2));
    // The tree beside the editor already says the children do not add up; the server refuses it too.
    await page.getByText('(các tiêu chí con cộng được 90, khác 100)').waitFor();
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/Bộ chỉ số có \d+ lỗi, chưa lưu:/);
    await expect(alert.locator('li strong').allTextContents()).resolves.toContain('A');
    bad.areas[0].children[0].max = 100;
    await page.getByLabel('Nội dung (JSON)').fill(JSON.stringify(bad, null, 2));
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.locator('main h1', { hasText: 'Bộ chỉ số có lỗi' }).waitFor();
    await page.getByText('bản nháp', { exact: true }).waitFor();

    await page.goto(`${t.url}/schemes/${schemeId}`);
    await page.getByLabel('Sao chép sang năm').fill(String(year + 2));
    await page.getByRole('button', { name: 'Sao chép', exact: true }).click();
    await page.locator('main h1', { hasText: `Bộ chỉ số thử trên trình duyệt ${year + 2}` }).waitFor();
    await expect(page.locator('.scheme-tree tbody tr').count()).resolves.toBe(5);

    // In English too.
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByLabel('Copy to year').waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Ranking' }).click();
    await page.locator('main h1', { hasText: 'PAR Index ranking' }).waitFor();
    await page.getByRole('button', { name: 'Export to Excel' }).waitFor();
    await page.close();
  }, 60_000);
});
