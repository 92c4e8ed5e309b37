import { Role } from '@app/platform';

/**
 * The demo province, a fictional "Tỉnh Đồng Sen" shaped like a Mekong-delta province before the
 * 2025 reform: the provincial People's Committee, 19 departments, 10 district-level units and 140
 * communes, wards and townships. Plain data; the seeder writes it.
 */

export interface DemoLevel {
  code: string;
  name: string;
  depth: number;
}

/** The standard levels, made on first start whatever the database (levels are reference data). */
export const STANDARD_LEVELS: readonly DemoLevel[] = [
  { code: 'province', name: 'Tỉnh, thành phố trực thuộc Trung ương', depth: 0 },
  { code: 'department', name: 'Sở, ban, ngành', depth: 1 },
  { code: 'district', name: 'Huyện, thị xã, thành phố thuộc tỉnh', depth: 1 },
  { code: 'commune', name: 'Xã, phường, thị trấn', depth: 2 },
];

export interface DemoAgency {
  code: string;
  name: string;
  level: 'province' | 'department' | 'district' | 'commune';
  parentCode: string | null;
  staffCount: number;
}

export const DEMO_PROVINCE_CODE = 'UBND-DS';
export const DEMO_PROVINCE_NAME = 'Tỉnh Đồng Sen';

const DEPARTMENTS: [code: string, name: string, staff: number][] = [
  ['SNV', 'Sở Nội vụ', 62],
  ['STC', 'Sở Tài chính', 71],
  ['STP', 'Sở Tư pháp', 48],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', 57],
  ['SCT', 'Sở Công Thương', 64],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 118],
  ['SGTVT', 'Sở Giao thông vận tải', 83],
  ['SXD', 'Sở Xây dựng', 52],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 76],
  ['STTTT', 'Sở Thông tin và Truyền thông', 41],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 66],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 73],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 39],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 88],
  ['SYT', 'Sở Y tế', 95],
  ['SNGV', 'Sở Ngoại vụ', 27],
  ['TTT', 'Thanh tra tỉnh', 44],
  ['VPUBND', 'Văn phòng Ủy ban nhân dân tỉnh', 79],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế', 36],
];

/** District-level units with their communes (xã), wards (phường) and townships (thị trấn). */
const DISTRICTS: [code: string, name: string, staff: number, communes: string[]][] = [
  [
    'SH',
    'Thành phố Sen Hồng',
    142,
    [
      'Phường 1',
      'Phường 2',
      'Phường 3',
      'Phường 4',
      'Phường 6',
      'Phường 11',
      'Phường Hòa Thuận',
      'Phường Mỹ Phú',
      'Xã Hòa An',
      'Xã Tịnh Thới',
      'Xã Mỹ Tân',
      'Xã Tân Thuận Đông',
      'Xã Tân Thuận Tây',
      'Xã Mỹ Ngãi',
      'Xã Mỹ Trà',
    ],
  ],
  [
    'BT',
    'Thành phố Bến Tràm',
    118,
    [
      'Phường 1',
      'Phường 2',
      'Phường 3',
      'Phường 4',
      'Phường An Hòa',
      'Phường Tân Quy Đông',
      'Phường Tân Quy Tây',
      'Xã Tân Khánh Đông',
      'Xã Tân Phú Đông',
      'Xã Phú Long',
      'Xã Tân Bình',
    ],
  ],
  [
    'HA',
    'Thị xã Hòa An',
    104,
    [
      'Phường An Thạnh',
      'Phường An Lạc',
      'Phường An Bình A',
      'Phường An Bình B',
      'Xã Bình Thạnh',
      'Xã Tân Hội',
      'Xã An Bình',
      'Xã Thường Phước',
      'Xã Mỹ Hiệp',
      'Xã Long Khánh',
      'Xã Phú Thuận',
    ],
  ],
  [
    'TL',
    'Huyện Tân Lộc',
    96,
    [
      'Thị trấn Tân Lộc',
      'Xã Tân Lộc Đông',
      'Xã Tân Lộc Tây',
      'Xã An Phước',
      'Xã Bình Hàng Trung',
      'Xã Mỹ Long',
      'Xã Phong Mỹ',
      'Xã Phương Thịnh',
      'Xã Gáo Giồng',
      'Xã Ba Sao',
      'Xã Nhị Mỹ',
      'Xã Tân Nghĩa',
      'Xã Mỹ Xương',
      'Xã Bình Thạnh Trung',
    ],
  ],
  [
    'MH',
    'Huyện Mỹ Hòa',
    98,
    [
      'Thị trấn Mỹ Hòa',
      'Xã Mỹ An',
      'Xã Mỹ Đông',
      'Xã Mỹ Quý',
      'Xã Mỹ Hòa Đông',
      'Xã Láng Biển',
      'Xã Thạnh Lợi',
      'Xã Hưng Thạnh',
      'Xã Đốc Binh Kiều',
      'Xã Thanh Mỹ',
      'Xã Phú Điền',
      'Xã Trường Xuân',
      'Xã Tân Kiều',
    ],
  ],
  [
    'LP',
    'Huyện Long Phú',
    101,
    [
      'Thị trấn Long Phú',
      'Xã Long Thắng',
      'Xã Long Hưng A',
      'Xã Long Hưng B',
      'Xã Vĩnh Thới',
      'Xã Tân Hòa',
      'Xã Tân Thành',
      'Xã Tân Phước',
      'Xã Hội An Đông',
      'Xã Định Yên',
      'Xã Định An',
      'Xã Bình Thành',
      'Xã Tân Mỹ',
      'Xã Phong Hòa',
      'Xã Vĩnh Thạnh',
    ],
  ],
  [
    'TB',
    'Huyện Thạnh Bình',
    93,
    [
      'Thị trấn Thạnh Bình',
      'Xã Tân Thạnh',
      'Xã Tân Công Sính',
      'Xã Phú Hiệp',
      'Xã Phú Đức',
      'Xã Phú Thọ',
      'Xã Phú Cường',
      'Xã Hòa Bình',
      'Xã An Long',
      'Xã An Hòa',
      'Xã Phú Ninh',
      'Xã Phú Thành A',
      'Xã Phú Thành B',
      'Xã An Phong',
      'Xã Bình Thạnh Đông',
      'Xã Thạnh Hưng',
    ],
  ],
  [
    'CT',
    'Huyện Cù Tràm',
    99,
    [
      'Thị trấn Cù Tràm',
      'Xã Tân Hộ Cơ',
      'Xã Thông Bình',
      'Xã Tân Thành A',
      'Xã Tân Thành B',
      'Xã Tân Phước',
      'Xã Bình Phú',
      'Xã Tân Hộ',
      'Xã An Phước',
      'Xã Tân Công Chí',
      'Xã Bình Thạnh',
      'Xã Hưng Điền',
      'Xã Hưng Điền B',
      'Xã Thạnh Phú',
    ],
  ],
  [
    'HN',
    'Huyện Hồng Ngự Thượng',
    95,
    [
      'Thị trấn Thường Lạc',
      'Xã Thường Phước 1',
      'Xã Thường Phước 2',
      'Xã Thường Thới Hậu A',
      'Xã Thường Thới Hậu B',
      'Xã Thường Thới Tiền',
      'Xã Long Khánh A',
      'Xã Long Khánh B',
      'Xã Long Thuận',
      'Xã Phú Thuận A',
      'Xã Phú Thuận B',
      'Xã Phú Trung',
      'Xã Phú Lợi',
      'Xã Long Hòa',
      'Xã Hòa Lợi',
    ],
  ],
  [
    'CV',
    'Huyện Châu Vàm',
    100,
    [
      'Thị trấn Cái Vàm',
      'Xã An Hiệp',
      'Xã An Khánh',
      'Xã An Nhơn',
      'Xã An Phú Thuận',
      'Xã Hòa Tân',
      'Xã Phú Hựu',
      'Xã Phú Long',
      'Xã Tân Bình',
      'Xã Tân Nhuận Đông',
      'Xã Tân Phú',
      'Xã Tân Phú Trung',
      'Xã Tân Hựu',
      'Xã Hòa Thành',
      'Xã Phú Hòa',
      'Xã Tân Thạnh',
    ],
  ],
];

