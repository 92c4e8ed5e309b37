import { Role } from '@app/platform';
import {
  AGENCY_COLUMNS,
  checkAgencyRows,
  checkUserRows,
  toRecords,
  USER_COLUMNS,
  type AgencyRef,
  type LevelRef,
  type RawSheet,
} from './import-rows.js';

const sheet = (headers: string[], ...rows: string[][]): RawSheet => ({
  headers,
  rows: rows.map((values, i) => ({ line: i + 2, values })),
});

describe('toRecords', () => {
  it('maps Vietnamese, English and accent-free headers to the same columns', () => {
    for (const headers of [
      ['Mã cơ quan', 'Tên cơ quan', 'Cấp*'],
      ['code', 'name', 'level'],
      ['MA CO QUAN', 'ten co quan', 'cap'],
    ]) {
      const r = toRecords(sheet(headers, ['SNV', 'Sở Nội vụ', 'department']), AGENCY_COLUMNS);
      expect(r.problems).toEqual([]);
      expect(r.records).toEqual([{ line: 2, cells: { code: 'SNV', name: 'Sở Nội vụ', level: 'department' } }]);
    }
  });

  it.each([
    ['a missing required column', ['Mã cơ quan', 'Tên cơ quan'], 'the required column "Cấp" is missing'],
    ['an unknown column', ['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Địa chỉ'], 'unknown column "Địa chỉ"'],
    ['a repeated column', ['Mã cơ quan', 'code', 'Tên cơ quan', 'Cấp'], 'appears twice'],
  ])('names %s on line 1', (_, headers, reason) => {
    const r = toRecords(sheet(headers, ['x', 'y', 'z', 'w']), AGENCY_COLUMNS);
    expect(r.problems).toEqual([expect.objectContaining({ line: 1, reason: expect.stringContaining(reason) })]);
  });

  it('skips empty rows, keeps line numbers and composes decomposed Vietnamese', () => {
    const r = toRecords(
      sheet(['code', 'name', 'level'], ['', ' ', ''], ['X1', 'Xa\u0303 Mỹ An', 'commune']),
      AGENCY_COLUMNS,
    );
    expect(r.records).toEqual([{ line: 3, cells: { code: 'X1', name: 'Xã Mỹ An', level: 'commune' } }]);
  });

  it('refuses a file with a header and no rows', () => {
    expect(toRecords(sheet(['code', 'name', 'level']), AGENCY_COLUMNS).problems[0].reason).toContain('no rows');
  });
});

const levels: LevelRef[] = [
  { id: 1, code: 'province', name: 'Tỉnh', depth: 0, active: true },
  { id: 2, code: 'department', name: 'Sở, ban, ngành', depth: 1, active: true },
  { id: 3, code: 'district', name: 'Huyện, thị xã, thành phố', depth: 1, active: false },
  { id: 4, code: 'commune', name: 'Xã, phường, thị trấn', depth: 2, active: true },
];
const existing = new Map<string, AgencyRef>([
  ['UBND', { id: 10, code: 'UBND', depth: 0, active: true }],
  ['H-OLD', { id: 11, code: 'H-OLD', depth: 1, active: false }],
  ['SNV', { id: 12, code: 'SNV', depth: 1, active: true }],
]);

const agencies = (...rows: string[][]) =>
  checkAgencyRows(
    toRecords(sheet(['code', 'name', 'level', 'parent_code', 'staff_count'], ...rows), AGENCY_COLUMNS).records,
    { levels, existing },
  );

describe('checkAgencyRows', () => {
  it('accepts good rows and orders parents before children whatever the file order', () => {
    const r = agencies(
      ['X-1', 'Xã Một', 'commune', 'P-NEW', '12'],
      ['P-NEW', 'Phòng mới', 'Sở, ban, ngành', 'UBND', ''],
    );
    expect(r.problems).toEqual([]);
    expect(r.drafts.map((d) => [d.code, d.parent, d.staffCount])).toEqual([
      ['P-NEW', { id: 10 }, null],
      ['X-1', { code: 'P-NEW' }, 12],
    ]);
  });

  it.each([
    ['an empty code', ['', 'Tên', 'department', 'UBND', ''], 'code', 'empty'],
    ['a code with spaces', ['S N V', 'Tên', 'department', 'UBND', ''], 'code', 'may only use'],
    ['a code already in the database (any case)', ['snv', 'Tên', 'department', 'UBND', ''], 'code', 'already exists'],
    ['an empty name', ['A1', '', 'department', 'UBND', ''], 'name', 'empty'],
    ['an unknown level', ['A1', 'Tên', 'ward', 'UBND', ''], 'level', 'unknown level'],
    ['a level no longer in use', ['A1', 'Tên', 'district', 'UBND', ''], 'level', 'no longer in use'],
    ['an unknown parent', ['A1', 'Tên', 'department', 'NOPE', ''], 'parentCode', 'unknown parent'],
    ['a deactivated parent', ['A1', 'Tên', 'commune', 'H-OLD', ''], 'parentCode', 'deactivated'],
    ['a parent at the same level', ['A1', 'Tên', 'department', 'SNV', ''], 'parentCode', 'must be above'],
    ['no parent below the top', ['A1', 'Tên', 'department', '', ''], 'parentCode', 'top level'],
    ['its own parent', ['A1', 'Tên', 'commune', 'A1', ''], 'parentCode', 'its own parent'],
    ['a staff count with a comma', ['A1', 'Tên', 'department', 'UBND', '4,5'], 'staffCount', 'whole number'],
    ['a negative staff count', ['A1', 'Tên', 'department', 'UBND', '-3'], 'staffCount', 'whole number'],
    ['a SQL-looking code', ["A1'; DROP TABLE agencies;--", 'Tên', 'department', 'UBND', ''], 'code', 'may only use'],
  ])('names %s', (_, row, field, reason) => {
    const r = agencies(row);
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([{ line: 2, field, reason: expect.stringContaining(reason) }]);
  });

  it('names both lines of a code repeated in the file', () => {
    const r = agencies(
      ['A1', 'Một', 'department', 'UBND', ''],
      ['B1', 'Hai', 'department', 'UBND', ''],
      ['a1', 'Ba', 'department', 'UBND', ''],
    );
    expect(r.problems).toEqual([
      { line: 2, field: 'code', reason: expect.stringContaining('also on line 4') },
      { line: 4, field: 'code', reason: expect.stringContaining('also on line 2') },
    ]);
  });

  it('accepts an Excel number written as 45.0 for the staff count', () => {
    expect(agencies(['A1', 'Một', 'department', 'UBND', '45.0']).drafts[0].staffCount).toBe(45);
  });
});

