import { QuestionBankReader } from '@app/exam-bank';
import { Role } from '@app/platform';
import { makeAgency, makeUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { findTopic, type TopicNode } from './bank-helpers.js';

interface Version {
  id: number;
  version: number;
  stem: string;
  options: { key: string; text: string; fraction: number; feedback?: string }[];
  used: boolean;
}
interface QuestionView {
  id: number;
  topicId: number;
  topicPath: string[];
  status: string;
  tags: string[];
  current: Version;
  versions: Version[];
  duplicates: number[];
}
interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
interface ErrorBody {
  code: string;
  message: string;
  details?: { problems?: string[] };
}

const single = (topicId: number, stem: string, extra: Record<string, unknown> = {}) => ({
  topicId,
  type: 'single',
  stem,
  options: [
    { text: 'Sở Nội vụ', fraction: 1, feedback: 'Đúng vậy' },
    { text: 'Sở Tư pháp', fraction: 0 },
    { text: 'Văn phòng UBND tỉnh', fraction: 0 },
  ],
  ...extra,
});

describe('the question bank API', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;
  let inspector: string;
  let official: string;
  let topics: TopicNode[];
  const topicId = (name: string): number => findTopic(topics, [name])!.id;

  beforeAll(async () => {
    t = await startTestApp();
    const agency = await makeAgency(t);
    admin = (await makeUser(t, Role.Admin, null)).token;
    organizer = (await makeUser(t, Role.Organizer, agency.id)).token;
    inspector = (await makeUser(t, Role.Inspector, agency.id)).token;
    official = (await makeUser(t, Role.Official, agency.id)).token;
    topics = (await t.api<TopicNode[]>('GET', '/api/bank/topics', undefined, admin)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts with the reform areas as top-level topics, each once', () => {
    const names = topics.map((n) => n.name);
    for (const area of [
      'Chỉ đạo điều hành',
      'Thể chế',
      'Thủ tục hành chính',
      'Tổ chức bộ máy',
      'Công chức',
      'Tài chính công',
      'Chính phủ số / hiện đại hóa',
    ]) {
      expect(names.filter((n) => n === area)).toHaveLength(1);
    }
  });

  it('creates, renames and moves topics as a tree, and refuses a cycle or a taken name', async () => {
    const parent = await t.api<{ id: number }>(
      'POST',
      '/api/bank/topics',
      { name: 'Một cửa liên thông', parentId: topicId('Thủ tục hành chính') },
      organizer,
    );
    expect(parent.status).toBe(201);
    const child = await t.api<{ id: number }>(
      'POST',
      '/api/bank/topics',
      { name: 'Cấp xã', parentId: parent.body.id },
      organizer,
    );
    expect(child.status).toBe(201);

    const renamed = await t.api(
      'PATCH',
      `/api/bank/topics/${parent.body.id}`,
      { name: 'Một cửa, một cửa liên thông' },
      organizer,
    );
    expect(renamed.status).toBe(200);
    const moved = await t.api(
      'PATCH',
      `/api/bank/topics/${parent.body.id}`,
      { parentId: topicId('Chính phủ số / hiện đại hóa') },
      organizer,
    );
    expect(moved.status).toBe(200);

    const tree = (await t.api<TopicNode[]>('GET', '/api/bank/topics', undefined, inspector)).body;
    const node = findTopic(tree, ['Chính phủ số / hiện đại hóa', 'Một cửa, một cửa liên thông', 'Cấp xã']);
    expect(node?.path).toEqual(['Chính phủ số / hiện đại hóa', 'Một cửa, một cửa liên thông', 'Cấp xã']);
    expect(findTopic(tree, ['Thủ tục hành chính'])!.children.map((c) => c.name)).not.toContain(
      'Một cửa, một cửa liên thông',
    );

    const cycle = await t.api<ErrorBody>(
      'PATCH',
      `/api/bank/topics/${parent.body.id}`,
      { parentId: child.body.id },
      organizer,
    );
    expect(cycle.status).toBe(400);
    expect(cycle.body.code).toBe('TOPIC_CYCLE');
    const taken = await t.api<ErrorBody>('POST', '/api/bank/topics', { name: 'thể CHẾ' }, organizer);
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('TOPIC_NAME_TAKEN');
  });

  it('lets admins and organizers write, inspectors only read, and officials nothing', async () => {
    const body = single(topicId('Thể chế'), 'Câu hỏi về quyền ghi của từng vai trò?');
    expect((await t.api('POST', '/api/bank/questions', body, inspector)).status).toBe(403);
    expect((await t.api('POST', '/api/bank/topics', { name: 'Thanh tra' }, inspector)).status).toBe(403);
    expect((await t.api('GET', '/api/bank/questions', undefined, official)).status).toBe(403);
    expect((await t.api('GET', '/api/bank/topics', undefined, official)).status).toBe(403);
    expect((await t.api('GET', '/api/bank/exports?format=gift', undefined, official)).status).toBe(403);
    expect((await t.api('GET', '/api/bank/questions')).status).toBe(401);
    const created = await t.api<QuestionView>('POST', '/api/bank/questions', body, organizer);
    expect(created.status).toBe(201);
    const read = await t.api<QuestionView>('GET', `/api/bank/questions/${created.body.id}`, undefined, inspector);
    expect(read.status).toBe(200);
    expect(read.body.current.options[0]).toEqual({ key: 'a', text: 'Sở Nội vụ', fraction: 1, feedback: 'Đúng vậy' });
    expect((await t.api('PATCH', `/api/bank/questions/${created.body.id}`, { stem: 'x' }, inspector)).status).toBe(403);
    expect(
      (await t.api('POST', `/api/bank/questions/${created.body.id}/status`, { status: 'ready' }, inspector)).status,
    ).toBe(403);
  });

  it('refuses a question that breaks the rules of its type, naming every reason', async () => {
    const res = await t.api<ErrorBody>(
      'POST',
      '/api/bank/questions',
      {
        topicId: topicId('Thể chế'),
        type: 'multiple',
        stem: '  ',
        options: [
          { text: 'Một', fraction: 0.5 },
          { text: 'Hai', fraction: 0.2 },
        ],
      },
      admin,
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('QUESTION_INVALID');
    expect(res.body.details!.problems!.join(' | ')).toMatch(
      /question text is empty.*add up to 100 %; they add up to 70/,
    );

    const tf = await t.api<ErrorBody>(
      'POST',
      '/api/bank/questions',
      {
        topicId: topicId('Thể chế'),
        type: 'true_false',
        stem: 'Đúng hay sai?',
        options: [
          { text: 'Có', fraction: 1 },
          { text: 'Không', fraction: 0 },
        ],
      },
      admin,
    );
    expect(tf.status).toBe(400);
    expect(tf.body.message).toContain('"Đúng" and "Sai"');
    expect((await t.api('POST', '/api/bank/questions', single(999999, 'Chủ đề không tồn tại?'), admin)).status).toBe(
      404,
    );
    expect(
      (await t.api('POST', '/api/bank/questions', { ...single(topicId('Thể chế'), 'x'), extra: 1 }, admin)).status,
    ).toBe(400);
  });

  it('corrects a version in place until an attempt uses it, then keeps it and makes a new version', async () => {
    const created = await t.api<QuestionView>(
      'POST',
      '/api/bank/questions',
      single(topicId('Công chức'), 'Ai quản lý công chức cấp xã?'),
      admin,
    );
    const id = created.body.id;
    const v1 = created.body.current;
    expect(v1.version).toBe(1);

    const inPlace = await t.api<QuestionView>(
      'PATCH',
      `/api/bank/questions/${id}`,
      { stem: 'Ai quản lý công chức cấp xã theo phân cấp?' },
      admin,
    );
    expect(inPlace.status).toBe(200);
    expect(inPlace.body.current.id).toBe(v1.id);
    expect(inPlace.body.versions).toHaveLength(1);

    // An attempt shows the version (the testing module marks it used).
    await t.app.get(QuestionBankReader).markUsed([v1.id]);
    const newer = await t.api<QuestionView>(
      'PATCH',
      `/api/bank/questions/${id}`,
      {
        options: [
          { text: 'UBND huyện', fraction: 0 },
          { text: 'UBND xã', fraction: 1 },
        ],
        reason: 'Sửa đáp án',
      },
      admin,
    );
    expect(newer.status).toBe(200);
    expect(newer.body.current.version).toBe(2);
    expect(newer.body.current.id).not.toBe(v1.id);
    expect(newer.body.versions.map((v) => v.version)).toEqual([2, 1]);
    const [old] = await t.app.get(QuestionBankReader).versions([v1.id]);
    expect(old.stem).toBe('Ai quản lý công chức cấp xã theo phân cấp?');
    expect(old.options.map((o) => o.text)).toEqual(['Sở Nội vụ', 'Sở Tư pháp', 'Văn phòng UBND tỉnh']);

    // Changing only the question's own fields (tags, difficulty) makes no version.
    const meta = await t.api<QuestionView>(
      'PATCH',
      `/api/bank/questions/${id}`,
      { tags: ['cấp xã'], difficulty: 'hard' },
      admin,
    );
    expect(meta.body.current.version).toBe(2);
    expect(meta.body.tags).toEqual(['cấp xã']);
  });

  it('audits edits and status changes with before and after, and draws only ready questions', async () => {
    const created = await t.api<QuestionView>(
      'POST',
      '/api/bank/questions',
      single(topicId('Tổ chức bộ máy'), 'Sở nào tham mưu về tổ chức bộ máy?'),
      admin,
    );
    const id = created.body.id;
    const reader = t.app.get(QuestionBankReader);
    const drawable = async () =>
      (await reader.readyQuestions({ topicIds: [topicId('Tổ chức bộ máy')] })).map((q) => q.questionId);
    expect(await drawable()).not.toContain(id);

    const ready = await t.api<QuestionView>(
      'POST',
      `/api/bank/questions/${id}/status`,
      { status: 'ready', reason: 'Đã duyệt' },
      organizer,
    );
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(await drawable()).toContain(id);
    await t.api('POST', `/api/bank/questions/${id}/status`, { status: 'retired' }, organizer);
    expect(await drawable()).not.toContain(id);
    await t.api('PATCH', `/api/bank/questions/${id}`, { explanation: 'Sở Nội vụ tham mưu.' }, organizer);

    const audit = await t.api<
      Page<{ action: string; before: Record<string, unknown>; after: Record<string, unknown>; reason: string | null }>
    >('GET', `/api/audit?entityType=question&entityId=${id}`, undefined, admin);
    const byAction = (a: string) => audit.body.items.filter((e) => e.action === a);
    expect(byAction('question.status_changed').map((e) => [e.before.status, e.after.status])).toEqual([
      ['ready', 'retired'],
      ['draft', 'ready'],
    ]);
    expect(byAction('question.status_changed')[1].reason).toBe('Đã duyệt');
    const [edit] = byAction('question.edited');
    expect(edit.before.explanation).toBeNull();
    expect(edit.after.explanation).toBe('Sở Nội vụ tham mưu.');
    expect(edit.after.versioning).toBe('in_place');
  });

  it('reports a question with the same normalised text in the same topic as a duplicate', async () => {
    const first = await t.api<QuestionView>(
      'POST',
      '/api/bank/questions',
      single(topicId('Tài chính công'), 'Ai phê chuẩn quyết toán ngân sách xã?'),
      admin,
    );
    const second = await t.api<QuestionView>(
      'POST',
      '/api/bank/questions',
      single(topicId('Tài chính công'), '  AI phê chuẩn   quyết toán ngân sách xã? '),
      admin,
    );
    expect(second.status).toBe(201);
    expect(second.body.duplicates).toEqual([first.body.id]);
    const elsewhere = await t.api<QuestionView>(
      'POST',
      '/api/bank/questions',
      single(topicId('Thể chế'), 'Ai phê chuẩn quyết toán ngân sách xã?'),
      admin,
    );
    expect(elsewhere.body.duplicates).toEqual([]);
  });

  describe('search', () => {
    let root: number;
    let sub: number;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      root = (await t.api<{ id: number }>('POST', '/api/bank/topics', { name: 'Tìm kiếm' }, admin)).body.id;
      sub = (await t.api<{ id: number }>('POST', '/api/bank/topics', { name: 'Con', parentId: root }, admin)).body.id;
      const make = async (key: string, topic: number, stem: string, extra: Record<string, unknown> = {}) => {
        const res = await t.api<QuestionView>('POST', '/api/bank/questions', single(topic, stem, extra), admin);
        expect(res.status).toBe(201);
        ids[key] = res.body.id;
      };
      await make('tthc', root, 'Thời hạn giải quyết thủ tục hành chính được tính từ khi nào?', {
        tags: ['Một cửa', 'cấp xã'],
        difficulty: 'easy',
        targetLevel: 'commune',
        status: 'ready',
      });
      await make('dangky', sub, 'Đăng ký hộ tịch trực tuyến có cần chữ ký số không?', {
        tags: ['hộ tịch'],
        difficulty: 'hard',
      });
      await make('other', sub, 'Quy chế dân chủ ở cơ sở áp dụng cho ai?', { targetLevel: 'province', status: 'ready' });
    });

    const search = async (query: string) => {
      const res = await t.api<Page<{ id: number; stem: string; topicPath: string[] }>>(
        'GET',
        `/api/bank/questions?${query}`,
        undefined,
        inspector,
      );
      expect(res.status).toBe(200);
      return res.body;
    };
    const found = async (query: string) =>
      (await search(`topicId=${root}&includeSubtopics=true&${query}`)).items.map((i) => i.id).sort();

    it.each([
      ['q=thu%20tuc', ['tthc']],
      [`q=${encodeURIComponent('thủ tục')}`, ['tthc']],
      [`q=${encodeURIComponent('THỦ TỤC HÀNH')}`, ['tthc']],
      [`q=${encodeURIComponent('hành chính thủ tục')}`, ['tthc']],
      ['q=dang%20ky', ['dangky']],
      [`q=${encodeURIComponent('đăng ký')}`, ['dangky']],
      ['q=100%25', []],
      ['tag=mot%20cua', ['tthc']],
      [`tag=${encodeURIComponent('Hộ tịch')}`, ['dangky']],
      ['tag=cap', []],
      ['difficulty=hard', ['dangky']],
      ['status=ready', ['other', 'tthc']],
      ['targetLevel=commune', ['dangky', 'tthc']],
      ['type=true_false', []],
      ['type=single', ['dangky', 'other', 'tthc']],
    ])('%s finds %j', async (query, keys) => {
      expect(await found(query)).toEqual(keys.map((k) => ids[k]).sort());
    });

    it('includes sub-topics only when asked', async () => {
      expect((await search(`topicId=${root}`)).items.map((i) => i.id)).toEqual([ids.tthc]);
      expect((await search(`topicId=${sub}`)).total).toBe(2);
      expect((await t.api('GET', '/api/bank/questions?topicId=999999', undefined, inspector)).status).toBe(404);
    });

    it('paginates, newest first', async () => {
      const page1 = await search(`topicId=${root}&includeSubtopics=true&pageSize=2&page=1`);
      const page2 = await search(`topicId=${root}&includeSubtopics=true&pageSize=2&page=2`);
      expect(page1.total).toBe(3);
      expect(page1.items.map((i) => i.id)).toEqual([ids.other, ids.dangky]);
      expect(page2.items.map((i) => i.id)).toEqual([ids.tthc]);
      expect(page2.items[0].topicPath).toEqual(['Tìm kiếm']);
    });

    it('refuses unknown filters and bad values with 400', async () => {
      expect((await t.api('GET', '/api/bank/questions?colour=red', undefined, admin)).status).toBe(400);
      expect((await t.api('GET', '/api/bank/questions?difficulty=extreme', undefined, admin)).status).toBe(400);
      expect((await t.api('GET', '/api/bank/questions?pageSize=100000', undefined, admin)).status).toBe(400);
    });
  });
});