/** A commune's staff count: 16–25 civil servants, the same on every seed. */
const communeStaff = (i: number): number => 16 + ((i * 7) % 10);

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export const districtCode = (abbr: string): string => `H-${abbr}`;
export const communeCode = (abbr: string, n: number): string => `X-${abbr}-${String(n).padStart(2, '0')}`;

/** Every demo agency, parents before children. */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    code: DEMO_PROVINCE_CODE,
    name: `Ủy ban nhân dân ${lowerFirst(DEMO_PROVINCE_NAME)}`,
    level: 'province',
    parentCode: null,
    staffCount: 0,
  },
  ...DEPARTMENTS.map(([code, name, staffCount]) => ({
    code,
    name,
    level: 'department' as const,
    parentCode: DEMO_PROVINCE_CODE,
    staffCount,
  })),
  ...DISTRICTS.map(([abbr, name, staffCount]) => ({
    code: districtCode(abbr),
    name: `Ủy ban nhân dân ${lowerFirst(name)}`,
    level: 'district' as const,
    parentCode: DEMO_PROVINCE_CODE,
    staffCount,
  })),
  ...DISTRICTS.flatMap(([abbr, districtName, , communes], d) =>
    communes.map((name, i) => ({
      code: communeCode(abbr, i + 1),
      name: `${name}, ${lowerFirst(districtName)}`,
      level: 'commune' as const,
      parentCode: districtCode(abbr),
      staffCount: communeStaff(d * 20 + i),
    })),
  ),
];

export interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  agencyCode: string;
}

/** The commune whose officer and officials the demo shows: Xã Mỹ An, Huyện Mỹ Hòa. */
export const DEMO_COMMUNE_CODE = communeCode('MH', 2);

/** One account per role, and a few officials to take tests. Passwords are made at seed time. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', fullName: 'Trần Minh Tuấn', role: Role.Admin, agencyCode: 'SNV' },
  { username: 'organizer', fullName: 'Lê Thị Thu Hà', role: Role.Organizer, agencyCode: 'SNV' },
  { username: 'inspector', fullName: 'Phạm Quốc Bảo', role: Role.Inspector, agencyCode: 'SNV' },
  { username: 'officer.snv', fullName: 'Võ Thị Ngọc Lan', role: Role.AgencyOfficer, agencyCode: 'SNV' },
  { username: 'officer.myan', fullName: 'Huỳnh Văn Phúc', role: Role.AgencyOfficer, agencyCode: DEMO_COMMUNE_CODE },
  { username: 'official1', fullName: 'Nguyễn Thị Mỹ Duyên', role: Role.Official, agencyCode: DEMO_COMMUNE_CODE },
  { username: 'official2', fullName: 'Đặng Hoàng Nam', role: Role.Official, agencyCode: DEMO_COMMUNE_CODE },
  { username: 'official3', fullName: 'Bùi Thanh Tâm', role: Role.Official, agencyCode: communeCode('TL', 1) },
  { username: 'official4', fullName: 'Lý Ngọc Hân', role: Role.Official, agencyCode: 'STP' },
];
