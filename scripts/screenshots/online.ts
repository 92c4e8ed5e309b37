import type { ShotKit } from './kit.js';

const QUESTIONS: { area: number; stem: string; options: string[] }[] = [
  {
    area: 0,
    stem: 'Bộ phận Một cửa tiếp nhận hồ sơ của ai?',
    options: ['Tổ chức, cá nhân', 'Chỉ cán bộ', 'Chỉ lãnh đạo'],
  },
  {
    area: 0,
    stem: 'Thủ tục hành chính phải được công khai ở đâu?',
    options: ['Nơi tiếp nhận hồ sơ và Cổng dịch vụ công', 'Không cần công khai', 'Chỉ trong nội bộ'],
  },
  { area: 1, stem: 'Chỉ số CCHC được chấm trên thang điểm nào?', options: ['100 điểm', '10 điểm', '1.000 điểm'] },
  {
    area: 1,
    stem: 'Ai thẩm định điểm tự chấm của cơ quan?',
    options: ['Hội đồng thẩm định', 'Chính cơ quan đó', 'Báo chí'],
  },
];

/**
 * Screenshots of the online contest: the official's list, an attempt with its countdown and the
 * result; the organizer's page and the rankings. Needs the demo accounts official1 and organizer.
 */
export async function onlineShots(kit: ShotKit): Promise<void> {
  const password = kit.demoPassword('official1');
  const organizerPassword = kit.demoPassword('organizer');
  if (!password || !organizerPassword) return;
  const login = await fetch(`${kit.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'organizer', password: organizerPassword }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const areas: number[] = [];
  for (const name of ['Thủ tục hành chính (thi trực tuyến)', 'Chỉ số CCHC (thi trực tuyến)']) {
    areas.push((await kit.call<{ id: number }>(token, 'POST', '/api/bank/topics', { name })).id);
  }
  for (const q of QUESTIONS) {
    await kit.call(token, 'POST', '/api/bank/questions', {
      topicId: areas[q.area],
      type: 'single',
      stem: q.stem,
      options: q.options.map((text, i) => ({ text, fraction: i === 0 ? 1 : 0 })),
      difficulty: 'easy',
      status: 'ready',
    });
  }
  const contest = await kit.call<{ id: number }>(token, 'POST', '/api/online-contests', {
    title: 'Cuộc thi trực tuyến tìm hiểu cải cách hành chính năm 2026',
    description: 'Mỗi lượt 4 câu hỏi rút ngẫu nhiên theo lĩnh vực; tính lượt có kết quả tốt nhất.',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    areas: areas.map((topicId) => ({ topicId, count: 2 })),
    maxAttempts: 3,
    timeLimitSec: 900,
    pointsPerQuestion: 25,
  });
  await kit.call(token, 'POST', `/api/online-contests/${contest.id}/publish`, {});

  for (const vp of kit.viewports) {
    const context = await kit.browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.addInitScript("localStorage.setItem('cchc.lang', 'vi')");
    const page = await context.newPage();
    await kit.logIn(page, 'official1', password);
    await page.goto(`${kit.url}/online`);
    await page.locator('.cards').waitFor();
    await kit.shoot(page, 'online-list', vp.name);
    await page
      .getByRole('link', { name: /Bắt đầu lượt thi|Tiếp tục lượt thi|Xem kết quả/ })
      .first()
      .click();
    await page.getByTestId('countdown').waitFor();
    await page.locator('.choice').first().click();
    await page.locator('[data-state="saved"]').waitFor();
    await page.getByLabel(/Câu hỏi dự đoán/).fill('120');
    await kit.shoot(page, 'online-play', vp.name);
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByTestId('online-best').waitFor();
    await kit.shoot(page, 'online-result', vp.name);
    await page.evaluate('sessionStorage.clear()');

    await context.close();
  }

  for (const vp of kit.viewports) {
    const context = await kit.browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.addInitScript("localStorage.setItem('cchc.lang', 'vi')");
    const page = await context.newPage();
    await kit.logIn(page, 'organizer', organizerPassword);
    await page.goto(`${kit.url}/online/manage`);
    await page.locator('table').waitFor();
    await kit.shoot(page, 'online-manage', vp.name);
    await page.goto(`${kit.url}/online/manage/${contest.id}`);
    await page.getByTestId('online-entrants').waitFor();
    await kit.shoot(page, 'online-rankings', vp.name);
    await context.close();
  }
}
