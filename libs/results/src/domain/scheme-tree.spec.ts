import { leavesOf, validateSchemeTree, type SchemeNodeInput } from './scheme-tree.js';

const leaf = (code: string, max: number, source: SchemeNodeInput['source'] = 'self_assessed'): SchemeNodeInput => ({
  code,
  name: `Tiêu chí ${code}`,
  max,
  source,
});
const branch = (code: string, max: number, children: SchemeNodeInput[]): SchemeNodeInput => ({
  code,
  name: `Lĩnh vực ${code}`,
  max,
  children,
});

const valid: SchemeNodeInput[] = [
  branch('A', 14.5, [leaf('A1', 4.5), branch('A2', 10, [leaf('A2a', 6), leaf('A2b', 4, 'test_derived')])]),
  branch('B', 85.5, [leaf('B1', 85.5, 'survey')]),
];

describe('validateSchemeTree', () => {
  it('accepts a tree whose maxima add up at every level and to the scale', () => {
    expect(validateSchemeTree(valid)).toEqual([]);
  });

  it('accepts another scale when the areas add up to it', () => {
    expect(validateSchemeTree([branch('A', 50, [leaf('A1', 50)])], 50)).toEqual([]);
  });

  const cases: [string, SchemeNodeInput[], number, string[]][] = [
    ['areas not adding up to the scale', [branch('A', 90, [leaf('A1', 90)])], 100, ['SCALE_MISMATCH']],
    [
      'children not adding up to their parent',
      [branch('A', 100, [leaf('A1', 40), leaf('A2', 50)])],
      100,
      ['MAX_MISMATCH'],
    ],
    [
      'a sub-criterion sum off by a hundredth',
      [branch('A', 100, [branch('A1', 100, [leaf('x', 33.33), leaf('y', 66.66)])])],
      100,
      ['MAX_MISMATCH'],
    ],
    ['a duplicate code', [branch('A', 100, [leaf('A1', 50), leaf('A1', 50)])], 100, ['CODE_DUPLICATE']],
    ['a leaf without a source', [branch('A', 100, [{ code: 'A1', name: 'x', max: 100 }])], 100, ['SOURCE_INVALID']],
    [
      'an unknown source',
      [branch('A', 100, [{ code: 'A1', name: 'x', max: 100, source: 'guess' as never }])],
      100,
      ['SOURCE_INVALID'],
    ],
    ['a source on a branch', [{ ...branch('A', 100, [leaf('A1', 100)]), source: 'survey' }], 100, ['SOURCE_ON_BRANCH']],
    [
      'a maximum with three decimals',
      [branch('A', 100, [leaf('A1', 99.995), leaf('A2', 0.005)])],
      100,
      ['MAX_INVALID', 'MAX_INVALID', 'MAX_MISMATCH'],
    ],
    ['a negative maximum', [branch('A', 100, [leaf('A1', 101), leaf('A2', -1)])], 100, ['MAX_INVALID', 'MAX_MISMATCH']],
    ['a code with spaces', [branch('A', 100, [leaf('A 1', 100)])], 100, ['CODE_INVALID']],
    ['a missing name', [branch('A', 100, [{ ...leaf('A1', 100), name: ' ' }])], 100, ['NAME_MISSING']],
    ['four levels', [branch('A', 100, [branch('B', 100, [branch('C', 100, [leaf('D', 100)])])])], 100, ['TOO_DEEP']],
    ['no areas', [], 100, ['EMPTY']],
    ['a zero scale', [branch('A', 0, [leaf('A1', 0)])], 0, ['SCALE_INVALID']],
  ];
  it.each(cases)('refuses %s', (_name, areas, scale, codes) => {
    expect(validateSchemeTree(areas, scale).map((p) => p.code)).toEqual(codes);
  });

  it('names the path of the faulty node', () => {
    const problems = validateSchemeTree([branch('A', 100, [branch('A1', 100, [leaf('x', 10)])])]);
    expect(problems[0]).toMatchObject({ path: 'A/A1', code: 'MAX_MISMATCH' });
  });

  it('reports leaf configuration problems from the given checker', () => {
    const problems = validateSchemeTree(valid, 100, (n) => (n.source === 'test_derived' ? ['mapping missing'] : []));
    expect(problems).toEqual([{ path: 'A/A2/A2b', code: 'CONFIG_INVALID', message: 'A2b: mapping missing' }]);
  });
});

describe('leavesOf', () => {
  it('lists leaves depth first with their area', () => {
    expect(leavesOf(valid).map((l) => `${l.areaCode}:${l.node.code}`)).toEqual(['A:A1', 'A:A2a', 'A:A2b', 'B:B1']);
  });
});
