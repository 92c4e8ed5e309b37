import ExcelJS from 'exceljs';
import { Role } from '@app/platform';
import { makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { download, findTopic, fixture, importFile, upload, type TopicNode } from './bank-helpers.js';

interface Option {
  key: string;
  text: string;
  fraction: number;
  feedback?: string;
}
interface QuestionView {
  id: number;
  topicPath: string[];
  status: string;
  difficulty: string;
  targetLevel: string | null;
  tags: string[];
  title: string | null;
  externalId: string | null;
  current: {
    type: string;
    stem: string;
    options: Option[];
    scoringMode: string;
    points: number;
    fixedOrder: boolean;
    explanation: string | null;
  };
}

describe('importing and exporting the question bank', () => {
  let t: TestApp;
  let admin: string;
  let inspector: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await makeUser(t, Role.Admin, null)).token;
    inspector = (await makeUser(t, Role.Inspector, null)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const tree = async () => (await t.api<TopicNode[]>('GET', '/api/bank/topics', undefined, admin)).body;
  const newTopic = async (name: string, parentId?: number) =>
    (await t.api<{ id: number }>('POST', '/api/bank/topics', { name, parentId }, admin)).body.id;

  /** Every question under the topic (and its sub-topics), in full, oldest first. */
  async function questionsUnder(topicId: number): Promise<QuestionView[]> {
    const list = await t.api<{ items: { id: number }[] }>(
      'GET',
      `/api/bank/questions?topicId=${topicId}&includeSubtopics=true&pageSize=500`,
      undefined,
      admin,
    );
    const ids = list.body.items.map((i) => i.id).sort((a, b) => a - b);
    return Promise.all(
      ids.map(async (id) => (await t.api<QuestionView>('GET', `/api/bank/questions/${id}`, undefined, admin)).body),
    );
  }
  const byTitle = (qs: QuestionView[], title: string) => qs.find((q) => q.title === title)!;

  describe('Moodle GIFT', () => {
    let root: number;
    let qs: QuestionView[];

    beforeAll(async () => {
      root = await newTopic('Nhập GIFT');
      const job = await importFile(t, admin, 'ngan-hang-mau.gift', fixture('ngan-hang-mau.gift'), {
        topicId: root,
        status: 'ready',
      });
      expect(job).toMatchObject({ state: 'done', total: 8, processed: 8, imported: 8, skipped: 0, errors: [] });
      qs = await questionsUnder(root);
    });

    it('creates the categories as topics, "//" being a slash inside a name', async () => {
      const node = findTopic(await tree(), ['Nhập GIFT', 'Cải cách hành chính'])!;
      expect(node.children.map((c) => [c.name, c.questionCount])).toEqual([
        ['Thủ tục hành chính', 3],
        ['Chính phủ số / hiện đại hóa', 3],
        ['Công chức', 2],
      ]);
      expect(qs.every((q) => q.status === 'ready')).toBe(true);
    });

    it('reads one right answer with per-option feedback, ids and tags from Moodle comments', () => {
      const q = byTitle(qs, 'TTHC-01');
      expect(q.externalId).toBe('TTHC-01');
      expect(q.tags).toEqual(['một cửa', 'cấp xã']);
      expect(q.current.type).toBe('single');
      expect(q.current.options.map((o) => [o.text, o.fraction, o.feedback])).toEqual([
        ['Bộ phận Một cửa của UBND xã', 1, 'Đúng: đây là nơi tiếp nhận và trả kết quả.'],
        ['Văn phòng HĐND xã', 0, 'Chưa đúng.'],
        ['Nhà văn hóa thôn', 0, 'Chưa đúng.'],
      ]);
    });

    it('reads weights %50%, %-100% and %33.33333% as a multiple-answer question', () => {
      const halves = byTitle(qs, 'TTHC-02');
      expect(halves.current.type).toBe('multiple');
      expect(halves.current.scoringMode).toBe('proportional');
      expect(halves.current.options.map((o) => o.fraction)).toEqual([0.5, 0.5, -1, 0]);
      const thirds = byTitle(qs, 'CPS-01');
      expect(thirds.current.options.map((o) => o.fraction)).toEqual([0.3333333, 0.3333333, 0.3333333, -1]);
      expect(thirds.current.stem).toBe('Chọn các kênh nộp hồ sơ trực tuyến hợp lệ :');
    });

    it('unescapes \\: \\= \\# \\{ \\} \\~ \\\\ and \\n', () => {
      const q = byTitle(qs, 'Ký tự đặc biệt');
      expect(q.current.stem).toBe(
        'Trong biểu mẫu, trường "Mã hồ sơ: {năm}#số" dùng ký tự nào để ngăn cách?\nChọn một.',
      );
      expect(q.current.options.map((o) => o.text)).toEqual([
        'Dấu # (thăng)',
        'Dấu = (bằng)',
        'Dấu ~ (ngã)',
        'Dấu \\ (gạch chéo ngược)',
      ]);
    });

    it('reads true/false with its feedback and general feedback as the explanation', () => {
      const short = byTitle(qs, 'CPS-02');
      expect(short.current.type).toBe('true_false');
      expect(short.current.options.map((o) => [o.text, o.fraction])).toEqual([
        ['Đúng', 1],
        ['Sai', 0],
      ]);
      const full = byTitle(qs, 'CPS-03');
      expect(full.current.options).toEqual([
        { key: 'a', text: 'Đúng', fraction: 0, feedback: 'Chưa đúng: nhiều thủ tục làm được trực tuyến toàn trình.' },
        { key: 'b', text: 'Sai', fraction: 1, feedback: 'Chính xác.' },
      ]);
      expect(full.current.explanation).toBe('Nhiều thủ tục được giải quyết trực tuyến toàn trình, không cần bản giấy.');
      expect(byTitle(qs, 'CC-02').current.options[0]).toMatchObject({ text: 'Đúng', fraction: 1 });
    });

    it('keeps the option order when options name each other by letter', () => {
      expect(byTitle(qs, 'CC-01').current.fixedOrder).toBe(true);
      expect(byTitle(qs, 'TTHC-01').current.fixedOrder).toBe(false);
    });

    it('refuses the whole file when any question is of an unsupported type, naming each by line and title', async () => {
      const res = await upload(t, admin, 'khong-ho-tro.gift', fixture('khong-ho-tro.gift'));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT_INVALID');
      expect(res.body.details!.problems.map((p) => [p.position, p.label, p.reason.split(' ')[0]])).toEqual([
        [6, 'Tự luận', 'Essay'],
        [8, 'Ghép đôi', 'Matching'],
        [13, 'Số học', 'Numerical'],
        [15, 'Trả lời ngắn', 'Short-answer'],
      ]);
      expect(findTopic(await tree(), ['Kiểm tra'])).toBeUndefined();
    });
  });

  describe('Moodle XML', () => {
    it('reads nested categories, multichoice, fractions, shuffling, feedback, idnumber, tags and truefalse', async () => {
      const root = await newTopic('Nhập XML');
      const job = await importFile(t, admin, 'ngan-hang-mau.moodle.xml', fixture('ngan-hang-mau.moodle.xml'), {
        topicId: root,
      });
      expect(job).toMatchObject({ state: 'done', imported: 3 });
      const qs = await questionsUnder(root);
      expect(qs.map((q) => q.topicPath)).toEqual([
        ['Nhập XML', 'Tổ chức bộ máy'],
        ['Nhập XML', 'Tổ chức bộ máy', 'Cấp xã'],
        ['Nhập XML', 'Tổ chức bộ máy', 'Cấp xã'],
      ]);
      const [one, many, tf] = qs;
      expect(one).toMatchObject({ title: 'TCBM-01', externalId: 'tcbm-01', status: 'draft' });
      expect(one.current).toMatchObject({
        type: 'single',
        stem: 'Sở Nội vụ là cơ quan chuyên môn thuộc:',
        points: 2,
        fixedOrder: true,
        explanation: 'Sở là cơ quan chuyên môn thuộc UBND cấp tỉnh.',
      });
      expect(one.current.options.map((o) => [o.text, o.feedback])).toEqual([
        ['Ủy ban nhân dân tỉnh', 'Đúng & đủ.'],
        ['Hội đồng nhân dân tỉnh', undefined],
        ['Bộ Nội vụ (cơ quan <trung ương>)', undefined],
      ]);
      expect(many.current).toMatchObject({ type: 'multiple', fixedOrder: false });
      expect(many.current.options.map((o) => o.fraction)).toEqual([0.5, 0.5, -1]);
      expect(many.tags).toEqual(['cấp xã', 'bộ máy']);
      expect(tf.current.options.map((o) => [o.text, o.fraction, o.feedback])).toEqual([
        ['Đúng', 1, 'Chính xác.'],
        ['Sai', 0, 'Xem lại Luật Tổ chức chính quyền địa phương.'],
      ]);
    });

    it('refuses other question types by name, importing nothing', async () => {
      const res = await upload(t, admin, 'khong-ho-tro.moodle.xml', fixture('khong-ho-tro.moodle.xml'), { topicId: 1 });
      expect(res.status).toBe(400);
      expect(res.body.details!.problems.map((p) => [p.position, p.label])).toEqual([
        [3, 'Bài luận về cải cách'],
        [13, 'Trả lời ngắn về CCHC'],
      ]);
      expect(res.body.details!.problems[0].reason).toContain('"essay" is not supported');
      const list = await t.api<{ total: number }>(
        'GET',
        `/api/bank/questions?q=${encodeURIComponent('Một cửa.')}`,
        undefined,
        admin,
      );
      expect(list.body.total).toBe(0);
    });

    it('refuses XML that is not well-formed, with its line', async () => {
      const res = await upload(
        t,
        admin,
        'hong.xml',
        '<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>\n',
      );
      expect(res.status).toBe(400);
      expect(res.body.details!.problems[0]).toMatchObject({ position: 4 });
    });
  });

  describe('spreadsheets', () => {
    it('reads CSV with Vietnamese headers: topics, types, letters, weights, levels, tags', async () => {
      const root = await newTopic('Nhập CSV');
      const job = await importFile(t, admin, 'ngan-hang-mau.csv', fixture('ngan-hang-mau.csv'), { topicId: root });
      expect(job).toMatchObject({ state: 'done', imported: 4 });
      const qs = await questionsUnder(root);
      const [budget, income, tf, inferred] = qs;
      expect(budget).toMatchObject({
        externalId: 'TC-01',
        difficulty: 'easy',
        targetLevel: 'commune',
        tags: ['ngân sách', 'cấp xã'],
      });
      expect(budget.topicPath).toEqual(['Nhập CSV', 'Tài chính công', 'Ngân sách xã']);
      expect(budget.current.options[0]).toEqual({ key: 'a', text: 'UBND xã', fraction: 1, feedback: 'Chính xác' });
      expect(income.current.type).toBe('multiple');
      expect(income.current.options.map((o) => o.fraction)).toEqual([0.3333333, -1, 0.3333333, 0.3333333]);
      expect(tf.current).toMatchObject({
        type: 'true_false',
        explanation: 'Phải có quy chế chi tiêu nội bộ, công khai.',
      });
      expect(tf.current.options.map((o) => o.fraction)).toEqual([0, 1]);
      expect(inferred.current.type).toBe('single');
      expect(inferred.current.stem).toBe('Báo cáo công khai ngân sách phải "niêm yết" ở đâu?');
    });

    it('refuses a CSV with bad rows, naming every bad row and why, importing none', async () => {
      const res = await upload(t, admin, 'dong-loi.csv', fixture('dong-loi.csv'));
      expect(res.status).toBe(400);
      expect(res.body.details!.problems.map((p) => [p.position, p.unit, p.label])).toEqual([
        [3, 'row', 'L-02'],
        [4, 'row', 'L-03'],
        [5, 'row', 'L-04'],
        [6, 'row', 'L-05'],
        [7, 'row', 'L-06'],
      ]);
      expect(res.body.details!.problems.map((p) => p.reason)).toEqual([
        'The question text is empty',
        'A question needs at least 2 options',
        '"Đáp án đúng" names option C, which is not filled in',
        '"Đáp án đúng" is empty: write the letter of the right option (A, B …)',
        '"Rất khó" is not a value of "Độ khó" (Dễ, Trung bình, Khó)',
      ]);
      const list = await t.api<{ total: number }>(
        'GET',
        `/api/bank/questions?q=${encodeURIComponent('hiệu lực pháp lý cao nhất')}`,
        undefined,
        admin,
      );
      expect(list.body.total).toBe(0);
    });

    it('serves an Excel template that, filled in, imports', async () => {
      const tpl = await download(t, inspector, '/api/bank/template');
      expect(tpl.status).toBe(200);
      expect(tpl.type).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.body as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Câu hỏi')!;
      const header = (sheet.getRow(1).values as string[]).slice(1);
      expect(header.slice(0, 7)).toEqual(['Mã', 'Tiêu đề', 'Chủ đề', 'Loại', 'Câu hỏi', 'Phương án A', 'Phương án B']);
      expect(header).toEqual(
        expect.arrayContaining(['Đáp án đúng', 'Độ khó', 'Cấp', 'Thẻ', 'Giải thích', 'Phương án F']),
      );
      expect(wb.getWorksheet('Hướng dẫn')).toBeDefined();
      const col = (name: string) => header.indexOf(name) + 1;
      const row = sheet.getRow(2);
      row.getCell(col('Chủ đề')).value = 'Nhập Excel > Cán bộ';
      row.getCell(col('Câu hỏi')).value = 'Công chức cấp xã được đánh giá, xếp loại mấy lần mỗi năm?';
      row.getCell(col('Phương án A')).value = 'Một lần';
      row.getCell(col('Phương án B')).value = 'Hai lần';
      row.getCell(col('Đáp án đúng')).value = 'A';
      row.getCell(col('Độ khó')).value = 'Trung bình';
      row.getCell(col('Cấp')).value = 'Xã';
      row.commit();
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      const job = await importFile(t, admin, 'mau.xlsx', filled);
      expect(job).toMatchObject({ state: 'done', imported: 1 });
      const topic = findTopic(await tree(), ['Nhập Excel', 'Cán bộ'])!;
      const [q] = await questionsUnder(topic.id);
      expect(q.targetLevel).toBe('commune');
      expect(q.current.options.map((o) => [o.text, o.fraction])).toEqual([
        ['Một lần', 1],
        ['Hai lần', 0],
      ]);
    });

    it('serves a CSV template with the same columns', async () => {
      const tpl = await download(t, admin, '/api/bank/template?format=csv');
      expect(tpl.status).toBe(200);
      expect(tpl.body.toString('utf8')).toMatch(/^\uFEFFMã,Tiêu đề,Chủ đề,Loại,Câu hỏi,Phương án A/);
    });
  });

  it('skips duplicates (same normalised text in the same topic), within the file and against the bank, and reports them', async () => {
    const root = await newTopic('Trùng lặp');
    const first = await importFile(
      t,
      admin,
      'a.gift',
      '$CATEGORY: Chung\n\n::A1::Ai ký quyết định khen thưởng?{=Chủ tịch UBND ~Kế toán}\n',
    );
    expect(first.imported).toBe(0 + 1);
    const gift = [
      '$CATEGORY: Chung',
      '',
      '::B1::  AI ký quyết định   KHEN thưởng?{=Chủ tịch UBND ~Văn thư}',
      '',
      '::B2::Hồ sơ lưu trữ bao lâu?{=Theo quy định ~Một tháng}',
      '',
      '::B3::Hồ sơ lưu trữ bao lâu?{=Theo quy định ~Một năm}',
      '',
      '$CATEGORY: Khác',
      '',
      '::B4::Hồ sơ lưu trữ bao lâu?{=Theo quy định ~Một tuần}',
      '',
    ].join('\n');
    const job = await importFile(t, admin, 'b.gift', gift);
    expect(job).toMatchObject({ state: 'done', total: 4, processed: 4, imported: 2, skipped: 2 });
    expect(job.duplicates.map((d) => [d.position, d.label, d.questionId ?? null, d.firstPosition ?? null])).toEqual([
      [3, 'B1', expect.any(Number), null],
      [7, 'B3', null, 5],
    ]);
    expect(job.duplicates[0].reason).toContain('already in the bank');
    const chung = findTopic(await tree(), ['Chung'])!;
    expect(chung.questionCount).toBe(2);
    expect(findTopic(await tree(), ['Khác'])!.questionCount).toBe(1);
    void root;
  });

  it('needs a topic for questions the file puts in none', async () => {
    const res = await upload(t, admin, 'x.gift', '::K::Không có chủ đề?{=Có ~Không}\n');
    expect(res.status).toBe(400);
    expect(res.body.details!.problems[0]).toMatchObject({ position: 1, label: 'K' });
    expect(res.body.details!.problems[0].reason).toContain('No topic');
  });

  it('answers unknown jobs, missing files and unknown formats clearly', async () => {
    expect(
      (await t.api('GET', '/api/bank/imports/4b7e2f47-3c1f-4d59-9a0e-0d1f2a3b4c5d', undefined, admin)).status,
    ).toBe(404);
    const noFormat = await upload(t, admin, 'cau-hoi.docx', 'x');
    expect(noFormat.status).toBe(400);
    expect(noFormat.body.code).toBe('IMPORT_FORMAT_UNKNOWN');
    const latin1 = await upload(t, admin, 'x.gift', Buffer.from([0x3a, 0x3a, 0xe0, 0x3a, 0x3a]), { topicId: 1 });
    expect(latin1.status).toBe(400);
    expect(latin1.body.details!.problems[0].reason).toContain('not UTF-8');
    expect((await upload(t, inspector, 'x.gift', '::K::a{=b ~c}')).status).toBe(403);
  });

  describe('round trips: export then import loses nothing', () => {
    let source: number;
    let original: QuestionView[];

    beforeAll(async () => {
      source = await newTopic('Nguồn');
      await importFile(t, admin, 'g.gift', fixture('ngan-hang-mau.gift'), { topicId: source, status: 'ready' });
      await importFile(t, admin, 'x.xml', fixture('ngan-hang-mau.moodle.xml'), { topicId: source });
      await importFile(t, admin, 'c.csv', fixture('ngan-hang-mau.csv'), { topicId: source });
      const all = await questionsUnder(source);
      // Fields no file above sets: difficulty, level, points, scoring, order, English labels.
      await t.api(
        'PATCH',
        `/api/bank/questions/${byTitle(all, 'TTHC-02').id}`,
        { scoringMode: 'all_or_nothing', points: 3, difficulty: 'hard', targetLevel: 'district', fixedOrder: true },
        admin,
      );
      await t.api(
        'PATCH',
        `/api/bank/questions/${byTitle(all, 'TTHC-01').id}`,
        { explanation: 'Dòng một.\nDòng hai: có dấu # và {ngoặc}.', title: 'Tiêu đề: có / gạch' },
        admin,
      );
      const tf = await t.api<QuestionView>(
        'POST',
        '/api/bank/questions',
        {
          topicId: source,
          type: 'true_false',
          stem: 'English labels survive a round trip.',
          options: [
            { text: 'True', fraction: 0, feedback: 'No' },
            { text: 'False', fraction: 1 },
          ],
          tags: ['english'],
        },
        admin,
      );
      expect(tf.status).toBe(201);
      original = await questionsUnder(source);
      expect(original.length).toBe(16);
    });

    // Everything a question holds, except what the bank assigns (ids, times, status, version).
    const comparable = (q: QuestionView, dropRoot: number) => ({
      topicPath: q.topicPath.slice(dropRoot),
      difficulty: q.difficulty,
      targetLevel: q.targetLevel,
      tags: q.tags,
      title: q.title,
      externalId: q.externalId,
      type: q.current.type,
      stem: q.current.stem,
      options: q.current.options,
      scoringMode: q.current.scoringMode,
      points: q.current.points,
      fixedOrder: q.current.fixedOrder,
      explanation: q.current.explanation,
    });

    it.each(['gift', 'xml', 'csv', 'xlsx'])('%s', async (format) => {
      const file = await download(
        t,
        admin,
        `/api/bank/exports?format=${format}&topicId=${source}&includeSubtopics=true`,
      );
      expect(file.status).toBe(200);
      expect(file.body.length).toBeGreaterThan(100);
      const target = await newTopic(`Vòng ${format}`);
      const job = await importFile(t, admin, `export.${format === 'gift' ? 'gift.txt' : format}`, file.body, {
        topicId: target,
      });
      expect(job).toMatchObject({ state: 'done', imported: original.length, skipped: 0 });
      const back = await questionsUnder(target);
      const sortKey = (q: ReturnType<typeof comparable>) => `${q.topicPath.join('/')}|${q.stem}`;
      const a = original.map((q) => comparable(q, 0)).sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
      const b = back.map((q) => comparable(q, 1)).sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
      expect(b).toEqual(a);
    });

    it('exports what the filter matches, in Moodle GIFT with categories and escapes', async () => {
      const file = await download(
        t,
        inspector,
        `/api/bank/exports?format=gift&topicId=${source}&includeSubtopics=true&q=ky%20tu`,
      );
      const text = file.body.toString('utf8');
      expect(file.type).toContain('text/plain');
      expect(text).toContain('$CATEGORY: $course$/top/Nguồn/Cải cách hành chính/Thủ tục hành chính');
      expect(text).toContain('"Mã hồ sơ\\: \\{năm\\}\\#số"');
      expect(text.match(/^::/gm)).toHaveLength(1);
      const cps = await download(
        t,
        admin,
        `/api/bank/exports?format=gift&topicId=${source}&includeSubtopics=true&q=chu%20ky%20so`,
      );
      expect(cps.body.toString('utf8')).toContain('Chính phủ số // hiện đại hóa');
    });
  });
});
