import { DataSource } from 'typeorm';
import { QuestionVersion } from '@app/exam-bank';
import { hashPassword } from '@app/org';
import { Role } from '@app/platform';
import { OnlineAttempt } from '../../libs/live-contest/src/online/online-attempt.entity.js';
import { makeAreas, makeOnlineContest } from '../contest/online-support.js';
import { eventually } from '../exam/exam-builders.js';
import { makeAgency, makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openBrowser, WEB_DIR, type TestBrowser } from './browser.js';

const PASSWORD = 'Mat-khau-thu-2026';

/**
 * An official's online contest in a real browser: log in, find the open contest, take an attempt
 * against the server's countdown, answer the prediction question, submit, and see the result; the
 * organizer then finds the official in the rankings.
 */
describe('an official takes an online contest in the browser', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let contestId: number;
  let organizerToken: string;
  let areaTopicIds: number[];

  beforeAll(async () => {
    t = await startTestApp({ WEB_DIR });
    browser = await openBrowser({ width: 390, height: 844 });
    const agency = await makeAgency(t, { name: 'Sở Nội vụ', staffCount: 4 });
    await makeUser(t, Role.Official, agency.id, {
      username: 'lan.pham',
      fullName: 'Phạm Thị Lan',
      passwordHash: await hashPassword(PASSWORD),
    });
    const organizer = await makeUser(t, Role.Organizer, null, {
      username: 'to.chuc',
      fullName: 'Lê Văn Tổ Chức',
      passwordHash: await hashPassword(PASSWORD),
    });
    organizerToken = organizer.token;
    const { topicIds } = await makeAreas(t, 3);
    areaTopicIds = topicIds;
    const c = await makeOnlineContest(t, organizer.token, topicIds, {
      title: 'Tìm hiểu cải cách hành chính tỉnh Đồng Tháp',
      timeLimitSec: 900,
      maxAttempts: 2,
    });
    contestId = c.id;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('plays one attempt with a countdown and shows the result that counts', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript("localStorage.setItem('cchc.lang', 'vi')");
    await page.goto(`${t.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('lan.pham');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${t.url}/`);

    // On a phone the navigation opens from the menu button.
    await page.getByRole('button', { name: 'Điều hướng chính' }).click();
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Thi trực tuyến' })
      .click();
    await page.locator('main h1', { hasText: 'Cuộc thi trực tuyến' }).waitFor();
    const card = page.getByTestId(`online-contest-${contestId}`);
    expect(await card.textContent()).toContain('4 câu hỏi, 15 phút mỗi lượt, tối đa 2 lượt thi');
    await card.getByRole('link', { name: 'Bắt đầu lượt thi' }).click();

    const countdown = page.getByTestId('countdown');
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/^(15:00|14:[45]\d)$/);
    expect(await page.locator('main h1').textContent()).toContain('Lượt 1/2');

    // The right option's text of each question, read from the bank as only a test may.
    const db = t.app.get(DataSource);
    const attempt = await eventually(
      async () => (await db.getRepository(OnlineAttempt).findOneBy({ contestId })) ?? undefined,
    );
    const rightText = new Map<string, string>();
    for (const item of attempt.variant) {
      const v = await db.getRepository(QuestionVersion).findOneByOrFail({ id: item.versionId });
      rightText.set(v.stem, v.options.find((o) => o.fraction > 0)!.text);
    }
    // Three right, one wrong.
    for (let n = 1; n <= 4; n++) {
      await page.getByRole('button', { name: new RegExp(`^Câu ${n},`) }).click();
      const stem = (await page.locator('.choices legend').textContent())!;
      const [text, right] = [...rightText.entries()].find(([s]) => stem.startsWith(s))!;
      expect(stem.startsWith(text)).toBe(true);
      const option =
        n < 4
          ? page.locator('.choice', { hasText: right })
          : page.locator('.choice').filter({ hasNotText: right }).first();
      await option.click();
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    }
    await page.getByLabel(/Câu hỏi dự đoán/).fill('12');

    await page.getByRole('button', { name: 'Nộp bài' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nộp bài?' });
    expect(await dialog.textContent()).toContain('Bạn đã trả lời 4/4 câu.');
    await dialog.getByRole('button', { name: 'Nộp bài' }).click();

    await page.locator('main h1', { hasText: 'Kết quả của bạn' }).waitFor();
    expect(await page.getByTestId('online-best-score').textContent()).toBe('30/40');
    expect(await page.getByTestId('online-best').textContent()).toContain('Số câu đúng: 3/4');
    expect(await page.getByTestId('online-best').textContent()).toContain('Dự đoán: 12');
    await page.getByRole('link', { name: 'Thi lượt tiếp theo' }).waitFor();
    expect(await page.evaluate(`localStorage.getItem('cchc.outbox.online.${attempt.id}')`)).toBeNull();

    const rankings = await t.api<{ entrants: { fullName: string; score: number; prediction: number }[] }>(
      'GET',
      `/api/online-contests/${contestId}/rankings`,
      undefined,
      organizerToken,
    );
    expect(rankings.body.entrants).toEqual([
      expect.objectContaining({ fullName: 'Phạm Thị Lan', score: 30, prediction: 12 }),
    ]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('lets the organizer create and publish a contest from the form and read its rankings', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.addInitScript("localStorage.setItem('cchc.lang', 'vi')");
    await page.goto(`${t.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill('to.chuc');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${t.url}/`);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Quản lý thi trực tuyến' })
      .click();
    await page.locator('main h1', { hasText: 'Quản lý thi trực tuyến' }).waitFor();

    await page.getByLabel('Tên cuộc thi').fill('Thi trực tuyến quý IV');
    await page.locator(`#oc-area-${areaTopicIds[0]}`).fill('2');
    await page.locator(`#oc-area-${areaTopicIds[1]}`).fill('1');
    await page.getByLabel('Số lượt thi tối đa').fill('2');
    await page.getByLabel('Tỷ lệ tham gia tối thiểu để xếp hạng đơn vị (%)').fill('60');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByText('Đã tạo bản nháp "Thi trực tuyến quý IV"').waitFor();
    const row = page.locator('tr', { hasText: 'Thi trực tuyến quý IV' });
    expect(await row.textContent()).toContain('Bản nháp');
    await row.getByRole('button', { name: 'Công bố' }).click();
    await row.getByRole('link', { name: 'Xem xếp hạng' }).waitFor();

    const list = await t.api<{ title: string; state: string; minParticipation: number; questionCount: number }[]>(
      'GET',
      '/api/online-contests',
      undefined,
      organizerToken,
    );
    expect(list.body.find((c) => c.title === 'Thi trực tuyến quý IV')).toMatchObject({
      state: 'published',
      minParticipation: 0.6,
      questionCount: 3,
    });

    // The first contest's rankings: the official's best attempt, the agency under the minimum.
    await page.goto(`${t.url}/online/manage/${contestId}`);
    await page.locator('main h1', { hasText: 'Xếp hạng: Tìm hiểu cải cách hành chính tỉnh Đồng Tháp' }).waitFor();
    expect(await page.getByTestId('online-entrants').textContent()).toContain('Phạm Thị Lan');
    expect(await page.getByTestId('online-no-ranked').textContent()).toContain('tối thiểu 50 %');
    await page.getByText(/đơn vị không xếp hạng \(tỷ lệ tham gia dưới 50 %\)/).click();
    const agencyRow = page.getByTestId('online-agencies-excluded').locator('tr', { hasText: 'Sở Nội vụ' });
    expect(await agencyRow.textContent()).toContain('Không xếp hạng (dưới 50 %)');
    expect(await agencyRow.textContent()).toContain('25 %');
    await page.close();
  }, 60_000);
});
