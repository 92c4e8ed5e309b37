import type { ShotKit } from './kit.js';

/** A GIFT question: `=` right, `~` wrong, `~%50%` partial weights. */
const q = (title: string, stem: string, answers: string[], explanation = ''): string =>
  `::${title}:: ${stem} {\n${answers.map((a) => `  ${a}`).join('\n')}\n${explanation ? `  ####${explanation}\n` : ''}}\n`;

/** A GIFT true/false question ({T} or {F}), with the explanation as general feedback. */
const tf = (title: string, stem: string, right: boolean, explanation = ''): string =>
  `::${title}:: ${stem} {${right ? 'T' : 'F'}${explanation ? `####${explanation}` : ''}}\n`;

/** Sample questions for the bank screens, in three reform areas. */
const SAMPLE_GIFT = [
  '$CATEGORY: $course$/top/Cải cách hành chính (ảnh mẫu)/Thủ tục hành chính',
  '',
  q(
    'Một cửa',
    'Bộ phận Một cửa cấp xã tiếp nhận hồ sơ thủ tục hành chính của ai?',
    ['=Cá nhân, tổ chức', '~Chỉ cán bộ, công chức', '~Chỉ doanh nghiệp', '~Chỉ hội viên các đoàn thể'],
    'Bộ phận Một cửa tiếp nhận hồ sơ của mọi cá nhân, tổ chức (Nghị định 61/2018/NĐ-CP).',
  ),
  q(
    'Liên thông',
    'Những kênh nào người dân có thể nộp hồ sơ thủ tục hành chính?',
    [
      '~%50%Trực tiếp tại Bộ phận Một cửa',
      '~%50%Trực tuyến trên Cổng dịch vụ công',
      '~%-100%Qua tin nhắn cho lãnh đạo',
      '~%0%Không có kênh nào',
    ],
    'Nộp trực tiếp, qua bưu chính công ích hoặc trực tuyến.',
  ),
  tf('Phí', 'Khi tiếp nhận hồ sơ, cán bộ Một cửa được thu thêm khoản phí ngoài quy định.', false),
  q('Thời hạn', 'Hồ sơ giải quyết quá hạn thì cơ quan phải làm gì?', [
    '=Gửi văn bản xin lỗi và hẹn lại ngày trả kết quả',
    '~Không cần làm gì',
    '~Yêu cầu nộp lại hồ sơ',
    '~Thu thêm phí',
  ]),
  '$CATEGORY: $course$/top/Cải cách hành chính (ảnh mẫu)/Chỉ số CCHC',
  '',
  q('Thang điểm', 'Chỉ số CCHC được chấm trên thang điểm nào?', ['=100 điểm', '~10 điểm', '~50 điểm', '~1.000 điểm']),
  q('Thẩm định', 'Ai thẩm định điểm tự đánh giá của các cơ quan?', [
    '=Hội đồng thẩm định do Sở Nội vụ chủ trì',
    '~Chính cơ quan tự đánh giá',
    '~Báo chí',
    '~Người dân',
  ]),
  tf(
    'Khảo sát',
    'Điểm khảo sát sự hài lòng của người dân là một phần của Chỉ số CCHC.',
    true,
    'Điểm điều tra xã hội học chiếm khoảng một phần ba thang điểm.',
  ),
  q('Xếp hạng', 'Các cơ quan được xếp hạng Chỉ số CCHC theo thứ tự nào?', [
    '=Điểm từ cao xuống thấp',
    '~Theo tên cơ quan',
    '~Ngẫu nhiên',
    '~Theo ngày nộp báo cáo',
  ]),
  '$CATEGORY: $course$/top/Cải cách hành chính (ảnh mẫu)/Công chức',
  '',
  q('Tuyển dụng', 'Vòng 1 thi tuyển công chức theo Nghị định 170/2025 gồm bao nhiêu câu trắc nghiệm?', [
    '=60 câu trong 60 phút',
    '~30 câu trong 30 phút',
    '~100 câu trong 90 phút',
    '~40 câu trong 45 phút',
  ]),
  q('Đạt yêu cầu', 'Thí sinh đạt vòng 1 khi trả lời đúng từ bao nhiêu phần trăm số câu?', [
    '=50 %',
    '~30 %',
    '~70 %',
    '~90 %',
  ]),
].join('\n');

/** A file the bank refuses: an essay and a numerical question cannot be graded as choices. */
const BAD_GIFT = [
  '$CATEGORY: $course$/top/Cải cách hành chính (ảnh mẫu)/Nhập thử',
  '',
  q('Hợp lệ', 'Cơ quan nào chủ trì công tác CCHC của tỉnh?', ['=Sở Nội vụ', '~Sở Tài chính', '~Sở Y tế']),
  '::Tự luận:: Trình bày kế hoạch cải cách hành chính năm nay của đơn vị anh (chị). {}',
  '',
  '::Số thủ tục:: Tỉnh đã công bố bao nhiêu thủ tục hành chính cấp xã? {#110:5}',
  '',
  q('Hợp lệ 2', 'Thời hạn giải quyết được tính theo ngày nào?', ['=Ngày làm việc', '~Ngày lịch']),
].join('\n');

