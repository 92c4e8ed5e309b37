import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShotKit } from './kit.js';

interface Tree {
  id: number;
  code: string;
  name: string;
  levelCode: string;
  children: Tree[];
}
interface CardNode {
  code: string;
  source: string | null;
  max: number;
  item?: { id: number };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** Shares of a leaf's maximum an agency claims, picked by agency and leaf so the figures vary. */
const SHARES = [1, 1, 0.9, 0.75, 1, 0.5, 1, 0.8];
const share = (agency: number, leaf: number): number => SHARES[(agency * 3 + leaf * 5) % SHARES.length];
const points = (max: number, f: number): number => Math.round(max * f * 4) / 4;

/** Three topics, two questions each; the first option is right. */
const TOPICS: { name: string; questions: { stem: string; options: string[] }[] }[] = [
  {
    name: 'Cải cách thủ tục hành chính',
    questions: [
      {
        stem: 'Bộ phận một cửa tiếp nhận hồ sơ của ai?',
        options: ['Người dân, doanh nghiệp', 'Chỉ cán bộ', 'Lãnh đạo', 'Không ai'],
      },
      {
        stem: 'Thủ tục hành chính phải được công khai ở đâu?',
        options: ['Nơi tiếp nhận hồ sơ và cổng dịch vụ công', 'Không cần', 'Chỉ trong nội bộ', 'Trên báo giấy'],
      },
    ],
  },
  {
    name: 'Cải cách chế độ công vụ',
    questions: [
      {
        stem: 'Vị trí việc làm dùng để làm gì?',
        options: ['Xác định biên chế và tiêu chuẩn', 'Trang trí hồ sơ', 'Không dùng', 'Xếp lương ngẫu nhiên'],
      },
      {
        stem: 'Tuyển dụng công chức vòng 1 thi theo hình thức nào?',
        options: ['Trắc nghiệm trên máy tính', 'Vấn đáp', 'Viết tay', 'Không thi'],
      },
    ],
  },
  {
    name: 'Chính quyền số',
    questions: [
      {
        stem: 'Dịch vụ công trực tuyến toàn trình là gì?',
        options: ['Làm mọi bước trên mạng', 'Nộp giấy', 'Gọi điện', 'Gửi thư'],
      },
      {
        stem: 'Số hóa kết quả giải quyết thủ tục nhằm?',
        options: ['Tái sử dụng dữ liệu', 'Tăng giấy tờ', 'Không nhằm gì', 'Giảm minh bạch'],
      },
    ],
  },
];

/** How many of the six questions each candidate of a session gets right. */
const SESSIONS: { agency: string; right: number[] }[] = [
  { agency: 'SNV', right: [6, 6, 5, 5, 4, 4, 3, 2] },
  { agency: 'STP', right: [6, 4, 3, 3, 2, 1] },
  { agency: 'SYT', right: [5, 5, 4, 3, 3, 1] },
];

/**
 * Screenshots of the inspector screens on the demo province: a previous year published, this
 * year's department scorecards with inspection tests taken by candidates, recomputed, appraised
 * and published except Sở Nội vụ, whose scorecard is shown under appraisal.
 */
export async function inspectorShots(kit: ShotKit): Promise<void> {
  const password = kit.demoPassword('inspector');
  if (!password) {
    console.log('  (inspector screens skipped: the seed printed no password for "inspector")');
    return;
  }
  const year = new Date().getUTCFullYear();
  const { schemeId, snvCard } = await setUp(kit, year);

  for (const vp of kit.viewports) {
    const context = await kit.browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.addInitScript("localStorage.setItem('cchc.lang', 'vi');");
    const page = await context.newPage();
    await kit.logIn(page, 'inspector', password);

    await page.goto(`${kit.url}/dashboard?year=${year}&level=department`);
    await page.locator('#chart-ranking-title').waitFor();
    await page.getByTestId('kpi-candidates').filter({ hasText: /\d/ }).waitFor();
    await page.locator('#chart-topics-title').locator('xpath=ancestor::figure').locator('canvas').waitFor();
    await page.waitForLoadState('networkidle');
    await kit.shoot(page, 'inspector-dashboard', vp.name);

    await page.goto(`${kit.url}/scorecards/${snvCard}`);
    const test = page.locator('article[data-code="CCCV.4"]');
    await test.waitFor();
    await kit.shoot(page, 'inspector-scorecard', vp.name, false);
    await test.locator('.derivation summary').click();
    await page.evaluate("document.querySelector('article[data-code=\"CCCV.4\"]').scrollIntoView({ block: 'start' })");
    await kit.shoot(page, 'inspector-scorecard-test', vp.name, false);

    await page.goto(`${kit.url}/ranking?year=${year}&level=department`);
    await page.locator('.ranking-table').waitFor();
    await page.locator('.ranking-table tbody tr').nth(1).getByRole('button').click();
    await page.evaluate('window.scrollTo(0, 0)');
    await kit.shoot(page, 'inspector-ranking', vp.name, false);

    // The scheme as the admin sees it: exports, and a copy to next year.
    const adminPassword = kit.demoPassword('admin');
    if (adminPassword) {
      await page.evaluate('sessionStorage.clear()');
      await kit.logIn(page, 'admin', adminPassword);
      await page.goto(`${kit.url}/schemes/${schemeId}`);
      await page.locator('.scheme-tree').waitFor();
      await kit.shoot(page, 'inspector-scheme', vp.name, false);
    }
    await context.close();
  }
}

async function setUp(kit: ShotKit, year: number): Promise<{ schemeId: number; snvCard: number }> {
  const token = kit.adminToken;
  const call = <T>(method: string, path: string, body?: unknown) => kit.call<T>(token, method, path, body);
  const tree = await call<Tree[]>('GET', '/api/agencies/tree');
  const departments: Tree[] = [];
  const walk = (n: Tree): void => {
    if (n.levelCode === 'department') departments.push(n);
    n.children.forEach(walk);
  };
  tree.forEach(walk);
  const doc = JSON.parse(readFileSync(resolve('config/index-schemes/department-2026.json'), 'utf8')) as {
    name: string;
  };

  // Last year, published, for the change in rank.
  const previous = await call<{ id: number }>('POST', '/api/results/schemes', {
    ...doc,
    year: year - 1,
    name: `Bộ chỉ số CCHC các sở, ban, ngành năm ${year - 1}`,
  });
  await scoreYear(kit, previous.id, departments, year - 1, new Set());

  const current = await call<{ id: number }>('POST', '/api/results/schemes', { ...doc, year });
  await call('POST', `/api/results/schemes/${current.id}/activate`);
  const cards = await call<{ id: number; agencyId: number }[]>(
    'POST',
    `/api/results/schemes/${current.id}/scorecards`,
    {},
  );
  await takeTests(kit, departments, year);
  const snv = departments.find((d) => d.code === 'SNV')!;
  const snvCard = cards.find((c) => c.agencyId === snv.id)!.id;
  await scoreYear(kit, current.id, departments, year, new Set([snv.id]), cards);
  return { schemeId: current.id, snvCard };
}

/** Self-scores, submission, appraisal (survey points, a few changes with notes), publication. */
async function scoreYear(
  kit: ShotKit,
  schemeId: number,
  departments: Tree[],
  year: number,
  keepUnderAppraisal: Set<number>,
  opened?: { id: number; agencyId: number }[],
): Promise<void> {
  const call = <T>(method: string, path: string, body?: unknown) => kit.call<T>(kit.adminToken, method, path, body);
  if (!opened) await call('POST', `/api/results/schemes/${schemeId}/activate`);
  const cards =
    opened ??
    (await call<{ id: number; agencyId: number }[]>('POST', `/api/results/schemes/${schemeId}/scorecards`, {}));
  const order = new Map(departments.map((d, i) => [d.id, i]));
  for (const card of cards) {
    const a = (order.get(card.agencyId) ?? 0) + (year % 2) * 3;
    const view = await call<{ nodes: CardNode[] }>('GET', `/api/results/scorecards/${card.id}`);
    const leaves = view.nodes.filter((n) => n.item);
    const self = leaves
      .filter((n) => n.source === 'self_assessed')
      .map((n, i) => ({
        code: n.code,
        score: points(n.max, share(a, i)),
        ...(share(a, i) < 0.8 ? { explanation: 'Chưa đủ hồ sơ lưu trữ; đã bổ sung kế hoạch khắc phục' } : {}),
      }));
    await call('PUT', `/api/results/scorecards/${card.id}/self-scores`, { items: self });
    if (keepUnderAppraisal.has(card.agencyId)) await uploadEvidence(kit, card.id);
    await call('POST', `/api/results/scorecards/${card.id}/submit`);
    await call('POST', `/api/results/scorecards/${card.id}/start-appraisal`);
  }
  await call('POST', `/api/results/schemes/${schemeId}/recompute`);
  for (const card of cards) {
    const a = (order.get(card.agencyId) ?? 0) + (year % 2) * 3;
    const items: { code: string; score: number; note?: string }[] = [
      { code: 'TD.1', score: points(14, 0.6 + ((a * 7) % 10) / 25) },
      { code: 'TD.2', score: points(8, 0.6 + ((a * 3) % 10) / 25) },
    ];
    if (a % 3 === 0) items.push({ code: 'TTHC.3', score: 3, note: 'Còn hồ sơ trễ hạn chưa được tính khi tự chấm' });
    if (a % 4 === 1)
      items.push({ code: 'CPS.2', score: 3.5, note: 'Tỷ lệ hồ sơ trực tuyến toàn trình thấp hơn báo cáo' });
    await call('PUT', `/api/results/scorecards/${card.id}/appraisals`, { items });
    if (keepUnderAppraisal.has(card.agencyId)) continue;
    await call('POST', `/api/results/scorecards/${card.id}/finish-appraisal`);
  }
  await call('POST', `/api/results/schemes/${schemeId}/publish`);
}

async function uploadEvidence(kit: ShotKit, cardId: number): Promise<void> {
  for (const [code, name] of [
    ['CDDH.1', 'Kế hoạch CCHC năm.pdf'],
    ['CCCV.1', 'Đề án vị trí việc làm.pdf'],
  ]) {
    const form = new FormData();
    form.append('file', new Blob([PDF]), name);
    const res = await fetch(`${kit.url}/api/results/scorecards/${cardId}/items/${code}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kit.adminToken}` },
      body: form,
    });
    if (!res.ok) throw new Error(`evidence upload: ${res.status} ${await res.text()}`);
  }
}

