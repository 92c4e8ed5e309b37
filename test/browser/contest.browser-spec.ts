import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { Role } from '@app/platform';
import { makeAgency, makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { LiveContestLimits } from '../../libs/live-contest/src/live/live.service.js';
import { makeContest } from '../contest/contest-support.js';
import { WEB_DIR } from './browser.js';

const PHONE = { width: 360, height: 740 };
const PC = { width: 1366, height: 768 };

/**
 * A live contest in a hall, in real browsers: three phones and a projector (separate contexts, so
 * separate storage) while the host drives the game from a fourth. Everything is asserted on what
 * the people see: the phones' feedback, the projector's distribution, leaderboard and podium, and a
 * phone that reloads mid-question keeping its score. Then the builder: a contest made, a round
 * added, questions added, edited and deleted.
 */
describe('a live contest played on phones, a projector and the host console', () => {
  let t: TestApp;
  let browser: Browser;
  let profile: string;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let projector: Page;
  const phones: Record<'An' | 'Bình' | 'Chi', Page> = {} as never;
  let contestId: number;
  let justiceId: number;
  const sockets: { disconnect(): void }[] = [];

  const open = async (viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    t = await startTestApp({ WEB_DIR });
    // One join per second on a PIN, so a phone that joins right behind someone else is throttled.
    t.app.get(LiveContestLimits).joinsPerPinPerSecond = 1;
    profile = mkdtempSync(join(tmpdir(), 'cchc-contest-'));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
    });
    const justice = await makeAgency(t, { name: 'Sở Tư pháp' });
    justiceId = justice.id;
    await makeAgency(t, { name: 'Sở Nội vụ' });
    const organizer = await makeUser(t, Role.Organizer, justice.id, { fullName: 'Lê Văn Dẫn' });
    ({ contestId } = await makeContest(t, organizer.token, {
      title: 'Hội thi tìm hiểu CCHC trên trình duyệt',
      rounds: [
        {
          title: 'Vượt chướng ngại vật',
          type: 'speed',
          settings: { scoring: 'fixed' },
          questions: [
            { text: 'Chỉ số CCHC chấm trên thang bao nhiêu điểm?', correct: 'a', points: 1000, timeLimitSec: 60 },
            { text: 'Cơ quan nào chủ trì thẩm định Chỉ số CCHC?', correct: 'b', points: 500, timeLimitSec: 60 },
          ],
        },
        { title: 'Xử lý tình huống', type: 'judged' },
      ],
    }));

    host = await open(PC);
    const session = {
      accessToken: organizer.token,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: {
        id: organizer.user.id,
        username: organizer.user.username,
        fullName: 'Lê Văn Dẫn',
        role: 'organizer',
        agencyId: justice.id,
      },
    };
    await host
      .context()
      .addInitScript(`sessionStorage.setItem('cchc.session', ${JSON.stringify(JSON.stringify(session))})`);
    projector = await open(PC);
    for (const name of ['An', 'Bình', 'Chi'] as const) phones[name] = await open(PHONE);
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
    await t?.close();
  });

  const answer = async (phone: Page, option: string): Promise<void> => {
    await phone.getByRole('button', { name: new RegExp(option) }).click();
    await phone.getByText('Đã gửi đáp án').waitFor();
  };
  const phoneScore = (phone: Page): Promise<string> => phone.locator('.player-bar-score').innerText();

  it('plays a round from the lobby to the podium', async () => {
    // The organizer opens a live session from the builder; the console shows the PIN.
    await host.goto(`${t.url}/contests/${contestId}`);
    await host.getByRole('button', { name: 'Mở phiên thi trực tiếp (tạo mã PIN)' }).click();
    await host.waitForURL(/\/sessions\/\d+\/host$/);
    const pin = (await host.locator('.host-pin-value').innerText()).trim();
    expect(pin).toMatch(/^\d{6}$/);

    // The projector opens from the console's link and shows the PIN to the hall.
    const projectorHref = await host.getByRole('link', { name: 'Mở màn hình máy chiếu' }).getAttribute('href');
    await projector.goto(`${t.url}${projectorHref}`);
    await projector.locator('.stage-pin', { hasText: pin }).waitFor();

    // Three phones join with the PIN, a name and their agency.
    for (const [name, agency] of [
      ['An', 'Sở Tư pháp'],
      ['Bình', 'Sở Nội vụ'],
      ['Chi', 'Sở Tư pháp'],
    ] as const) {
      const phone = phones[name];
      await phone.goto(`${t.url}/join`);
      await phone.getByLabel('Mã PIN (6 số trên màn hình)').fill(pin);
      await phone.getByRole('button', { name: 'Tiếp tục' }).click();
      await phone.getByLabel('Họ và tên').fill(name);
      await phone.getByLabel('Đơn vị công tác').selectOption({ label: agency });
      if (name === 'An') {
        // Someone joins just before An: An's join is throttled, the phone says so and retries by itself.
        const first = io(`${t.url}/contest`, {
          transports: ['websocket'],
          forceNew: true,
          auth: { role: 'player', pin, name: 'Người vào trước', agencyId: justiceId },
        });
        sockets.push(first);
        await new Promise((resolve) => first.once('welcome', resolve));
        await phone.getByRole('button', { name: 'Vào thi' }).click();
        await phone.getByText('Đang có nhiều người vào cùng lúc. Tự động thử lại sau').waitFor();
      } else {
        await phone.getByRole('button', { name: 'Vào thi' }).click();
      }
      await phone.getByRole('heading', { name: 'Bạn đã vào hội thi!' }).waitFor();
    }
    // The host removes the extra player from the lobby.
    await host.getByTestId('lobby-count').filter({ hasText: '4 người chơi' }).waitFor();
    await host.getByRole('button', { name: 'Mời Người vào trước ra khỏi phiên thi' }).click();
    await host.getByText('Người vào trước').waitFor({ state: 'detached' });
    await host.getByTestId('lobby-count').filter({ hasText: '3 người chơi' }).waitFor();
    const justiceGroup = host.locator('.lobby-group', { hasText: 'Sở Tư pháp' });
    expect(await justiceGroup.locator('li').allInnerTexts()).toEqual([
      expect.stringContaining('An'),
      expect.stringContaining('Chi'),
    ]);
    for (const name of ['An', 'Bình', 'Chi']) await projector.locator('.stage-names li', { hasText: name }).waitFor();

    // Question 1: An and Bình right, Chi wrong.
    await host.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await projector.getByRole('heading', { name: 'Chỉ số CCHC chấm trên thang bao nhiêu điểm?' }).waitFor();
    for (const phone of Object.values(phones)) {
      await phone.getByRole('heading', { name: 'Chỉ số CCHC chấm trên thang bao nhiêu điểm?' }).waitFor();
    }
    await answer(phones.An, 'Phương án A');
    await answer(phones.Bình, 'Phương án A');
    await answer(phones.Chi, 'Phương án B');
    // (The server still counts the removed player among those who could answer.)
    await host
      .getByTestId('host-answers')
      .filter({ hasText: /^3\/\d+ đã trả lời$/ })
      .waitFor();
    await host.getByRole('button', { name: 'Công bố đáp án' }).click();

    // The projector shows how many chose each option, the right one marked; phones say right or wrong.
    await projector.getByLabel('Phương án A: 2 người (67%)').waitFor();
    await projector.getByLabel('Phương án B: 1 người (33%)').waitFor();
    expect(await projector.locator('.distribution-bar[data-correct="true"]').innerText()).toContain('A');
    await phones.An.getByRole('heading', { name: 'Chính xác!' }).waitFor();
    await phones.Bình.getByRole('heading', { name: 'Chính xác!' }).waitFor();
    await phones.Chi.getByRole('heading', { name: 'Chưa đúng' }).waitFor();
    await phones.Chi.getByText('Đáp án đúng: A.').waitFor();
    expect(await phoneScore(phones.An)).toBe('1000');
    expect(await phoneScore(phones.Chi)).toBe('0');

    await host.getByRole('button', { name: 'Bảng xếp hạng' }).click();
    await projector.getByRole('heading', { name: 'Bảng xếp hạng' }).waitFor();
    await projector.locator('.agency-board').getByText('Sở Tư pháp').waitFor();

    // Question 2 (500 points): Bình reloads the page mid-question and keeps the score, then answers right.
    await host.getByRole('button', { name: 'Câu tiếp theo' }).click();
    await phones.Bình.getByRole('heading', { name: 'Cơ quan nào chủ trì thẩm định Chỉ số CCHC?' }).waitFor();
    await phones.Bình.reload();
    await phones.Bình.getByRole('heading', { name: 'Cơ quan nào chủ trì thẩm định Chỉ số CCHC?' }).waitFor();
    expect(await phoneScore(phones.Bình)).toBe('1000');
    await answer(phones.Bình, 'Phương án B');
    await answer(phones.An, 'Phương án C');
    await answer(phones.Chi, 'Phương án B');
    await host
      .getByTestId('host-answers')
      .filter({ hasText: /^3\/\d+ đã trả lời$/ })
      .waitFor();
    await host.getByRole('button', { name: 'Công bố đáp án' }).click();
    await phones.Bình.getByRole('heading', { name: 'Chính xác!' }).waitFor();
    await phones.An.getByRole('heading', { name: 'Chưa đúng' }).waitFor();
    expect(await phoneScore(phones.Bình)).toBe('1500');
    await phones.Bình.getByText('Hạng 1').waitFor();

    // The leaderboard and the podium: Bình 1500, An 1000, Chi 500.
    await host.getByRole('button', { name: 'Bảng xếp hạng' }).click();
    await projector.locator('.leaderboard-row').nth(2).waitFor();
    const rows = await projector.locator('.leaderboard-row').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^1 Bình Sở Nội vụ.* 1500$/),
      expect.stringMatching(/^2 An Sở Tư pháp.* 1000$/),
      expect.stringMatching(/^3 Chi Sở Tư pháp.* 500$/),
    ]);
    await host.getByRole('button', { name: 'Xem kết quả chung cuộc' }).click();
    await projector.getByRole('heading', { name: 'Chúc mừng!' }).waitFor();
    expect(await projector.locator('.podium-1 .podium-name').innerText()).toBe('Bình');
    expect(await projector.locator('.podium-2 .podium-name').innerText()).toBe('An');
    expect(await projector.locator('.podium-3 .podium-name').innerText()).toBe('Chi');

    // A judge scores Sở Nội vụ's situation from the console before the end.
    await host.getByText('Điểm giám khảo (vòng giám khảo chấm)').click();
    await host.getByLabel('Đội (đơn vị)').selectOption({ label: 'Sở Nội vụ' });
    await host.getByLabel('Giám khảo', { exact: true }).fill('Giám khảo 1');
    await host.getByLabel('Điểm', { exact: true }).fill('8');
    await host.getByRole('button', { name: 'Lưu điểm' }).click();
    await host.getByText('Đã lưu: Giám khảo 1 chấm 8 điểm.').waitFor();

    // The host ends the session; the results (judged points included) are stored and download as Excel.
    await host.getByRole('button', { name: 'Kết thúc phiên thi' }).click();
    await host.getByRole('button', { name: 'Kết thúc', exact: true }).click();
    await host.getByText('Phiên thi đã kết thúc, kết quả đã được lưu.').waitFor();
    await phones.An.getByRole('heading', { name: 'Hội thi đã kết thúc. Cảm ơn bạn!' }).waitFor();
    const agencyRows = host.locator('table', { hasText: 'Đơn vị' }).locator('tbody tr');
    await agencyRows.first().waitFor();
    expect((await agencyRows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '1 Sở Nội vụ 1508',
      '2 Sở Tư pháp 1500',
    ]);
    const [download] = await Promise.all([
      host.waitForEvent('download'),
      host.getByRole('button', { name: 'Tải kết quả (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ket-qua-hoi-thi-\d+\.xlsx$/);
  }, 120_000);

  it('builds a contest in the builder: a buzzer round, own questions, one edited and one deleted', async () => {
    await host.goto(`${t.url}/contests`);
    await host.getByText('Tạo hội thi mới').click();
    await host.getByLabel('Tên hội thi').fill('Hội thi Rung chuông vàng xã Tân Thử');
    await host.getByLabel('Hình thức').selectOption({ label: 'Cá nhân' });
    await host.getByRole('button', { name: 'Tạo hội thi' }).click();
    await host.getByRole('heading', { name: 'Hội thi Rung chuông vàng xã Tân Thử' }).waitFor();

    await host.getByText('Thêm vòng thi').first().click();
    await host.getByLabel('Tên vòng').fill('Khởi động');
    await host.getByLabel('Thể thức').selectOption({ label: 'Bấm chuông (Khởi động)' });
    await host.getByLabel('Điểm cộng khi đúng').fill('20');
    await host.locator('form').getByRole('button', { name: 'Thêm vòng thi' }).click();
    const round = host.locator('.round-panel', { hasText: 'Khởi động' });
    await round.getByText('đúng +20, sai −5, 3 giây để trả lời').waitFor();

    await round.getByText('Thêm câu hỏi riêng').click();
    const add = round.locator('details', { hasText: 'Thêm câu hỏi riêng' });
    for (const [text, right] of [
      ['Thủ tục hành chính được công khai ở đâu?', 'B'],
      ['Câu hỏi sẽ bị xóa', 'A'],
    ] as const) {
      await add.getByLabel('Nội dung câu hỏi').fill(text);
      await add.getByLabel('Phương án A', { exact: true }).fill('Trên cổng dịch vụ công');
      await add.getByLabel('Phương án B', { exact: true }).fill('Tại bộ phận một cửa và trên cổng dịch vụ công');
      await add.getByLabel(`Phương án ${right} là đáp án đúng`).check();
      await add.getByRole('button', { name: 'Lưu câu hỏi' }).click();
      await round.locator('.question-item', { hasText: text }).waitFor();
    }
    await round.getByText('(đáp án B, 1000 điểm, 20 giây)').waitFor();

    await round.getByRole('button', { name: 'Sửa câu 1' }).click();
    const first = round.locator('.question-item').first();
    await first.getByLabel('Nội dung câu hỏi').fill('Kết quả giải quyết thủ tục hành chính được trả ở đâu?');
    await first.getByLabel('Điểm').fill('20');
    await first.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await round.getByText('(đáp án B, 20 điểm, 20 giây)').waitFor();

    const second = round.locator('.question-item', { hasText: 'Câu hỏi sẽ bị xóa' });
    await second.getByRole('button', { name: 'Xóa' }).click();
    await second.getByRole('group').getByRole('button', { name: 'Xóa' }).click();
    await second.waitFor({ state: 'detached' });
    expect(await round.locator('.question-item').allInnerTexts()).toEqual([
      expect.stringContaining('Kết quả giải quyết thủ tục hành chính được trả ở đâu?'),
    ]);
  }, 60_000);
});
