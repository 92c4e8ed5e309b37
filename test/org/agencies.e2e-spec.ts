import { jest } from '@jest/globals';
import { Role } from '@app/platform';
import { makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import type { AgencyReply, ErrorReply, PageReply, TreeReply } from './org-helpers.js';

// Starting a server (migrations, argon2, the demo province) takes seconds on a busy machine.
jest.setTimeout(60_000);

describe(`agencies and levels (${TEST_DB})`, () => {
  let t: TestApp;
  let admin: TestUser;
  let inspector: TestUser;
  let province: AgencyReply;
  let snv: AgencyReply;
  let district: AgencyReply;
  let commune: AgencyReply;

  const create = (body: Record<string, unknown>) =>
    t.api<AgencyReply & ErrorReply>('POST', '/api/agencies', body, admin.token);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeUser(t, Role.Admin, null);
    inspector = await makeUser(t, Role.Inspector, null);
    province = (await create({ code: 'UBND-T', name: 'Ủy ban nhân dân tỉnh Thử', level: 'province' })).body;
    snv = (await create({ code: 'SNV', name: 'Sở Nội vụ', level: 'department', parentId: province.id, staffCount: 60 }))
      .body;
    district = (await create({ code: 'H-1', name: 'Huyện Một', level: 'district', parentId: province.id })).body;
    commune = (await create({ code: 'X-1', name: 'Xã Đông Hòa', level: 'commune', parentId: district.id })).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('describes every agency, level, user and import endpoint in the OpenAPI document', async () => {
    const res = await t.api<{ paths: Record<string, unknown> }>('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/agencies/tree',
        '/api/agencies/{id}/deactivate',
        '/api/agency-levels',
        '/api/users/{id}/reset-password',
        '/api/auth/password',
        '/api/org/import/users',
        '/api/org/import/templates/{kind}',
      ]),
    );
  });

  it('lists the standard levels, made at start', async () => {
    const res = await t.api<{ code: string; depth: number }[]>('GET', '/api/agency-levels', undefined, inspector.token);
    expect(res.status).toBe(200);
    expect(res.body.map((l) => [l.code, l.depth])).toEqual([
      ['province', 0],
      ['department', 1],
      ['district', 1],
      ['commune', 2],
    ]);
  });

  it('lets an admin add, rename and retire a level; a retired level takes no new agency', async () => {
    const made = await t.api<{ id: number; name: string }>(
      'POST',
      '/api/agency-levels',
      { code: 'ward', name: 'Phường', depth: 2 },
      admin.token,
    );
    expect(made.status).toBe(201);
    const dup = await t.api<ErrorReply>(
      'POST',
      '/api/agency-levels',
      { code: 'WARD', name: 'x', depth: 2 },
      admin.token,
    );
    expect([dup.status, dup.body.code]).toEqual([409, 'LEVEL_CODE_TAKEN']);
    const renamed = await t.api<{ name: string; active: boolean }>(
      'PATCH',
      `/api/agency-levels/${made.body.id}`,
      { name: 'Phường (cũ)', active: false },
      admin.token,
    );
    expect(renamed.body).toMatchObject({ name: 'Phường (cũ)', active: false });
    const refused = await create({ code: 'P-1', name: 'Phường Một', level: 'ward', parentId: district.id });
    expect([refused.status, refused.body.code]).toEqual([400, 'LEVEL_INACTIVE']);
    const byInspector = await t.api('POST', '/api/agency-levels', { code: 'x', name: 'x', depth: 1 }, inspector.token);
    expect(byInspector.status).toBe(403);
  });

  it('serves the tree: province → departments and districts → communes', async () => {
    const res = await t.api<TreeReply[]>('GET', '/api/agencies/tree', undefined, inspector.token);
    expect(res.status).toBe(200);
    const root = res.body.find((r) => r.id === province.id)!;
    expect(root.children.map((c) => c.code).sort()).toEqual(['H-1', 'SNV']);
    expect(root.children.find((c) => c.code === 'H-1')!.children.map((c) => c.name)).toEqual(['Xã Đông Hòa']);
  });

  it('refuses an agency placed at or above its parent’s level, or a top-level one with a parent missing', async () => {
    const sameLevel = await create({ code: 'S-2', name: 'Sở con', level: 'department', parentId: snv.id });
    expect([sameLevel.status, sameLevel.body.code]).toEqual([400, 'AGENCY_PLACEMENT']);
    const orphan = await create({ code: 'X-9', name: 'Xã mồ côi', level: 'commune' });
    expect([orphan.status, orphan.body.code]).toEqual([400, 'AGENCY_PLACEMENT']);
    const unknownParent = await create({ code: 'X-9', name: 'Xã', level: 'commune', parentId: 99999 });
    expect([unknownParent.status, unknownParent.body.code]).toEqual([400, 'UNKNOWN_PARENT']);
    const taken = await create({ code: 'snv', name: 'Trùng mã', level: 'department', parentId: province.id });
    expect([taken.status, taken.body.code]).toEqual([409, 'AGENCY_CODE_TAKEN']);
  });

  it('filters the list by level, parent, active and text, with pages', async () => {
    const q = (query: string) =>
      t.api<PageReply<AgencyReply>>('GET', `/api/agencies?${query}`, undefined, admin.token).then((r) => r.body);
    expect((await q('level=commune')).items.map((a) => a.code)).toEqual(['X-1']);
    expect((await q(`parentId=${province.id}`)).items.map((a) => a.code).sort()).toEqual(['H-1', 'SNV']);
    expect((await q('q=nội vụ')).items.map((a) => a.code)).toEqual(['SNV']);
    expect((await q('q=Đông Hòa')).items.map((a) => a.code)).toEqual(['X-1']);
    expect((await q('q=100%25')).items).toEqual([]);
    const page = await q('pageSize=2&page=2');
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect((await q('level=no-such')).total).toBe(0);
  });

  it('renames, moves and re-counts an agency, and refuses moving it below itself', async () => {
    const other = (await create({ code: 'H-2', name: 'Huyện Hai', level: 'district', parentId: province.id })).body;
    const moved = await t.api<AgencyReply>(
      'PATCH',
      `/api/agencies/${commune.id}`,
      { name: 'Xã Đông Hòa A', parentId: other.id, staffCount: 21 },
      admin.token,
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: 'Xã Đông Hòa A', parentId: other.id, staffCount: 21 });
    const cycle = await t.api<ErrorReply>('PATCH', `/api/agencies/${other.id}`, { parentId: commune.id }, admin.token);
    expect(cycle.status).toBe(400);
    expect(cycle.body.code).toBe('AGENCY_CYCLE');
    const reLevel = await t.api<ErrorReply>('PATCH', `/api/agencies/${other.id}`, { level: 'commune' }, admin.token);
    expect([reLevel.status, reLevel.body.code]).toEqual([400, 'AGENCY_PLACEMENT']);
    const back = await t.api('PATCH', `/api/agencies/${commune.id}`, { parentId: district.id }, admin.token);
    expect(back.status).toBe(200);
  });

  it('refuses to deactivate an agency with active children unless asked, then deactivates the whole branch', async () => {
    const parent = (await create({ code: 'H-3', name: 'Huyện Ba', level: 'district', parentId: province.id })).body;
    const child = (await create({ code: 'X-3', name: 'Xã Ba', level: 'commune', parentId: parent.id })).body;
    const refused = await t.api<ErrorReply>('POST', `/api/agencies/${parent.id}/deactivate`, {}, admin.token);
    expect([refused.status, refused.body.code]).toEqual([409, 'AGENCY_HAS_ACTIVE_CHILDREN']);
    const done = await t.api<{ deactivated: number[] }>(
      'POST',
      `/api/agencies/${parent.id}/deactivate`,
      { includeChildren: true, reason: 'Sáp nhập theo Nghị quyết 2025' },
      admin.token,
    );
    expect(done.status).toBe(200);
    expect(done.body.deactivated.sort()).toEqual([parent.id, child.id].sort());
    const got = await t.api<AgencyReply>('GET', `/api/agencies/${child.id}`, undefined, admin.token);
    expect(got.body.active).toBe(false);
    const tree = await t.api<TreeReply[]>('GET', '/api/agencies/tree', undefined, admin.token);
    const codes = JSON.stringify(tree.body);
    expect(codes).not.toContain('"H-3"');
    const all = await t.api<TreeReply[]>('GET', '/api/agencies/tree?includeInactive=true', undefined, admin.token);
    expect(JSON.stringify(all.body)).toContain('"H-3"');
    const childFirst = await t.api<ErrorReply>('POST', `/api/agencies/${child.id}/activate`, undefined, admin.token);
    expect([childFirst.status, childFirst.body.code]).toEqual([409, 'AGENCY_PARENT_INACTIVE']);
    expect((await t.api('POST', `/api/agencies/${parent.id}/activate`, undefined, admin.token)).status).toBe(200);
    const audit = await t.api<PageReply<{ action: string; reason: string }>>(
      'GET',
      `/api/audit?entityType=agency&entityId=${parent.id}&action=agency.deactivated`,
      undefined,
      admin.token,
    );
    expect(audit.body.items[0].reason).toBe('Sáp nhập theo Nghị quyết 2025');
  });

  describe('scope', () => {
    let officer: TestUser;
    let official: TestUser;
    let organizer: TestUser;
    beforeAll(async () => {
      officer = await makeUser(t, Role.AgencyOfficer, commune.id);
      official = await makeUser(t, Role.Official, snv.id);
      organizer = await makeUser(t, Role.Organizer, null);
    });

    it('shows an agency officer and an official only their own agency', async () => {
      const tree = await t.api<TreeReply[]>('GET', '/api/agencies/tree', undefined, officer.token);
      expect(tree.body.map((a) => [a.id, a.children.length])).toEqual([[commune.id, 0]]);
      const list = await t.api<PageReply<AgencyReply>>('GET', '/api/agencies', undefined, official.token);
      expect(list.body.items.map((a) => a.id)).toEqual([snv.id]);
      expect((await t.api('GET', `/api/agencies/${commune.id}`, undefined, officer.token)).status).toBe(200);
      expect((await t.api('GET', `/api/agencies/${snv.id}`, undefined, officer.token)).status).toBe(403);
      expect((await t.api('GET', `/api/agencies/${commune.id}`, undefined, official.token)).status).toBe(403);
    });

    it('lets organizers and inspectors read every agency, not change them', async () => {
      expect((await t.api('GET', `/api/agencies/${commune.id}`, undefined, organizer.token)).status).toBe(200);
      const tree = await t.api<TreeReply[]>('GET', '/api/agencies/tree', undefined, organizer.token);
      expect(tree.body.some((r) => r.id === province.id)).toBe(true);
      expect((await t.api('PATCH', `/api/agencies/${snv.id}`, { name: 'x' }, inspector.token)).status).toBe(403);
    });

    it('refuses an agency officer changing agencies, even their own (403), and anyone without a token (401)', async () => {
      const own = await t.api<ErrorReply>('PATCH', `/api/agencies/${commune.id}`, { name: 'Đổi tên' }, officer.token);
      expect([own.status, own.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
      expect((await t.api('POST', `/api/agencies/${snv.id}/deactivate`, {}, official.token)).status).toBe(403);
      expect(
        (await t.api('POST', '/api/agencies', { code: 'Z', name: 'Z', level: 'province' }, officer.token)).status,
      ).toBe(403);
      expect((await t.api('GET', '/api/agencies/tree')).status).toBe(401);
      expect((await t.api('GET', `/api/agencies/${snv.id}`)).status).toBe(401);
      const unchanged = await t.api<AgencyReply>('GET', `/api/agencies/${commune.id}`, undefined, admin.token);
      expect(unchanged.body.name).not.toBe('Đổi tên');
    });
  });
});