/** Inspection sessions at three departments, candidates entering with their numbers and codes. */
async function takeTests(kit: ShotKit, departments: Tree[], year: number): Promise<void> {
  const call = <T>(method: string, path: string, body?: unknown, token = kit.adminToken) =>
    kit.call<T>(token, method, path, body);
  const right = new Set<string>();
  const rules: { topicIds: number[]; count: number }[] = [];
  for (const topic of TOPICS) {
    const t = await call<{ id: number }>('POST', '/api/bank/topics', { name: topic.name });
    for (const q of topic.questions) {
      await call('POST', '/api/bank/questions', {
        topicId: t.id,
        type: 'single',
        stem: q.stem,
        options: q.options.map((text, i) => ({ text, fraction: i === 0 ? 1 : 0 })),
        difficulty: 'medium',
        status: 'ready',
      });
      right.add(q.options[0]);
    }
    rules.push({ topicIds: [t.id], count: topic.questions.length });
  }
  const tpl = await call<{ id: number }>('POST', '/api/exam/templates', {
    name: `Sát hạch kiến thức CCHC năm ${year}`,
    navigation: 'free',
    parts: [{ name: 'Kiến thức CCHC', rules, shuffleQuestions: true, shuffleOptions: true }],
  });
  for (const s of SESSIONS) {
    const agency = departments.find((d) => d.code === s.agency)!;
    const session = await call<{ id: number }>('POST', '/api/exam/sessions', {
      templateId: tpl.id,
      name: `Kiểm tra CCHC tại ${agency.name}`,
      purpose: 'inspection',
      agencyId: agency.id,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      durationSeconds: 1800,
      reviewShows: 'score',
      reviewWhen: 'immediately',
    });
    const numbered = s.right.map((_, i) => ({
      candidateNumber: `${s.agency}-${String(i + 1).padStart(3, '0')}`,
      fullName: CANDIDATE_NAMES[i % CANDIDATE_NAMES.length],
    }));
    await call('POST', `/api/exam/sessions/${session.id}/candidates`, { numbered });
    const codes = await call<{ candidateNumber: string; accessCode: string }[]>(
      'POST',
      `/api/exam/sessions/${session.id}/access-codes`,
      {},
    );
    for (const c of codes) {
      const token = await candidateLogin(kit, c.candidateNumber, c.accessCode);
      const attempt = await call<{
        attemptId: number;
        items: { index: number; options: { key: string; text: string }[] }[];
      }>('POST', `/api/exam/sessions/${session.id}/start`, undefined, token);
      const goal = s.right[numbered.findIndex((n) => n.candidateNumber === c.candidateNumber)];
      for (const [k, item] of attempt.items.entries()) {
        const good = item.options.find((o) => right.has(o.text))!;
        const bad = item.options.find((o) => !right.has(o.text))!;
        await call(
          'PUT',
          `/api/exam/attempts/${attempt.attemptId}/answers/${item.index}`,
          {
            chosen: [k < goal ? good.key : bad.key],
          },
          token,
        );
      }
      await call('POST', `/api/exam/attempts/${attempt.attemptId}/submit`, undefined, token);
    }
  }
}

const CANDIDATE_NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bích',
  'Lê Hoàng Cường',
  'Phạm Thị Dung',
  'Võ Minh Đức',
  'Huỳnh Thị Giang',
  'Đặng Quốc Huy',
  'Bùi Thị Kim',
];

/** Candidate login, waiting out the per-address limit (10 a minute) when the seed's screens used it up. */
async function candidateLogin(kit: ShotKit, candidateNumber: string, accessCode: string): Promise<string> {
  for (let tries = 0; tries < 20; tries++) {
    const res = await fetch(`${kit.url}/api/exam/candidate-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ candidateNumber, accessCode }),
    });
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, 7_000));
      continue;
    }
    if (!res.ok) throw new Error(`candidate-login ${candidateNumber}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }
  throw new Error(`candidate-login ${candidateNumber}: still throttled`);
}
