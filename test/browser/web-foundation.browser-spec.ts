import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hashPassword } from '@app/org';
import { Role } from '@app/platform';
import { makeAgency, makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openBrowser, WEB_DIR, type TestBrowser } from './browser.js';

const PASSWORD = 'matkhau-2026';

describe('web UI foundation in a real browser', () => {
  let t: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('dist/web is missing: run npm run build:web first');
    t = await startTestApp({ WEB_DIR });
    browser = await openBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const heading = (page: Page) => page.locator('main h1');
  /** Waits for the page's heading to read `text` (pages render after their navigation settles). */
  const headingIs = async (page: Page, text: string): Promise<void> => {
    await page.locator('main h1', { hasText: text }).waitFor();
    expect(await heading(page).textContent()).toBe(text);
  };

  it('logs an admin in, in Vietnamese, switches to English, and logs out', async () => {
    const hash = await hashPassword(PASSWORD);
    await makeUser(t, Role.Admin, null, { username: 'an.nguyen', fullName: 'Nguyễn Văn An', passwordHash: hash });
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && problems.push(m.text()));

    await page.goto(`${t.url}/`);
    await page.waitForURL(/\/login$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await headingIs(page, 'Đăng nhập');

    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.outerHTML')).toContain('Bỏ qua, đến nội dung chính');

    await page.getByLabel('Tên đăng nhập').fill('an.nguyen');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Sai tên đăng nhập hoặc mật khẩu.');

    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Mật khẩu', { exact: true }).press('Enter');
    await page.waitForURL(`${t.url}/`);
    await headingIs(page, 'Xin chào, Nguyễn Văn An');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Trang chủ',
      'Cơ quan, đơn vị',
      'Người dùng',
      'Ngân hàng câu hỏi',
      'Kỳ thi, ca thi',
      'Hội thi',
      'Bảng điều khiển',
      'Chấm điểm CCHC',
      'Bộ chỉ số CCHC',
      'Xếp hạng',
      'Quản lý thi trực tuyến',
      'Tham gia hội thi',
      'Kết quả khảo sát hài lòng',
      'Mã QR khảo sát tại quầy',
    ]);

    await page.getByRole('button', { name: /English/ }).click();
    await headingIs(page, 'Welcome, Nguyễn Văn An');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // A reload keeps both the session (sessionStorage) and the language (localStorage).
    await page.reload();
    await headingIs(page, 'Welcome, Nguyễn Văn An');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await headingIs(page, 'Log in');
    await page.goto(`${t.url}/admin/users`);
    await page.waitForURL(/\/login$/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps an official out of the admin screens', async () => {
    const hash = await hashPassword(PASSWORD);
    await makeUser(t, Role.Official, null, { username: 'binh.tran', fullName: 'Trần Thị Bình', passwordHash: hash });
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/login`);
    await page.evaluate("localStorage.setItem('cchc.lang', 'vi')");
    await page.reload();
    await page.getByLabel('Tên đăng nhập').fill('binh.tran');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await headingIs(page, 'Xin chào, Trần Thị Bình');
    await expect(page.getByRole('link', { name: 'Người dùng' }).count()).resolves.toBe(0);
    await page.goto(`${t.url}/admin/users`);
    await headingIs(page, 'Không có quyền truy cập');
    await page.close();
  }, 60_000);

  /** Logs in through the form, in Vietnamese, and waits for the home page. */
  async function logIn(username: string, fullName: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/login`);
    await page.evaluate("localStorage.setItem('cchc.lang', 'vi')");
    await page.reload();
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await headingIs(page, `Xin chào, ${fullName}`);
    return page;
  }

  it('shows the agency tree and lets an admin add a user, reset a password and see import row errors', async () => {
    const dept = await makeAgency(t, { name: 'Sở Thử Nghiệm', code: 'STN', level: 'department', staffCount: 42 });
    await makeAgency(t, { name: 'Xã Thử Nghiệm', code: 'X-TN', level: 'commune', parentId: dept.id });
    await makeUser(t, Role.Admin, null, {
      username: 'quan.tri',
      fullName: 'Phan Quản Trị',
      passwordHash: await hashPassword(PASSWORD),
    });
    const page = await logIn('quan.tri', 'Phan Quản Trị');

    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Cơ quan, đơn vị' })
      .click();
    await headingIs(page, 'Cơ quan, đơn vị');
    const tree = page.locator('.tree');
    await tree.getByText('Xã Thử Nghiệm').waitFor();
    await expect(tree.locator('summary', { hasText: 'Sở Thử Nghiệm' }).textContent()).resolves.toContain(
      '42 công chức',
    );

    await page.goto(`${t.url}/admin/users`);
    await headingIs(page, 'Người dùng');
    await page.locator('summary', { hasText: 'Thêm người dùng' }).click();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Đỗ Thị Hoa');
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('hoa.do');
    await page.getByLabel('Vai trò').selectOption('official');
    await page.getByLabel('Cơ quan', { exact: true }).selectOption(String(dept.id));
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByText('Đã thêm người dùng hoa.do.').waitFor();
    const row = page.locator('tr', { hasText: 'hoa.do' });
    await expect(row.textContent()).resolves.toContain('Công chức');

    // The same username again: the server's USERNAME_TAKEN, in Vietnamese.
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('hoa.do');
    await page.getByLabel('Họ và tên', { exact: true }).fill('Đỗ Thị Hoa');
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByText('Tên đăng nhập này đã có người dùng.').waitFor();

    await row.getByRole('button', { name: /Đặt lại mật khẩu/ }).click();
    const notice = page.getByText(/^Mật khẩu mới của hoa\.do: /);
    await notice.waitFor();
    const newPassword = /: (\S+)\. /.exec((await notice.textContent())!)![1];
    const login = await t.api('POST', '/api/auth/login', { username: 'hoa.do', password: newPassword });
    expect(login.status).toBe(200);

    await page.locator('summary', { hasText: 'Nhập từ tệp' }).click();
    await page.getByLabel('Chọn tệp').setInputFiles({
      name: 'nguoi-dung.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Tên đăng nhập,Họ và tên,Mật khẩu,Vai trò,Mã cơ quan\nhoa.do,Đỗ Thị Hoa,abc,Công chức,STN\n',
        'utf8',
      ),
    });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const rowErrors = page.locator('.row-errors');
    await rowErrors.waitFor();
    await expect(rowErrors.textContent()).resolves.toMatch(/^Dòng 2/);
    await page.close();
  }, 60_000);

  it('translates a wrong candidate number or access code', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/thi`);
    await headingIs(page, 'Vào phòng thi');
    await page.getByLabel('Số báo danh').fill('SB-9999');
    await page.getByLabel('Mã dự thi').fill('ABCD2345');
    await page.getByRole('button', { name: 'Vào thi' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Sai số báo danh hoặc mã dự thi.');
    await page.close();
  }, 30_000);

  describe('exam page kit', () => {
    /** Stands in for the answer endpoint the exam API will provide; records what arrives, in order. */
    async function kitPage(server: { received: string[]; down: boolean }): Promise<Page> {
      const page = await browser.context.newPage();
      await page.addInitScript("localStorage.setItem('cchc.dev', '1'); localStorage.setItem('cchc.lang', 'vi');");
      await page.route('**/api/dev/exam-kit/answers/*', async (route) => {
        const q = route.request().url().split('/').pop();
        const { choice } = route.request().postDataJSON() as { choice: number };
        if (server.down) {
          await route.fulfill({ status: 503, json: { statusCode: 503, code: 'UNAVAILABLE', message: 'down' } });
          return;
        }
        server.received.push(`${q}:${String.fromCharCode(65 + choice)}`);
        await route.fulfill({ status: 200, json: { ok: true } });
      });
      await page.goto(`${t.url}/dev/exam-kit`);
      await headingIs(page, 'Bộ công cụ trang thi');
      return page;
    }
    const answer = async (page: Page, n: number, letter: string): Promise<void> => {
      await page.getByRole('button', { name: new RegExp(`^Câu ${n},`) }).click();
      await page
        .locator('.choice')
        .filter({ has: page.locator('.choice-letter', { hasText: letter }) })
        .click();
    };
    const saveState = (page: Page) => page.getByTestId('save-state').getAttribute('data-state');

    it('queues answers given offline and sends them in order when the network returns', async () => {
      const server = { received: [] as string[], down: false };
      const page = await kitPage(server);
      await expect(page.getByTestId('countdown').textContent()).resolves.toMatch(/^4[45]:\d\d$/);

      await answer(page, 1, 'A');
      await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor();
      await expect(page.getByTestId('save-state').textContent()).resolves.toContain('đã lưu');

      await browser.context.setOffline(true);
      await page.getByTestId('offline-banner').waitFor();
      await expect(page.getByTestId('offline-banner').textContent()).resolves.toContain('Mất kết nối mạng');
      await answer(page, 2, 'B');
      await answer(page, 3, 'C');
      await answer(page, 2, 'D'); // changes its mind: the newer answer replaces the queued one
      await answer(page, 4, 'A');
      await expect(saveState(page)).resolves.toBe('queued');
      await expect(page.getByTestId('offline-banner').textContent()).resolves.toContain('3 câu trả lời đang chờ gửi');
      const stored = await page.evaluate<string>("localStorage.getItem('cchc.outbox.kit')");
      expect((JSON.parse(stored) as { entries: { key: string }[] }).entries.map((e) => e.key)).toEqual(['2', '1', '3']);
      expect(server.received).toEqual(['1:A']);

      await browser.context.setOffline(false);
      await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
      expect(server.received).toEqual(['1:A', '3:C', '2:D', '4:A']);
      await expect(page.getByTestId('received').locator('li').allTextContents()).resolves.toEqual(server.received);
      await expect(saveState(page)).resolves.toBe('saved');

      await page.getByRole('button', { name: 'Nộp bài' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nộp bài?' });
      await expect(dialog.textContent()).resolves.toContain('Bạn đã trả lời 4/6 câu.');
      await dialog.getByRole('button', { name: 'Nộp bài' }).click();
      await page.getByText('Đã nộp bài.').waitFor();
      await page.close();
    }, 60_000);

    it('keeps unsent answers across a reload while the server is down, then sends them in order', async () => {
      const server = { received: [] as string[], down: true };
      const first = await kitPage(server);
      await first.evaluate("localStorage.removeItem('cchc.outbox.kit')");
      await first.reload();
      await answer(first, 5, 'B');
      await answer(first, 6, 'C');
      // The first answer failed and holds the queue; the second waits behind it.
      await first.getByRole('button', { name: /^Câu 5, đã trả lời, lỗi, thử lại$/ }).waitFor();
      await first.getByRole('button', { name: /^Câu 6, đã trả lời, đang lưu$/ }).waitFor();
      await first.close();
      expect(server.received).toEqual([]);

      server.down = false;
      const second = await kitPage(server);
      await second.getByTestId('received').locator('li').nth(1).waitFor();
      expect(server.received).toEqual(['5:B', '6:C']);
      await second.close();
    }, 60_000);
  });
});
