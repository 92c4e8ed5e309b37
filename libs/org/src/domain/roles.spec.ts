import { Role } from '@app/platform';
import { parseRole, roleNeedsAgency, USERNAME_PATTERN } from './roles.js';

describe('parseRole', () => {
  it.each([
    ['admin', Role.Admin],
    ['  Agency_Officer ', Role.AgencyOfficer],
    ['agency officer', Role.AgencyOfficer],
    ['Cán bộ đầu mối', Role.AgencyOfficer],
    ['cán bộ  đầu mối', Role.AgencyOfficer],
    ['Ca\u0301n bô\u0323 đâ\u0300u mô\u0301i', Role.AgencyOfficer], // decomposed Unicode, as some keyboards type it
    ['Công chức', Role.Official],
    ['Ban tổ chức', Role.Organizer],
    ['Kiểm tra viên', Role.Inspector],
    ['Quản trị hệ thống', Role.Admin],
    ['superuser', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(parseRole(text)).toBe(expected);
  });
});

describe('roleNeedsAgency', () => {
  it.each([
    [Role.Admin, false],
    [Role.Organizer, false],
    [Role.Inspector, false],
    [Role.AgencyOfficer, true],
    [Role.Official, true],
  ])('%s: %s', (role, expected) => {
    expect(roleNeedsAgency(role)).toBe(expected);
  });
});

describe('USERNAME_PATTERN', () => {
  it.each([
    ['nguyen.van-a_1', true],
    ['ab', false],
    ['có dấu', false],
    ["x' OR 1=1", false],
    ['a'.repeat(65), false],
  ])('%j: %s', (name, ok) => {
    expect(USERNAME_PATTERN.test(name)).toBe(ok);
  });
});
