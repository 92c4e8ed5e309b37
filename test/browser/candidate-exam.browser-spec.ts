import { Role } from '@app/platform';
import { makeAgency, makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { makeQuestion, makeTopic, secondsFromNow } from '../exam/exam-builders.js';
import { openBrowser, WEB_DIR, type TestBrowser } from './browser.js';

interface Review {
  state: string;
  score?: number;
  maxScore?: number;
  items?: { index: number; chosen: string[] }[];
}

/**
 * The candidate's whole story in a real browser: enter with a candidate number and access code,
 * open the timed test, lose the network mid-test, keep answering, come back, submit, and find every
 * answer on the server.
 */
describe('a candidate takes a timed test in the browser', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let code: string;

  beforeAll(async () => {
    t = await startTestApp({ WEB_DIR });
    browser = await openBrowser({ width: 360, height: 740 });
    const commune = await makeAgency(t, { level: 'commune', name: 'UBND xã Tân Thử' });
    const organizer = await makeUser(t, Role.Organizer, null);
    const topic = await makeTopic(t, 'Cải cách thủ tục hành chính');
    for (let i = 0; i < 6; i++) await makeQuestion(t, { topicId: topic.id, difficulty: 'easy' });
    const tpl = await t.api<{ id: number }>(
      'POST',
      '/api/exam/templates',
      {
        name: 'Sát hạch thử trên trình duyệt',
        navigation: 'free',
        parts: [
          {
            name: 'Kiến thức chung',
            rules: [{ topicIds: [topic.id], count: 6 }],
            shuffleQuestions: true,
            shuffleOptions: true,
          },
        ],
      },
      organizer.token,
    );
    expect(tpl.status).toBe(201);
    const session = await t.api<{ id: number }>(
      'POST',
      '/api/exam/sessions',
      {
        templateId: tpl.body.id,
        name: 'Kiểm tra kiến thức xã Tân Thử',
        purpose: 'inspection',
        agencyId: commune.id,
        opensAt: secondsFromNow(-60),
        closesAt: secondsFromNow(3600),
        durationSeconds: 600,
        reviewShows: 'score_and_answers',
        reviewWhen: 'immediately',
      },
      organizer.token,
    );
    expect(session.status).toBe(201);
    const added = await t.api(
      'POST',
      `/api/exam/sessions/${session.body.id}/candidates`,
      { numbered: [{ candidateNumber: 'TT-001', fullName: 'Võ Thị Thử' }] },
      organizer.token,
    );
    expect(added.status).toBe(201);
    const codes = await t.api<{ accessCode: string }[]>(
      'POST',
      `/api/exam/sessions/${session.body.id}/access-codes`,
      {},
      organizer.token,
    );
    code = codes.body[0].accessCode;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('keeps every answer through a network loss and submits them all', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript("localStorage.setItem('cchc.lang', 'vi')");
    await page.goto(`${t.url}/thi`);
    await page.getByLabel('Số báo danh').fill('TT-001');
    await page.getByLabel('Mã dự thi').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Vào thi' }).click();
    await page.locator('main h1', { hasText: 'Bài thi của tôi' }).waitFor();
    await page.getByText('Kiểm tra kiến thức xã Tân Thử').waitFor();
    await page.getByRole('link', { name: 'Làm bài' }).click();

    const countdown = page.getByTestId('countdown');
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/^(10:00|9:[45]\d)$/);

    const answer = async (n: number, letter: string): Promise<void> => {
      await page.getByRole('button', { name: new RegExp(`^Câu ${n},`) }).click();
      await page.locator('.choice', { has: page.locator('.choice-letter', { hasText: letter }) }).click();
    };
    const saveState = () => page.getByTestId('save-state').getAttribute('data-state');

    await answer(1, 'B');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    expect(await page.getByTestId('save-state').textContent()).toContain('đã lưu');

    await browser.context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await answer(2, 'A');
    await answer(3, 'C');
    await page.getByRole('button', { name: /Đánh dấu xem lại/ }).click();
    await answer(4, 'D');
    expect(await saveState()).toBe('queued');
    expect(await page.getByTestId('offline-banner').textContent()).toContain('4 câu trả lời đang chờ gửi');
    await page.getByRole('button', { name: /^Câu 3, đã trả lời, đánh dấu xem lại, chờ gửi$/ }).waitFor();

    await browser.context.setOffline(false);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
    expect(await saveState()).toBe('saved');

    await page.getByRole('button', { name: 'Nộp bài' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nộp bài?' });
    expect(await dialog.textContent()).toContain('Bạn đã trả lời 4/6 câu.');
    expect(await dialog.textContent()).toContain('1 câu đang đánh dấu xem lại.');
    await dialog.getByRole('button', { name: 'Nộp bài' }).click();
    await page.locator('main h1', { hasText: 'Kết quả bài thi' }).waitFor();
    expect(await page.getByTestId('score').textContent()).toMatch(/^Điểm: \d+\/6$/);

    const attemptId = Number(/ket-qua\/(\d+)/.exec(page.url())![1]);
    const token = await page.evaluate<string>("JSON.parse(sessionStorage.getItem('cchc.session')).accessToken");
    const review = await t.api<Review>('GET', `/api/exam/attempts/${attemptId}/review`, undefined, token);
    expect(review.body.state).not.toBe('in_progress');
    expect(
      review.body
        .items!.filter((i) => i.chosen.length > 0)
        .map((i) => i.index)
        .sort(),
    ).toEqual([0, 1, 2, 3]);
    expect(await page.evaluate("localStorage.getItem('cchc.outbox.attempt." + attemptId + "')")).toBeNull();
    await page.close();
  }, 60_000);
});
