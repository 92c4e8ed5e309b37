import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { QuestionBankReader } from '@app/exam-bank';
import { hashPassword } from '@app/org';
import { Role } from '@app/platform';
import { makeAgency, makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openBrowser, WEB_DIR, type TestBrowser } from './browser.js';

const PASSWORD = 'matkhau-2026';
const CATEGORY = '$CATEGORY: $course$/top/Cải cách hành chính/Một cửa liên thông';

/** A GIFT question the bank takes: one right option, three wrong. */
const gift = (title: string, stem: string, right: string, wrong: string[]): string =>
  `::${title}:: ${stem} {\n  =${right}\n${wrong.map((w) => `  ~${w}`).join('\n')}\n}\n`;

const ONE_STOP = gift(
  'Một cửa',
  'Thủ tục hành chính được tiếp nhận tại bộ phận một cửa của cơ quan nào?',
  'Cơ quan giải quyết thủ tục',
  ['Báo chí', 'Hội đồng nhân dân', 'Tòa án'],
);
const GOOD_COUNT = 30;
const goodFile = (): string =>
  [
    CATEGORY,
    '',
    ONE_STOP,
    ...Array.from({ length: GOOD_COUNT - 1 }, (_, i) =>
      gift(`Câu ${i + 2}`, `Năm ${2000 + i} có bao nhiêu nhiệm vụ cải cách số ${i + 2}?`, `${i + 3} nhiệm vụ`, [
        'Một',
        'Hai',
        'Không có',
      ]),
    ),
  ].join('\n');

/** Two good questions and an essay, which a choice bank cannot grade. */
const badFile = (): string =>
  [
    CATEGORY,
    '',
    gift('Tốt 1', 'Chỉ số CCHC chấm trên thang điểm nào?', '100 điểm', ['10 điểm', '50 điểm']),
    '::Tự luận:: Trình bày kế hoạch cải cách hành chính của đơn vị anh (chị). {}',
    '',
    gift('Tốt 2', 'Ai thẩm định điểm tự chấm?', 'Hội đồng thẩm định', ['Chính cơ quan đó']),
  ].join('\n');

/**
 * An organizer's whole round in the browser: a refused import that names the bad question and
 * imports nothing, a good import followed to the end, a search without diacritics, an edit that
 * makes a new version, a template and a session, candidate numbers, codes and their printed slips;
 * then a candidate enters at /thi with one printed code.
 */
