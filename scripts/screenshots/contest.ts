import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import type { JoinInfo, QuestionView } from '../../libs/live-contest/src/protocol.js';
import type { ShotKit } from './kit.js';

const ROUND_QUESTIONS = [
  {
    text: 'Chỉ số cải cách hành chính của tỉnh được chấm trên thang bao nhiêu điểm?',
    options: ['100 điểm', '50 điểm', '10 điểm', '1.000 điểm'],
    correctKey: 'a',
  },
  {
    text: 'Cơ quan nào chủ trì thẩm định kết quả tự chấm điểm Chỉ số CCHC của các sở, ngành?',
    options: ['Sở Tài chính', 'Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Sở Tư pháp'],
    correctKey: 'b',
  },
];

const BOTS = [
  'Nguyễn Thị Hoa',
  'Trần Văn Bình',
  'Lê Minh Châu',
  'Phạm Quốc Dũng',
  'Võ Thị Giang',
  'Huỳnh Văn Hải',
  'Đặng Thu Hà',
];

/** Players on their own socket, answering each question after a while (most of them right). */
function bot(url: string, pin: string, name: string, agencyId: number, pick: (q: QuestionView) => string): Socket {
  const s = io(`${url}/contest`, {
    transports: ['websocket'],
    forceNew: true,
    auth: { role: 'player', pin, name, agencyId },
  });
  s.on('question', (q: QuestionView) => {
    setTimeout(
      () => s.emit('answer', { index: q.index, choice: pick(q) }, () => undefined),
      300 + Math.random() * 1500,
    );
  });
  return s;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Screenshots of the contest screens: the builder, the host console, a player's phone and the projector. */
export async function contestShots(kit: ShotKit): Promise<void> {
  const contest = await kit.call<{ id: number }>(kit.adminToken, 'POST', '/api/contests', {
    title: 'Hội thi tìm hiểu cải cách hành chính 2026',
    mode: 'team',
    teamScoring: 'mean',
    tieBreak: ['correct_time', 'sudden_death'],
  });
  const speed = await kit.call<{ id: number }>(kit.adminToken, 'POST', `/api/contests/${contest.id}/rounds`, {
    title: 'Vượt chướng ngại vật',
    type: 'speed',
    settings: { scoring: 'speed', streakBonus: 100, streakCap: 3 },
  });
  for (const q of ROUND_QUESTIONS) {
    await kit.call(kit.adminToken, 'POST', `/api/contests/${contest.id}/rounds/${speed.id}/questions`, {
      text: q.text,
      options: q.options.map((text, i) => ({ key: 'abcd'[i], text })),
      correctKey: q.correctKey,
      points: 1000,
      timeLimitSec: 30,
    });
  }
  await kit.call(kit.adminToken, 'POST', `/api/contests/${contest.id}/rounds`, {
    title: 'Xử lý tình huống',
    type: 'judged',
    settings: { judgeMethod: 'trimmed_mean', trim: 1 },
  });

  // Staff pages carry the administrator's session (as the login page would leave it).
  const me = await kit.call<Record<string, unknown>>(kit.adminToken, 'GET', '/api/auth/me');
  const session = JSON.stringify({
    accessToken: kit.adminToken,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: me,
  });
  const contexts: { close(): Promise<void> }[] = [];
  const newPage = async (vp: 'phone' | 'pc', staff = false): Promise<Page> => {
    const v = kit.viewports.find((x) => x.name === vp)!;
    const context = await kit.browser.newContext({
      viewport: { width: v.width, height: v.height },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    await context.addInitScript(
      `localStorage.setItem('cchc.lang', 'vi');` +
        (staff ? `sessionStorage.setItem('cchc.session', ${JSON.stringify(session)});` : ''),
    );
    return context.newPage();
  };

  const bots: Socket[] = [];
  try {
    // The builder, on both viewports.
    const hostPc = await newPage('pc', true);
    const builderPhone = await newPage('phone', true);
    for (const [page, vp] of [
      [hostPc, 'pc'],
      [builderPhone, 'phone'],
    ] as const) {
      await page.goto(`${kit.url}/contests/${contest.id}`);
      await page.getByRole('heading', { name: 'Vượt chướng ngại vật' }).waitFor();
      await kit.shoot(page, 'contest-builder', vp);
    }

    // A live session from the builder; the console shows the PIN.
    await hostPc.getByRole('button', { name: 'Mở phiên thi trực tiếp (tạo mã PIN)' }).click();
    await hostPc.waitForURL(/\/host$/);
    const pin = (await hostPc.locator('.host-pin-value').innerText()).trim();
    const projectorHref = await hostPc.getByRole('link', { name: 'Mở màn hình máy chiếu' }).getAttribute('href');
    const projector = await newPage('pc');
    await projector.goto(`${kit.url}${projectorHref}`);
    const info = await kit.call<JoinInfo>(kit.adminToken, 'GET', `/api/contest-join/${pin}`);
    const agencies = info.agencies.filter((a) => a.name.startsWith('Sở')).slice(0, 4);

    // The player's phone: PIN, then name and agency.
    const phone = await newPage('phone');
    await phone.goto(`${kit.url}/join`);
    await phone.getByLabel('Mã PIN (6 số trên màn hình)').fill(pin);
    await kit.shoot(phone, 'contest-join', 'phone', false);
    await phone.getByRole('button', { name: 'Tiếp tục' }).click();
    await phone.getByLabel('Họ và tên').fill('Ngô Thanh Tâm');
    await phone.getByLabel('Đơn vị công tác').selectOption({ value: String(agencies[0].id) });
    await kit.shoot(phone, 'contest-join-details', 'phone', false);
    await phone.getByRole('button', { name: 'Vào thi' }).click();
    await phone.getByRole('heading', { name: 'Bạn đã vào hội thi!' }).waitFor();

    BOTS.forEach((name, i) =>
      bots.push(
        bot(kit.url, pin, name, agencies[(i + 1) % agencies.length].id, (q) => {
          const right = ROUND_QUESTIONS[q.index % ROUND_QUESTIONS.length].correctKey;
          return (i + q.index) % 4 === 3 ? (right === 'a' ? 'c' : 'a') : right;
        }),
      ),
    );
    await hostPc.getByTestId('lobby-count').filter({ hasText: '8 người chơi' }).waitFor();
    await pause(600);
    await kit.shoot(hostPc, 'contest-host-lobby', 'pc');
    await kit.shoot(projector, 'contest-projector-lobby', 'pc', false);

    for (let i = 0; i < 2; i++) {
      await hostPc.getByRole('button', { name: i === 0 ? 'Bắt đầu' : 'Câu tiếp theo', exact: true }).click();
      await phone.locator('.answer-btn').first().waitFor();
      if (i === 0) {
        await kit.shoot(phone, 'contest-player-question', 'phone', false);
        await kit.shoot(projector, 'contest-projector-question', 'pc', false);
      }
      await phone
        .locator('.answer-btn')
        .nth(i === 0 ? 0 : 2)
        .click();
      await hostPc.getByTestId('host-answers').filter({ hasText: '8/8' }).waitFor();
      if (i === 0) await kit.shoot(hostPc, 'contest-host-question', 'pc');
      await hostPc.getByRole('button', { name: 'Công bố đáp án' }).click();
      await phone.locator('.player-feedback').waitFor();
      await pause(1000);
      if (i === 0) {
        await kit.shoot(phone, 'contest-player-feedback', 'phone', false);
        await kit.shoot(projector, 'contest-projector-reveal', 'pc', false);
      } else {
        await kit.shoot(phone, 'contest-player-feedback-wrong', 'phone', false);
      }
      await hostPc.getByRole('button', { name: 'Bảng xếp hạng' }).click();
      await projector.locator('.leaderboard-row').first().waitFor();
      await pause(1800);
      if (i === 1) await kit.shoot(projector, 'contest-projector-leaderboard', 'pc', false);
    }
    await hostPc.getByRole('button', { name: 'Xem kết quả chung cuộc' }).click();
    await projector.locator('.podium').waitFor();
    await pause(2500);
    await kit.shoot(projector, 'contest-projector-podium', 'pc', false);
  } finally {
    for (const b of bots) b.disconnect();
    for (const c of contexts) await c.close();
  }
}