const agencyMap = new Map<string, AgencyRef>([
  ['SNV', { id: 12, code: 'SNV', depth: 1, active: true }],
  ['H-OLD', { id: 11, code: 'H-OLD', depth: 1, active: false }],
]);
const users = (...rows: string[][]) =>
  checkUserRows(
    toRecords(sheet(['username', 'full_name', 'password', 'role', 'agency_code', 'email'], ...rows), USER_COLUMNS)
      .records,
    { agencies: agencyMap, takenUsernames: new Set(['admin']) },
  );

describe('checkUserRows', () => {
  it('accepts good rows, with Vietnamese role names', () => {
    const r = users(
      ['mai.tran', 'Trần Thị Mai', 'song-4827-lua', 'Công chức', 'snv', 'mai@example.vn'],
      ['kt1', 'Lê Văn Kiểm', 'nui-1111-gio', 'inspector', '', ''],
    );
    expect(r.problems).toEqual([]);
    expect(r.drafts).toEqual([
      expect.objectContaining({ username: 'mai.tran', role: Role.Official, agencyId: 12, email: 'mai@example.vn' }),
      expect.objectContaining({ username: 'kt1', role: Role.Inspector, agencyId: null, email: null }),
    ]);
  });

  it.each([
    ['an empty username', ['', 'Tên', 'song-4827-lua', 'official', 'SNV', ''], 'username', 'empty'],
    ['a username with accents', ['mai.trần', 'Tên', 'song-4827-lua', 'official', 'SNV', ''], 'username', 'may only'],
    ['a username taken (any case)', ['ADMIN', 'Tên', 'song-4827-lua', 'official', 'SNV', ''], 'username', 'taken'],
    ['an empty name', ['u1x', '', 'song-4827-lua', 'official', 'SNV', ''], 'fullName', 'empty'],
    ['a weak password', ['u1x', 'Tên', '12345', 'official', 'SNV', ''], 'password', 'at least 8'],
    ['an empty password', ['u1x', 'Tên', '', 'official', 'SNV', ''], 'password', 'empty'],
    ['a bad role', ['u1x', 'Tên', 'song-4827-lua', 'boss', 'SNV', ''], 'role', 'unknown role "boss"'],
    ['an unknown agency', ['u1x', 'Tên', 'song-4827-lua', 'official', 'XYZ', ''], 'agencyCode', 'unknown agency'],
    ['a deactivated agency', ['u1x', 'Tên', 'song-4827-lua', 'official', 'H-OLD', ''], 'agencyCode', 'deactivated'],
    ['an official without agency', ['u1x', 'Tên', 'song-4827-lua', 'official', '', ''], 'agencyCode', 'needs'],
    ['a bad email', ['u1x', 'Tên', 'song-4827-lua', 'official', 'SNV', 'not-mail'], 'email', 'not an email'],
  ])('names %s', (_, row, field, reason) => {
    const r = users(row);
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([{ line: 2, field, reason: expect.stringContaining(reason) }]);
  });

  it('names every line of a username repeated in the file, case ignored', () => {
    const r = users(
      ['mai', 'Một', 'song-4827-lua', 'official', 'SNV', ''],
      ['Mai', 'Hai', 'song-4827-lua', 'official', 'SNV', ''],
    );
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, expect.stringContaining('also on line 3')],
      [3, expect.stringContaining('also on line 2')],
    ]);
  });

  it('names several problems of one row separately', () => {
    const r = users(['', '', '', '', '', 'a@b.vn']);
    expect(r.problems.map((p) => p.field)).toEqual(['username', 'fullName', 'password', 'role']);
  });
});
