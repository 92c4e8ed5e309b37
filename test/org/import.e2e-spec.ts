import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Agency, User } from '@app/org';
import { Role } from '@app/platform';
import { makeAgency, makeUser, type TestUser } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { upload, type ErrorReply, type PageReply, type UserReply } from './org-helpers.js';

jest.setTimeout(60_000);

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const AGENCY_HEADERS = ['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Mã cơ quan cấp trên', 'Số biên chế'];
const USER_HEADERS = ['Tên đăng nhập', 'Họ và tên', 'Mật khẩu', 'Vai trò', 'Mã cơ quan', 'Email'];

describe(`importing agencies and users (${TEST_DB})`, () => {
  let t: TestApp;
  let admin: TestUser;
  let db: DataSource;
  const count = (entity: typeof Agency | typeof User) => db.getRepository(entity).count();

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '100' });
    db = t.app.get(DataSource);
    admin = await makeUser(t, Role.Admin, null);
    await makeAgency(t, { code: 'UBND-T', level: 'province', name: 'Ủy ban nhân dân tỉnh' });
    await makeUser(t, Role.Official, null, { username: 'da.co' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves .xlsx templates with the Vietnamese headers the importer reads', async () => {
    for (const [kind, headers] of [
      ['agencies', AGENCY_HEADERS],
      ['users', USER_HEADERS],
    ] as const) {
      const res = await fetch(`${t.url}/api/org/import/templates/${kind}`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      expect(res.headers.get('content-disposition')).toContain('.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const first = (book.worksheets[0].getRow(1).values as string[]).filter(Boolean).map((h) => h.replace('*', ''));
      expect(first).toEqual(expect.arrayContaining([...headers]));
      expect(book.worksheets[1].name).toBe('Hướng dẫn');
    }
    const bad = await t.api('GET', '/api/org/import/templates/secrets', undefined, admin.token);
    expect(bad.status).toBe(400);
  });

  it('imports agencies from a filled template, children before parents in any order, Vietnamese intact', async () => {
    const res = await fetch(`${t.url}/api/org/import/templates/agencies`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    sheet.addRow(['X-IMP-1', 'Xã Tân Hòa 🌾', 'commune', 'H-IMP', 19]);
    sheet.addRow(['H-IMP', 'Ủy ban nhân dân huyện Tân Hồng', 'district', 'UBND-T', 88]);
    sheet.addRow(['S-IMP', 'Sở Khoa học và Công nghệ', 'Sở, ban, ngành', 'UBND-T', '']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const before = await count(Agency);
    const done = await upload<{ created: number; rows: number }>(
      t,
      '/api/org/import/agencies',
      { name: 'co-quan.xlsx', content: file },
      admin.token,
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ rows: 3, created: 3 });
    expect(await count(Agency)).toBe(before + 3);
    const commune = await db.getRepository(Agency).findOneByOrFail({ code: 'X-IMP-1' });
    const district = await db.getRepository(Agency).findOneByOrFail({ code: 'H-IMP' });
    expect(commune).toMatchObject({ name: 'Xã Tân Hòa 🌾', parentId: district.id, staffCount: 19 });
  });

  it('imports users from a CSV in one go, and each can log in', async () => {
    const csv = [
      USER_HEADERS.join(','),
      'lan.vo,Võ Thị Lan,hoa-2468-sen,Công chức,X-IMP-1,lan@example.vn',
      'phuc.huynh,Huỳnh Văn Phúc 🙂,cau-1357-ghe,agency_officer,X-IMP-1,',
      'kiem.tra,"Lê, Văn Kiểm",bien-9753-may,Kiểm tra viên,,',
    ].join('\r\n');
    const done = await upload<{ created: number }>(
      t,
      '/api/org/import/users',
      { name: 'nguoi-dung.csv', content: csv, type: 'text/csv' },
      admin.token,
    );
    expect(done.status).toBe(200);
    expect(done.body.created).toBe(3);
    const login = await t.api('POST', '/api/auth/login', { username: 'phuc.huynh', password: 'cau-1357-ghe' });
    expect(login.status).toBe(200);
    const listed = await t.api<PageReply<UserReply>>('GET', '/api/users?q=kiem', undefined, admin.token);
    expect(listed.body.items.map((u) => [u.fullName, u.role, u.agencyId])).toEqual([
      ['Lê, Văn Kiểm', 'inspector', null],
    ]);
    const phuc = await db.getRepository(User).findOneByOrFail({ username: 'phuc.huynh' });
    expect(phuc.fullName).toBe('Huỳnh Văn Phúc 🙂');
  });

  it('imports nothing when one row is bad, and names that row and why', async () => {
    const file = await workbook([
      USER_HEADERS,
      ['tot.mot', 'Người Tốt Một', 'tot-1111-mot', 'official', 'X-IMP-1', ''],
      ['tot.hai', 'Người Tốt Hai', 'tot-2222-hai', 'official', 'X-IMP-1', ''],
      ['xau.ba', 'Người Xấu Ba', 'tot-3333-ba', 'official', 'KHONG-CO', ''],
      ['tot.bon', 'Người Tốt Bốn', 'tot-4444-bon', 'official', 'X-IMP-1', ''],
    ]);
    const before = await count(User);
    const res = await upload<ErrorReply>(
      t,
      '/api/org/import/users',
      { name: 'nguoi-dung.xlsx', content: file },
      admin.token,
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details!.problems!).toEqual([
      { line: 4, field: 'agencyCode', reason: 'unknown agency code "KHONG-CO"' },
    ]);
    expect(await count(User)).toBe(before);
  });

  it('names every bad row at once: duplicates in the file and in the database, bad roles, weak passwords, bad types', async () => {
    const file = await workbook([
      USER_HEADERS,
      ['trung.ten', 'Một', 'tot-1111-mot', 'official', 'X-IMP-1', ''],
      ['TRUNG.TEN', 'Hai', 'tot-2222-hai', 'official', 'X-IMP-1', ''],
      ['da.co', 'Ba', 'tot-3333-ba', 'official', 'X-IMP-1', ''],
      ['vai.sai', 'Bốn', 'tot-4444-bon', 'giám đốc', 'X-IMP-1', ''],
      ['mk.yeu', 'Năm', '123456', 'official', 'X-IMP-1', ''],
      ['thu.sai', 'Sáu', 'tot-6666-sau', 'official', 'X-IMP-1', 12345],
      ['tot.bay', 'Bảy', 'tot-7777-bay', 'official', 'X-IMP-1', ''],
    ]);
    const res = await upload<ErrorReply>(t, '/api/org/import/users', { name: 'u.xlsx', content: file }, admin.token);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('6 line(s)');
    expect(res.body.details!.problems!.map((p) => [p.line, p.field])).toEqual([
      [2, 'username'],
      [3, 'username'],
      [4, 'username'],
      [5, 'role'],
      [6, 'password'],
      [7, 'email'],
    ]);
    expect(await db.getRepository(User).countBy({ username: 'tot.bay' })).toBe(0);
  });

  it('refuses agencies with unknown parents, bad levels, taken codes and non-numeric staff counts, naming each line', async () => {
    const csv = [
      AGENCY_HEADERS.join(','),
      'X-OK,Xã Được,commune,H-IMP,20',
      'X-NOPARENT,Xã Mồ Côi,commune,H-NONE,20',
      'X-LEVEL,Xã Cấp Lạ,hamlet,H-IMP,20',
      'H-IMP,Trùng mã,district,UBND-T,1',
      'X-STAFF,Xã Số Lạ,commune,H-IMP,hai mươi',
    ].join('\n');
    const before = await count(Agency);
    const res = await upload<ErrorReply>(t, '/api/org/import/agencies', { name: 'a.csv', content: csv }, admin.token);
    expect(res.status).toBe(400);
    expect(res.body.details!.problems!.map((p) => [p.line, p.field])).toEqual([
      [3, 'parentCode'],
      [4, 'level'],
      [5, 'code'],
      [6, 'staffCount'],
    ]);
    expect(await count(Agency)).toBe(before);
  });

  it('names a missing required column on line 1', async () => {
    const csv = 'Tên đăng nhập,Họ và tên,Vai trò\nabc,Tên,official\n';
    const res = await upload<ErrorReply>(t, '/api/org/import/users', { name: 'u.csv', content: csv }, admin.token);
    expect(res.status).toBe(400);
    expect(res.body.details!.problems!).toEqual([
      { line: 1, field: 'password', reason: 'the required column "Mật khẩu" is missing' },
    ]);
  });

  it('checks without importing on a dry run', async () => {
    const csv = `${AGENCY_HEADERS.join(',')}\nX-DRY,Xã Thử,commune,H-IMP,10\n`;
    const before = await count(Agency);
    const res = await upload<{ rows: number; created: number; dryRun: boolean }>(
      t,
      '/api/org/import/agencies?dryRun=true',
      { name: 'a.csv', content: csv },
      admin.token,
    );
    expect(res.body).toEqual({ rows: 1, created: 0, dryRun: true });
    expect(await count(Agency)).toBe(before);
  });

  it('refuses a missing file, a file over 5 MB, an unreadable one, and anyone but an admin', async () => {
    const none = await t.api<ErrorReply>('POST', '/api/org/import/users', {}, admin.token);
    expect([none.status, none.body.code]).toEqual([400, 'FILE_MISSING']);
    const big = await upload<ErrorReply>(
      t,
      '/api/org/import/users',
      { name: 'big.csv', content: Buffer.alloc(5 * 1024 * 1024 + 10, 'a') },
      admin.token,
    );
    expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const junk = await upload<ErrorReply>(
      t,
      '/api/org/import/users',
      { name: 'x.xlsx', content: Buffer.from('PK\x03\x04garbage') },
      admin.token,
    );
    expect([junk.status, junk.body.code]).toEqual([400, 'IMPORT_UNREADABLE']);
    const officer = await makeUser(t, Role.AgencyOfficer, (await makeAgency(t)).id);
    const csv = `${AGENCY_HEADERS.join(',')}\nX-SCOPE,Xã,commune,H-IMP,10\n`;
    const refused = await upload(t, '/api/org/import/agencies', { name: 'a.csv', content: csv }, officer.token);
    expect(refused.status).toBe(403);
    expect((await upload(t, '/api/org/import/agencies', { name: 'a.csv', content: csv })).status).toBe(401);
  });
});
