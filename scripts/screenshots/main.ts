/**
 * Screenshots of the web UI's main screens, for docs/screenshots/ (referenced from docs/web.md).
 *
 *   npm run screenshots        (builds, then runs dist/scripts/screenshots/main.js)
 *
 * Each area of the product adds its screens in its own module (bank.ts, contest.ts, …) through
 * the ShotKit of kit.ts.
 *
 * Starts the built server on a throwaway SQLite database with the demo province, logs in through
 * the UI as the first administrator (from ADMIN_USERNAME/ADMIN_PASSWORD) and as a demo official,
 * and writes one PNG per screen and viewport: a 360×740 phone and a 1366×768 office PC.
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bankShots } from './bank.js';
import { contestShots } from './contest.js';
import { inspectorShots } from './inspector.js';
import type { ShotKit } from './kit.js';
import { onlineShots } from './online.js';
import { surveyShots } from './survey.js';

const AREAS: readonly ((kit: ShotKit) => Promise<void>)[] = [
  bankShots,
  contestShots,
  inspectorShots,
  onlineShots,
  surveyShots,
];

const OUT = resolve(process.argv[2] ?? 'docs/screenshots');
const ADMIN = { username: 'quantri', password: 'anh-chup-2026', fullName: 'Quản trị hệ thống' };
const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'pc', width: 1366, height: 768 },
] as const;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

async function waitReady(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server at ${url} did not become ready`);
}

/** The demo seed prints each account once; take a demo official's password from that block. */
function demoPassword(stdout: string, username: string): string | null {
  const line = stdout.split('\n').find((l) => l.trimStart().startsWith(`${username} `));
  return line?.trim().split(/\s+/)[1] ?? null;
}

async function logIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('main h1', { hasText: 'Xin chào' }).waitFor();
}