describe('the question bank and sessions in a real browser', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let commune: { id: number; name: string };

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('dist/web is missing: run npm run build:web first');
    t = await startTestApp({ WEB_DIR });
    browser = await openBrowser();
    commune = await makeAgency(t, { level: 'commune', name: 'UBND xã Hòa An' });
    await makeUser(t, Role.Organizer, null, {
      username: 'to.chuc',
      fullName: 'Lê Ban Tổ Chức',
      passwordHash: await hashPassword(PASSWORD),
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const headingIs = (page: Page, text: string) => page.locator('main h1', { hasText: text }).waitFor();
  const questionCount = async (): Promise<number> => {
    const admin = await makeUser(t, Role.Admin, null);
    const r = await t.api<{ total: number }>('GET', '/api/bank/questions?pageSize=1', undefined, admin.token);
    return r.body.total;
  };
  const upload = (page: Page, name: string, text: string) =>
    page.getByLabel('Tệp câu hỏi').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

  it('imports, searches, edits, builds a session and prints slips a candidate can use', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript("localStorage.setItem('cchc.lang', 'vi')");
    await page.goto(`${t.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('to.chuc');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await headingIs(page, 'Xin chào, Lê Ban Tổ Chức');

    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Ngân hàng câu hỏi' })
      .click();
    await headingIs(page, 'Ngân hàng câu hỏi');
    await page.getByTestId('bank-count').filter({ hasText: 'Tìm thấy 0 câu hỏi' }).waitFor();

    // A file with an essay is refused whole: the essay is named by line and title, nothing is imported.
    await page.locator('summary', { hasText: 'Nhập câu hỏi từ tệp' }).click();
    await upload(page, 'co-loi.gift', badFile());
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const refused = page.getByTestId('import-problems');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Tệp có 1 câu không nhập được; chưa nhập câu nào');
    expect(await refused.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Dòng 9 — “Tự luận”: Câu tự luận \(\{\}\) không được hỗ trợ/),
    ]);
    expect(await questionCount()).toBe(0);

    // A good file, imported as ready, followed to the end.
    await page.getByLabel('Trạng thái câu hỏi nhập vào').selectOption('ready');
    await upload(page, 'tot.gift', goodFile());
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.locator('[data-testid="import-job"][data-state="done"]').waitFor();
    expect(await page.locator('#import-progress').getAttribute('value')).toBe('100');
    expect(await page.getByTestId('import-job').textContent()).toContain(
      `Đã xử lý ${GOOD_COUNT}/${GOOD_COUNT} câu (100 %)`,
    );
    expect(await page.getByTestId('import-job').textContent()).toContain(`Đã nhập ${GOOD_COUNT} câu hỏi`);
    expect(await refused.count()).toBe(0);
    await page
      .getByTestId('bank-count')
      .filter({ hasText: `Tìm thấy ${GOOD_COUNT} câu hỏi` })
      .waitFor();
    expect(await questionCount()).toBe(GOOD_COUNT);
    await page.getByRole('button', { name: /^Một cửa liên thông/ }).waitFor();

    // Found without diacritics.
    await page.getByLabel('Tìm trong nội dung câu hỏi').fill('thu tuc mot cua');
    await page.getByLabel('Tìm trong nội dung câu hỏi').press('Enter');
    await page.getByTestId('bank-count').filter({ hasText: 'Tìm thấy 1 câu hỏi' }).waitFor();
    const link = page.locator('table').getByRole('link', { name: /bộ phận một cửa/ });
    expect(await link.count()).toBe(1);

    // An earlier test showed this version, so the edit makes version 2 and keeps version 1.
    const id = Number((await link.getAttribute('href'))!.split('/').pop());
    const question = await t.api<{ current: { id: number } }>(
      'GET',
      `/api/bank/questions/${id}`,
      undefined,
      (await makeUser(t, Role.Organizer, null)).token,
    );
    await t.app.get(QuestionBankReader).markUsed([question.body.current.id]);
    await link.click();
    await headingIs(page, `Câu hỏi #${id}`);
    await page.getByText('Phiên bản này đã xuất hiện trong bài thi').waitFor();
    const preview = page.locator('.bank-preview');
    expect(await preview.locator('legend').textContent()).toContain('bộ phận một cửa');
    await page
      .getByLabel('Nội dung câu hỏi')
      .fill('Thủ tục hành chính được tiếp nhận tại bộ phận một cửa của cơ quan nào (theo Nghị định 61)?');
    expect(await preview.locator('legend').textContent()).toContain('Nghị định 61');
    await preview.getByLabel('Hiện đáp án, trọng số và giải thích').check();
    expect(await preview.locator('.choice.is-right').textContent()).toContain('Cơ quan giải quyết thủ tục');
    await page.getByLabel('Lý do sửa (ghi vào nhật ký)').fill('Dẫn chiếu Nghị định 61');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu thành phiên bản 2.').waitFor();
    await page.getByTestId('current-version').filter({ hasText: 'Phiên bản hiện hành: 2' }).waitFor();
    await page.getByTestId('version-1').waitFor();
    expect(await page.getByTestId('version-1').textContent()).toContain('đã dùng trong bài thi');

    // A template drawing 5 questions from the imported topic.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Kỳ thi, ca thi' })
      .click();
    await headingIs(page, 'Kỳ thi, ca thi');
    await page.getByRole('link', { name: 'Tạo đề mẫu' }).click();
    await headingIs(page, 'Tạo đề mẫu');
    await page.getByLabel('Tên đề mẫu').fill('Sát hạch thủ tục hành chính cấp xã');
    await page.getByRole('checkbox', { name: 'Một cửa liên thông' }).check();
    await page.getByLabel('Số câu').fill('5');
    await page.getByRole('button', { name: 'Lưu đề mẫu' }).click();
    await headingIs(page, 'Kỳ thi, ca thi');
    await page.getByRole('link', { name: 'Sát hạch thủ tục hành chính cấp xã' }).waitFor();

    // A session open from a minute ago, for the commune.
    await page.locator('summary', { hasText: 'Tạo ca thi' }).click();
    await page.getByLabel('Tên ca thi').fill('Sát hạch UBND xã Hòa An, đợt 1');
    await page.getByLabel('Cơ quan được kiểm tra').selectOption(String(commune.id));
    const local = (ms: number) =>
      page.evaluate((offset) => {
        const d = new Date(Date.now() + offset);
        const p = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
      }, ms);
    await page.getByLabel('Mở lúc').fill(await local(-120_000));
    await page.getByLabel('Đóng lúc').fill(await local(3 * 3600_000));
    await page.getByLabel('Thời gian làm bài (phút)').fill('15');
    await page.getByRole('form', { name: 'Tạo ca thi' }).getByRole('button', { name: 'Tạo ca thi' }).click();
    await headingIs(page, 'Sát hạch UBND xã Hòa An, đợt 1');

    // Candidate numbers pasted from a spreadsheet.
    await page.locator('summary', { hasText: 'Thêm thí sinh theo số báo danh' }).click();
    await page
      .locator('#cand-list')
      .fill('Số báo danh\tHọ và tên\nHA-001\tNguyễn Thị Hoa\nHA-002\tTrần Văn Bình\nHA-003\tLê Thị Cúc');
    await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    await page.getByText('Đã thêm 3 thí sinh.').waitFor();
    await page.getByRole('heading', { name: 'Thí sinh (3)' }).waitFor();

    // Codes, shown once, on printable slips.
    await page.getByRole('button', { name: 'Cấp mã dự thi (3 thí sinh chưa có mã)' }).click();
    await headingIs(page, 'Phiếu dự thi');
    const slips = page.getByTestId('slip');
    await slips.first().waitFor();
    expect(await slips.count()).toBe(3);
    const second = slips.nth(1);
    expect(await second.textContent()).toContain('Sát hạch UBND xã Hòa An, đợt 1');
    expect(await second.textContent()).toContain('HA-002');
    expect(await second.textContent()).toContain('Trần Văn Bình');
    expect(await second.textContent()).toContain(`${t.url}/thi`);
    const code = (await second.getByTestId('slip-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In phiếu' }).isVisible()).toBe(false);
    expect(await slips.nth(2).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);

    // The candidate enters with the printed code, in a tab of their own.
    const candidate = await browser.context.newPage();
    await candidate.goto(`${t.url}/thi`);
    await candidate.getByLabel('Số báo danh').fill('HA-002');
    await candidate.getByLabel('Mã dự thi').fill(code);
    await candidate.getByRole('button', { name: 'Vào thi' }).click();
    await headingIs(candidate, 'Bài thi của tôi');
    await candidate.getByText('Sát hạch UBND xã Hòa An, đợt 1').waitFor();
    await candidate.getByRole('link', { name: 'Làm bài' }).click();
    await candidate.getByTestId('countdown').waitFor();
    await candidate.close();

    // Back on the session, the candidate shows as in progress, and the codes as issued.
    await page.getByRole('link', { name: /Sát hạch UBND xã Hòa An/ }).click();
    await headingIs(page, 'Sát hạch UBND xã Hòa An, đợt 1');
    await page.locator('td', { hasText: 'Đang làm bài' }).waitFor();
    expect(await page.locator('td', { hasText: 'đã cấp' }).count()).toBe(3);

    // Once the candidate submits, the results, the agency's row and the item statistics count the attempt.
    const resume = await browser.context.newPage();
    await resume.goto(`${t.url}/thi`);
    await resume.getByLabel('Số báo danh').fill('HA-002');
    await resume.getByLabel('Mã dự thi').fill(code);
    await resume.getByRole('button', { name: 'Vào thi' }).click();
    await resume.getByRole('link', { name: 'Làm bài' }).click();
    await resume.locator('.choice').first().click();
    await resume.locator('[data-state="saved"]').waitFor();
    await resume.getByRole('button', { name: 'Nộp bài' }).click();
    await resume.getByRole('dialog').getByRole('button', { name: 'Nộp bài' }).click();
    await headingIs(resume, 'Kết quả bài thi');
    await resume.close();
    await page.getByRole('button', { name: 'Cập nhật' }).click();
    await page.locator('td', { hasText: 'Đã nộp bài' }).waitFor();
    const agencyRow = page.locator('tr', { has: page.locator('td', { hasText: 'UBND xã Hòa An' }) }).last();
    expect(await agencyRow.locator('td').allTextContents()).toEqual([
      'UBND xã Hòa An',
      '3',
      '1',
      expect.stringMatching(/^[01]$/),
      expect.stringMatching(/^(0|100)$/),
      expect.stringMatching(/^\d+(\.\d+)?$/),
    ]);
    const bands = (await page.locator('.bank-bars .bank-bar-count').allTextContents()).map(Number);
    expect([bands.length, bands.reduce((a, b) => a + b, 0)]).toEqual([10, 1]);
    await page.locator('.bank-stats dd').first().filter({ hasText: '1' }).waitFor();
    expect(await page.locator('.bank-stats dd').first().textContent()).toBe('1');

    // Regrading with the current versions is audited with its reason and reports what it did.
    await page.locator('summary', { hasText: 'Chấm lại' }).click();
    await page.getByLabel('Lý do chấm lại').fill('Sửa đáp án theo Nghị định 61');
    await page.getByRole('button', { name: 'Chấm lại ca thi' }).click();
    await page.getByText(/^Đã chấm lại 1 bài; 0 bài thay đổi điểm\.$/).waitFor();
    await page.close();
  }, 120_000);

  it('fits a 360 px phone on every bank and session screen, without sideways scrolling', async () => {
    const organizer = await makeUser(t, Role.Organizer, null);
    const topic = await t.api<{ id: number }>('POST', '/api/bank/topics', { name: 'Điện thoại' }, organizer.token);
    let questionId = 0;
    for (let i = 0; i < 3; i++) {
      const q = await t.api<{ id: number }>(
        'POST',
        '/api/bank/questions',
        {
          topicId: topic.body.id,
          type: 'multiple',
          stem: `Những kênh nào dùng để nộp hồ sơ thủ tục hành chính trực tuyến, lần ${i + 1}?`,
          options: [
            { text: 'Cổng dịch vụ công quốc gia', fraction: 0.5, feedback: 'Đúng' },
            { text: 'Cổng dịch vụ công của tỉnh', fraction: 0.5 },
            { text: 'Tin nhắn cho lãnh đạo', fraction: -1 },
          ],
          explanation: 'Nộp trực tuyến qua các cổng dịch vụ công.',
          status: 'ready',
          tags: ['một cửa', 'trực tuyến'],
        },
        organizer.token,
      );
      questionId = q.body.id;
    }
    const tpl = await t.api<{ id: number }>(
      'POST',
      '/api/exam/templates',
      {
        name: 'Đề trên điện thoại',
        navigation: 'free',
        parts: [
          {
            name: 'Phần một',
            rules: [{ topicIds: [topic.body.id], count: 3 }],
            shuffleQuestions: true,
            shuffleOptions: true,
          },
        ],
      },
      organizer.token,
    );
    const session = await t.api<{ id: number }>(
      'POST',
      '/api/exam/sessions',
      {
        templateId: tpl.body.id,
        name: 'Ca thi xem trên điện thoại có tên khá dài để thử xuống dòng',
        purpose: 'recruitment',
        jobPosition: 'Công chức văn phòng - thống kê',
        quota: 1,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        durationSeconds: 600,
        reviewShows: 'score',
        reviewWhen: 'after_close',
      },
      organizer.token,
    );
    expect(session.status).toBe(201);
    await t.api(
      'POST',
      `/api/exam/sessions/${session.body.id}/candidates`,
      { numbered: [{ candidateNumber: 'DT-0001', fullName: 'Nguyễn Hoàng Phương Thảo Nguyên' }] },
      organizer.token,
    );

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${t.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('to.chuc');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await headingIs(page, 'Xin chào, Lê Ban Tổ Chức');
    const sideways = () => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    const screens: [string, string][] = [
      ['/bank', 'Ngân hàng câu hỏi'],
      [`/bank/questions/${questionId}`, `Câu hỏi #${questionId}`],
      ['/bank/questions/new', 'Thêm câu hỏi'],
      ['/sessions', 'Kỳ thi, ca thi'],
      ['/sessions/templates/new', 'Tạo đề mẫu'],
      [`/sessions/${session.body.id}`, 'Ca thi xem trên điện thoại'],
    ];
    for (const [path, title] of screens) {
      await page.goto(t.url + path);
      await headingIs(page, title);
      await page.waitForLoadState('networkidle');
      expect([path, await sideways()]).toEqual([path, 0]);
    }
    await page.getByRole('heading', { name: /Xếp hạng trong chỉ tiêu/ }).waitFor();
    await page.getByRole('button', { name: /^Cấp mã dự thi/ }).click();
    await page.getByTestId('slip').waitFor();
    expect(['slips', await sideways()]).toEqual(['slips', 0]);
    await page.close();
  }, 120_000);
});
