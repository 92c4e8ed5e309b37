import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { hashPassword } from '@app/org';
import { Role } from '@app/platform';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openBrowser, WEB_DIR, type TestBrowser } from './browser.js';

jest.setTimeout(90_000);

const PASSWORD = 'matkhau-2026';

/**
 * The survey as respondents and inspectors use it in a real browser: a tablet kiosk at the desk
 * takes two respondents and resets between them, a phone takes one from the desk's QR link, a
 * visit already answered elsewhere is refused with a clear message, and the results page shows
 * the rates of a hand computation.
 */
describe('the satisfaction survey in a real browser', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let organizer: TestUser;
  let desk: { id: number; publicCode: string };
  let kioskToken: string;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('dist/web is missing: run npm run build:web first');
    t = await startTestApp({ WEB_DIR });
    browser = await openBrowser({ width: 800, height: 1280 });
    organizer = await makeUser(t, Role.Organizer, null);
    const agency = await makeAgency(t, { name: 'UBND huyện Cao Lãnh', level: 'district' });
    desk = (
      await t.api<{ id: number; publicCode: string }>(
        'POST',
        '/api/survey/desks',
        { agencyId: agency.id, name: 'Bộ phận Một cửa huyện Cao Lãnh' },
        organizer.token,
      )
    ).body;
    const forms = await t.api<{ id: number; code: string }[]>('GET', '/api/survey/forms', undefined, organizer.token);
    const survey = await t.api(
      'POST',
      '/api/survey/surveys',
      {
        name: 'Khảo sát quý IV',
        formId: forms.body.find((f) => f.code === 'mac-dinh')!.id,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86400_000).toISOString(),
        deskIds: [desk.id],
      },
      organizer.token,
    );
    expect(survey.status).toBe(201);
    kioskToken = (
      await t.api<{ kioskToken: string }>(
        'POST',
        '/api/survey/kiosks',
        { deskId: desk.id, name: 'Máy tính bảng quầy 1' },
        organizer.token,
      )
    ).body.kioskToken;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.addInitScript("localStorage.setItem('cchc.lang', 'vi')");
    return page;
  };

  /** Rates every 1–5 question `value` and picks the first option of every single choice. */
  async function fillForm(page: Page, value: number): Promise<void> {
    await page.locator('.survey-scale').first().waitFor();
    const scales = page.locator('.survey-scale');
    for (let i = 0; i < (await scales.count()); i++) {
      await scales
        .nth(i)
        .locator('.survey-choice', { has: page.locator('.survey-choice-number', { hasText: String(value) }) })
        .click();
    }
    const choices = page.locator('.survey-options');
    for (let i = 0; i < (await choices.count()); i++) await choices.nth(i).locator('.survey-choice').first().click();
  }

  it('takes two respondents on the kiosk, resetting the form between them', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/khao-sat-tai-quay`);
    await page.locator('main h1', { hasText: 'Cài đặt máy khảo sát tại quầy' }).waitFor();
    await page.getByLabel('Mã máy khảo sát').fill(kioskToken);
    await page.getByRole('button', { name: 'Bắt đầu nhận đánh giá' }).click();

    // Sending without the required ratings names what is missing and sends nothing.
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/câu bắt buộc chưa trả lời/);

    await fillForm(page, 5);
    await page.getByLabel('Ông/bà là').selectOption('citizen');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
    // The kiosk resets by itself to a blank form for the next person.
    await page.getByRole('button', { name: 'Gửi đánh giá' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.survey-choice[aria-checked="true"]').count()).toBe(0);
    expect(await page.getByLabel('Ông/bà là').inputValue()).toBe('');

    await fillForm(page, 2);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
    await page.close();
  });

  it('takes one response from the desk’s QR link', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/khao-sat/${desk.publicCode}`);
    await page.getByText('Bộ phận Một cửa huyện Cao Lãnh · Khảo sát quý IV').waitFor();
    await fillForm(page, 4);
    await page.getByLabel('Thủ tục hành chính đã thực hiện').selectOption({ label: 'Đăng ký khai sinh' });
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Ý kiến của ông/bà đã được ghi nhận').waitFor();
    await page.close();
  });

  it('refuses, with a clear message, a visit that was already answered', async () => {
    const page = await newPage();
    const visit = page.waitForResponse((r) => r.url().endsWith(`/desks/${desk.publicCode}/visit`));
    await page.goto(`${t.url}/khao-sat/${desk.publicCode}`);
    const { visitToken, form } = (await (await visit).json()) as {
      visitToken: string;
      form: { sections: { questions: { key: string; type: string; required: boolean }[] }[] };
    };
    // The same visit is answered from another tab first (all 3s: it counts below).
    const answers = form.sections.flatMap((s) =>
      s.questions.filter((q) => q.type === 'scale_1_5' && q.required).map((q) => ({ questionKey: q.key, value: 3 })),
    );
    expect((await t.api('POST', '/api/survey/public/responses', { visitToken, answers })).status).toBe(201);

    await fillForm(page, 5);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'Lượt đánh giá này đã được gửi. Mỗi lượt chỉ gửi được một lần',
    );
    await page.close();
  });

  it('shows the inspector the rates of a hand computation', async () => {
    await makeUser(t, Role.Inspector, null, {
      username: 'kiem.tra',
      fullName: 'Lê Kiểm Tra',
      passwordHash: await hashPassword(PASSWORD),
    });
    const page = await newPage();
    await page.goto(`${t.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('kiem.tra');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('main h1', { hasText: 'Xin chào, Lê Kiểm Tra' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Kết quả khảo sát hài lòng' })
      .click();
    await page.locator('main h1', { hasText: 'Kết quả khảo sát sự hài lòng' }).waitFor();

    // A.1 was rated 5 and 2 at the kiosk, 4 by QR and 3 in the other tab: 2 of 4 satisfied = 50 %.
    // n = 4 is small, so Wilson: centre 0.5, half-width 1.96/(1 + 1.96²/4)·√(0.25/4 + 1.96²/64) = 35.00 points.
    const row = page.locator('table', { hasText: 'Theo câu hỏi' }).locator('tr', { hasText: 'A.1.' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual(['4', '4', '2', '50', '± 35', '15 – 85 (Wilson, mẫu nhỏ)']);
    // The desk row pools every rating: the three pages rated all 13 questions (5s, 2s, 4s), the
    // other tab the 12 required ones (3s): 13 + 13 satisfied of 51 = 50.98 %.
    const deskRow = page.locator('table', { hasText: 'Theo bộ phận một cửa' }).locator('tbody tr');
    expect(await deskRow.locator('td').allTextContents()).toEqual(expect.arrayContaining(['4', '51', '26', '50,98']));
    await page.locator('.survey-chart canvas').waitFor();
    await page.close();
  });
});
