import {
  flattenTopics,
  formatPercent,
  fromLocalInput,
  importPercent,
  optionLetter,
  optionProblems,
  optionsForType,
  parseCandidateList,
  parsePercent,
  parseTags,
  rightShare,
  subtreeCount,
  toLocalInput,
  type OptionRow,
} from './bank-forms.js';

const rows = (...ps: string[]): OptionRow[] => ps.map((percent, i) => ({ text: `PA ${i}`, percent, feedback: '' }));

describe('percent input', () => {
  it.each([
    ['100', 100],
    ['33,33333', 33.33333],
    ['33.5', 33.5],
    [' -100 ', -100],
    ['+50', 50],
    ['.5', 0.5],
    ['', null],
    ['abc', null],
    ['1,2,3', null],
    ['50%', null],
  ])('reads %p as %p', (text, want) => {
    expect(parsePercent(text)).toBe(want);
  });

  it.each([
    [1, 'vi', '100'],
    [1 / 3, 'vi', '33,33333'],
    [1 / 3, 'en', '33.33333'],
    [-0.5, 'vi', '-50'],
    [0, 'en', '0'],
  ] as const)('shows %p in %s as %p', (fraction, lang, want) => {
    expect(formatPercent(fraction, lang)).toBe(want);
  });
});

describe('option checks the editor shows while typing', () => {
  it.each([
    ['single', rows('100', '0', '0'), []],
    ['single', rows('100', '100'), ['singleNeedsOneFull']],
    ['single', rows('50', '0'), ['singleNeedsOneFull']],
    ['single', rows('100', '-25', '50'), []],
    ['multiple', rows('50', '50', '-100'), []],
    ['multiple', rows('33,33333', '33,33333', '33,33333', '0'), []],
    ['multiple', rows('50', '40', '0'), ['multipleSum']],
    ['multiple', rows('50', 'x'), ['badPercent', 'multipleSum']],
    ['multiple', rows('150', '-50'), ['outOfRange', 'multipleSum']],
    ['true_false', rows('0', '100'), []],
    ['true_false', rows('100', '100'), ['trueFalseShape']],
    ['true_false', rows('100', '0', '0'), ['trueFalseShape']],
    ['single', rows('100'), ['tooFewOptions']],
  ] as const)('%s with %j → %j', (type, options, want) => {
    expect(optionProblems(type, options)).toEqual(want);
  });

  it('names an empty option', () => {
    expect(optionProblems('single', [...rows('100'), { text: ' ', percent: '0', feedback: '' }])).toEqual([
      'emptyOption',
    ]);
  });

  it('adds up only the positive weights', () => {
    expect(rightShare(rows('50', '50', '-100', 'x'))).toBe(100);
  });
});

describe('changing the type', () => {
  it('gives true/false its two options, keeping which one is right', () => {
    expect(optionsForType('true_false', rows('0', '100', '0')).map((o) => [o.text, o.percent])).toEqual([
      ['Đúng', '0'],
      ['Sai', '100'],
    ]);
    expect(optionsForType('true_false', []).map((o) => o.percent)).toEqual(['100', '0']);
  });
  it('keeps the options of a choice question and tops them up to two', () => {
    expect(optionsForType('multiple', rows('100', '0', '0'))).toHaveLength(3);
    expect(optionsForType('single', rows('100'))).toHaveLength(2);
  });
});

describe('letters and tags', () => {
  it.each([
    [0, 'A'],
    [5, 'F'],
    [25, 'Z'],
    [26, 'AA'],
  ])('option %i is %s', (i, want) => expect(optionLetter(i)).toBe(want));

  it('splits tags on ; and , and drops repeats regardless of case', () => {
    expect(parseTags(' Một cửa; một  cửa , cấp xã,, ;CCHC ')).toEqual(['Một cửa', 'cấp xã', 'CCHC']);
  });
});

describe('a pasted candidate list', () => {
  it('reads tab, comma and semicolon lines and skips a header and blank lines', () => {
    const r = parseCandidateList(
      'Số báo danh\tHọ và tên\nSB-001\tNguyễn Thị Hoa\n\nSB-002, Trần   Văn Bình\r\nSB-003;Lê Văn, Cường\n',
    );
    expect(r.problems).toEqual([]);
    expect(r.candidates).toEqual([
      { candidateNumber: 'SB-001', fullName: 'Nguyễn Thị Hoa' },
      { candidateNumber: 'SB-002', fullName: 'Trần Văn Bình' },
      { candidateNumber: 'SB-003', fullName: 'Lê Văn, Cường' },
    ]);
  });

  it.each([
    ['SB 001, Hoa', 'badNumber'],
    ['SB-001', 'noName'],
    ['SB-001,   ', 'noName'],
    ['THIS-NUMBER-IS-MUCH-TOO-LONG-FOR-A-SLIP, Hoa', 'badNumber'],
  ])('refuses %p (%s)', (line, reason) => {
    const r = parseCandidateList(`SB-000, An\n${line}`);
    expect(r.problems).toEqual([{ line: 2, reason, text: line.trim() }]);
    expect(r.candidates).toHaveLength(1);
  });

  it('names a number given twice, whatever its case', () => {
    const r = parseCandidateList('sb-1, An\nSB-1, Bình');
    expect(r.problems).toEqual([{ line: 2, reason: 'repeated', text: 'SB-1, Bình' }]);
  });

  it('skips a header only before the first candidate', () => {
    expect(parseCandidateList('SB-1, An\nSBD, Họ tên').problems).toHaveLength(0);
    expect(parseCandidateList('SB-1, An\nSố báo danh, Họ tên').problems[0].reason).toBe('badNumber');
  });
});

describe('local date-times', () => {
  it('round-trips through the datetime-local value in the local zone', () => {
    const d = new Date(2026, 10, 27, 8, 5);
    expect(toLocalInput(d)).toBe('2026-11-27T08:05');
    expect(fromLocalInput('2026-11-27T08:05')).toBe(d.toISOString());
    expect(toLocalInput(d.toISOString())).toBe('2026-11-27T08:05');
  });
  it.each(['', '2026-11-27', 'tomorrow', '2026-11-27T8:05'])('gives null for %p', (v) => {
    expect(fromLocalInput(v)).toBeNull();
  });
});

describe('import progress', () => {
  it.each([
    [{ state: 'running', processed: 0, total: 0 }, 0],
    [{ state: 'running', processed: 200, total: 600 }, 33],
    [{ state: 'running', processed: 600, total: 600 }, 100],
    [{ state: 'done', processed: 10, total: 600 }, 100],
    [{ state: 'failed', processed: 0, total: 600 }, 100],
  ] as const)('%j is %i %', (job, want) => {
    expect(importPercent(job)).toBe(want);
  });
});

describe('topics', () => {
  const tree = [
    {
      id: 1,
      name: 'CCHC',
      parentId: null,
      position: 0,
      path: ['CCHC'],
      questionCount: 2,
      children: [
        { id: 2, name: 'TTHC', parentId: 1, position: 0, path: ['CCHC', 'TTHC'], questionCount: 5, children: [] },
      ],
    },
    { id: 3, name: 'Công chức', parentId: null, position: 1, path: ['Công chức'], questionCount: 0, children: [] },
  ];
  it('flattens in display order with depths', () => {
    expect(flattenTopics(tree).map((t) => [t.id, t.level])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
  });
  it('counts a topic with its sub-topics', () => {
    expect(subtreeCount(tree[0])).toBe(7);
  });
});