const CANDIDATES: [string, string][] = [
  ['MA-001', 'Nguyễn Thị Hoa'],
  ['MA-002', 'Trần Văn Bình'],
  ['MA-003', 'Lê Thị Cúc'],
  ['MA-004', 'Phạm Minh Đức'],
  ['MA-005', 'Huỳnh Thị Em'],
  ['MA-006', 'Võ Thanh Giang'],
];

interface AgencyNode {
  id: number;
  code: string;
  children: AgencyNode[];
}
const findCode = (nodes: AgencyNode[], code: string): AgencyNode | null => {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inner = findCode(n.children, code);
    if (inner) return inner;
  }
  return null;
};

/** Imports the sample file through the API and waits for the job to finish. */
async function importSample(kit: ShotKit): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([SAMPLE_GIFT], { type: 'text/plain' }), 'mau.gift');
  form.append('status', 'ready');
  const res = await fetch(`${kit.url}/api/bank/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${kit.adminToken}` },
    body: form,
  });
  if (res.status !== 202) throw new Error(`Sample import: ${res.status} ${await res.text()}`);
  let job = (await res.json()) as { id: string; state: string };
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 200));
    job = await kit.call(kit.adminToken, 'GET', `/api/bank/imports/${job.id}`);
  }
  if (job.state !== 'done') throw new Error(`Sample import ended ${job.state}`);
}

/** Screenshots of the question bank, the editor with its preview, a refused import, a session and its slips. */
export async function bankShots(kit: ShotKit): Promise<void> {
  const password = kit.demoPassword('organizer');
  if (!password) {
    console.log('  (bank screens skipped: the seed printed no password for "organizer")');
    return;
  }
  await importSample(kit);
  const topics = await kit.call<{ id: number; name: string; children: { id: number; name: string }[] }[]>(
    kit.adminToken,
    'GET',
    '/api/bank/topics',
  );
  const sample = topics.find((t) => t.name.endsWith('(ảnh mẫu)'))!;
  const template = await kit.call<{ id: number }>(kit.adminToken, 'POST', '/api/exam/templates', {
    name: 'Sát hạch kiến thức CCHC cấp xã',
    navigation: 'free',
    passPercent: 50,
    parts: [
      {
        name: 'Kiến thức chung',
        rules: [{ topicIds: [sample.id], count: 8 }],
        shuffleQuestions: true,
        shuffleOptions: true,
      },
    ],
  });
  const tree = await kit.call<AgencyNode[]>(kit.adminToken, 'GET', '/api/agencies/tree');
  const commune = findCode(tree, 'X-MH-02') ?? tree[0];
  const list = await kit.call<{ items: { id: number; stem: string }[] }>(
    kit.adminToken,
    'GET',
    '/api/bank/questions?q=kenh nop ho so',
  );

  for (const vp of kit.viewports) {
    const context = await kit.browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.addInitScript("localStorage.setItem('cchc.lang', 'vi')");
    const page = await context.newPage();
    await kit.logIn(page, 'organizer', password);

    await page.goto(`${kit.url}/bank`);
    await page.locator('table').waitFor();
    await kit.shoot(page, 'bank-list', vp.name);

    if (list.items[0]) {
      await page.goto(`${kit.url}/bank/questions/${list.items[0].id}`);
      await page.locator('.bank-preview .choice').first().waitFor();
      await page.locator('.bank-preview').getByText('Hiện đáp án').click();
      await kit.shoot(page, 'bank-editor', vp.name);
    }

    await page.goto(`${kit.url}/bank`);
    await page.locator('summary', { hasText: 'Nhập câu hỏi từ tệp' }).click();
    await page.getByLabel('Tệp câu hỏi').setInputFiles({
      name: 'cau-hoi-co-loi.gift',
      mimeType: 'text/plain',
      buffer: Buffer.from(BAD_GIFT, 'utf8'),
    });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.getByTestId('import-problems').waitFor();
    await page.getByTestId('import-problems').scrollIntoViewIfNeeded();
    await kit.shoot(page, 'bank-import-errors', vp.name, false);

    const session = await kit.call<{ id: number }>(kit.adminToken, 'POST', '/api/exam/sessions', {
      templateId: template.id,
      name: `Sát hạch UBND xã, đợt ${vp.name === 'phone' ? 1 : 2}`,
      purpose: 'inspection',
      agencyId: commune.id,
      opensAt: new Date(Date.now() + 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      durationSeconds: 45 * 60,
      reviewShows: 'score',
      reviewWhen: 'after_close',
    });
    await kit.call(kit.adminToken, 'POST', `/api/exam/sessions/${session.id}/candidates`, {
      numbered: CANDIDATES.map(([candidateNumber, fullName]) => ({ candidateNumber, fullName })),
    });
    await page.goto(`${kit.url}/sessions/${session.id}`);
    await page.getByRole('heading', { name: `Thí sinh (${CANDIDATES.length})` }).waitFor();
    await page.locator('td', { hasText: 'MA-006' }).first().waitFor();
    await kit.shoot(page, 'bank-session', vp.name);

    await page.getByRole('button', { name: /^Cấp mã dự thi/ }).click();
    await page.getByTestId('slip').first().waitFor();
    await kit.shoot(page, 'bank-slips', vp.name);
    await page.emulateMedia({ media: 'print' });
    await kit.shoot(page, 'bank-slips-print', vp.name);
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${kit.url}/sessions`);
    await page.locator('table').waitFor();
    await kit.shoot(page, 'bank-sessions', vp.name);
    await context.close();
  }
}