async function shoot(page: Page, name: string, viewport: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate('document.fonts.ready.then(() => window.scrollTo(0, 0))');
  const file = join(OUT, `${name}-${viewport}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`  ${file}`);
}

/** JSON over HTTP with the admin's token, for setting up what the screens show. */
async function call<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Sample questions for the exam screens, written for the screenshots. */
const SAMPLE_QUESTIONS: { stem: string; options: string[] }[] = [
  {
    stem: 'Bộ phận một cửa tiếp nhận hồ sơ của ai?',
    options: ['Người dân và doanh nghiệp', 'Chỉ cán bộ', 'Chỉ lãnh đạo', 'Không ai'],
  },
  { stem: 'Chỉ số CCHC được chấm trên thang điểm nào?', options: ['100 điểm', '10 điểm', '50 điểm', '1.000 điểm'] },
  {
    stem: 'Ai thẩm định điểm tự chấm của cơ quan?',
    options: ['Hội đồng thẩm định', 'Chính cơ quan đó', 'Báo chí', 'Người dân'],
  },
  {
    stem: 'Tài liệu kiểm chứng dùng để làm gì?',
    options: ['Chứng minh điểm tự chấm', 'Trang trí hồ sơ', 'Thay báo cáo', 'Không dùng'],
  },
  {
    stem: 'Khảo sát sự hài lòng hỏi ý kiến của ai?',
    options: ['Người dân và tổ chức', 'Chỉ cán bộ', 'Chỉ lãnh đạo', 'Không ai'],
  },
  {
    stem: 'Xếp hạng Chỉ số CCHC sắp theo thứ tự nào?',
    options: ['Điểm từ cao xuống thấp', 'Tên cơ quan', 'Ngẫu nhiên', 'Ngày nộp'],
  },
];

/** One open training session per viewport with the demo official as candidate, so each run can take and submit its own. */
async function adminToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return accessToken;
}

async function setUpExams(url: string, token: string, official: string): Promise<void> {
  const topic = await call<{ id: number }>(url, token, 'POST', '/api/bank/topics', {
    name: 'Cải cách hành chính (ảnh mẫu)',
  });
  for (const q of SAMPLE_QUESTIONS) {
    await call(url, token, 'POST', '/api/bank/questions', {
      topicId: topic.id,
      type: 'single',
      stem: q.stem,
      options: q.options.map((text, i) => ({ text, fraction: i === 0 ? 1 : 0 })),
      difficulty: 'easy',
      status: 'ready',
      explanation: 'Câu hỏi mẫu cho ảnh chụp màn hình.',
    });
  }
  const tpl = await call<{ id: number }>(url, token, 'POST', '/api/exam/templates', {
    name: 'Ôn tập cải cách hành chính',
    navigation: 'free',
    parts: [
      {
        name: 'Kiến thức chung',
        rules: [{ topicIds: [topic.id], count: 6 }],
        shuffleQuestions: true,
        shuffleOptions: true,
      },
    ],
  });
  const users = await call<{ items: { id: number }[] }>(url, token, 'GET', `/api/users?q=${official}`);
  for (const vp of VIEWPORTS) {
    const session = await call<{ id: number }>(url, token, 'POST', '/api/exam/sessions', {
      templateId: tpl.id,
      name: `Ôn tập cải cách hành chính (${vp.name === 'phone' ? 'điện thoại' : 'máy tính'})`,
      purpose: 'training',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      durationSeconds: 1800,
      reviewShows: 'score_and_answers',
      reviewWhen: 'immediately',
    });
    await call(url, token, 'POST', `/api/exam/sessions/${session.id}/candidates`, {
      accounts: [{ userId: users.items[0].id }],
    });
  }
}

async function screens(browser: Browser, url: string, official: { username: string; password: string } | null) {
  for (const vp of VIEWPORTS) {
    const context = await browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.addInitScript("localStorage.setItem('cchc.lang', 'vi'); localStorage.setItem('cchc.dev', '1');");
    // Stands in for the exam API's answer endpoint on the kit preview.
    await context.route('**/api/dev/exam-kit/answers/*', (route) => route.fulfill({ status: 200, json: { ok: true } }));
    const page = await context.newPage();

    await page.goto(`${url}/login`);
    await shoot(page, 'login', vp.name);
    await page.goto(`${url}/thi`);
    await shoot(page, 'candidate-entry', vp.name);

    await logIn(page, url, ADMIN.username, ADMIN.password);
    await shoot(page, 'home-admin', vp.name);
    await page.goto(`${url}/admin/agencies`);
    await page.locator('.tree').waitFor();
    await shoot(page, 'agencies', vp.name);
    await page.goto(`${url}/admin/users`);
    await page.locator('table').waitFor();
    await shoot(page, 'users', vp.name);

    await page.goto(`${url}/dev/exam-kit`);
    await page.getByTestId('countdown').waitFor();
    for (const [n, letter] of [
      [1, 'C'],
      [2, 'A'],
    ] as const) {
      await page.getByRole('button', { name: new RegExp(`^Câu ${n},`) }).click();
      await page.locator('.choice', { has: page.locator('.choice-letter', { hasText: letter }) }).click();
    }
    await page.locator('[data-state="saved"]').waitFor();
    await page.getByRole('button', { name: /^Câu 2,/ }).click();
    await page.getByRole('button', { name: /Đánh dấu xem lại/ }).click();
    await shoot(page, 'exam-kit', vp.name);
    await context.setOffline(true);
    await page.getByRole('button', { name: /^Câu 3,/ }).click();
    await page.locator('.choice', { has: page.locator('.choice-letter', { hasText: 'B' }) }).click();
    await page.getByTestId('offline-banner').waitFor();
    await shoot(page, 'exam-kit-offline', vp.name);
    await context.setOffline(false);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, 'exam-submit-dialog', vp.name, false);
    await page.getByRole('button', { name: 'Làm tiếp' }).click();
    await page.getByRole('button', { name: 'Xem giao diện máy chiếu' }).click();
    await shoot(page, 'exam-kit-projector', vp.name);
    await page.getByRole('button', { name: 'Giao diện thường' }).click();
    await page.evaluate('sessionStorage.clear()');

    if (official) {
      await logIn(page, url, official.username, official.password);
      await shoot(page, 'home-official', vp.name);
      await page.goto(`${url}/my-tests`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await shoot(page, 'my-tests', vp.name);
      const session = page.locator('.cards > li', { hasText: vp.name === 'phone' ? 'điện thoại' : 'máy tính' });
      if ((await session.count()) > 0) {
        await session.getByRole('link', { name: 'Làm bài' }).click();
        await page.getByTestId('countdown').waitFor();
        for (const [n, letter] of [
          [1, 'B'],
          [2, 'A'],
          [4, 'A'],
        ] as const) {
          await page.getByRole('button', { name: new RegExp(`^Câu ${n},`) }).click();
          await page.locator('.choice', { has: page.locator('.choice-letter', { hasText: letter }) }).click();
        }
        await page.getByRole('button', { name: /Đánh dấu xem lại/ }).click();
        await page.locator('[data-state="saved"]').waitFor();
        await shoot(page, 'exam', vp.name);
        await page.getByRole('button', { name: 'Nộp bài' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Nộp bài' }).click();
        await page.getByTestId('score').waitFor();
        await shoot(page, 'result', vp.name);
      }
    }
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'cchc-shots-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let stdout = '';
  const server = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DB_TYPE: 'sqlite',
      DB_PATH: join(dir, 'demo.sqlite'),
      UPLOAD_DIR: join(dir, 'uploads'),
      SEED_DEMO: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_DIR: resolve('dist/web'),
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  let browser: Browser | null = null;
  try {
    await waitReady(url);
    const password = demoPassword(stdout, 'official1');
    const token = await adminToken(url);
    if (password) await setUpExams(url, token, 'official1');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    console.log(`Screenshots of ${url} into ${OUT}:`);
    await screens(browser, url, password ? { username: 'official1', password } : null);
    const kit: ShotKit = {
      browser,
      url,
      adminToken: token,
      viewports: VIEWPORTS,
      demoPassword: (username) => demoPassword(stdout, username),
      logIn: (page, username, pw) => logIn(page, url, username, pw),
      call: (tok, method, path, body) => call(url, tok, method, path, body),
      shoot,
    };
    for (const area of AREAS) await area(kit);
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
