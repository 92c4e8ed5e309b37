import { buildTree, descendantIds, placementProblem, wouldCreateCycle } from './agency-tree.js';

//      1
//    /   \
//   2     3
//  / \     \
// 4   5     6
const items = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 2 },
  { id: 5, parentId: 2 },
  { id: 6, parentId: 3 },
];

const shape = (nodes: ReturnType<typeof buildTree>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.id]: shape(n.children) } : n.id));

describe('buildTree', () => {
  it.each([
    ['the whole tree', items, [{ 1: [{ 2: [4, 5] }, { 3: [6] }] }]],
    ['a branch whose parent is missing becomes a root', items.slice(1), [{ 2: [4, 5] }, { 3: [6] }]],
    ['a single agency', [{ id: 9, parentId: 7 }], [9]],
    ['nothing', [], []],
  ])('%s', (_, input, expected) => {
    expect(shape(buildTree(input))).toEqual(expected);
  });

  it('keeps the fields of each agency', () => {
    const [root] = buildTree([{ id: 1, parentId: null, name: 'Tỉnh' }]);
    expect(root).toEqual({ id: 1, parentId: null, name: 'Tỉnh', children: [] });
  });
});

describe('descendantIds', () => {
  it.each([
    [1, [2, 3, 4, 5, 6]],
    [2, [4, 5]],
    [3, [6]],
    [6, []],
    [99, []],
  ])('below %s: %j', (root, expected) => {
    expect(descendantIds(items, root).sort()).toEqual(expected);
  });
});

describe('wouldCreateCycle', () => {
  it.each([
    ['its own parent', 2, 2, true],
    ['under its child', 2, 4, true],
    ['under its grandchild', 1, 6, true],
    ['under a sibling', 2, 3, false],
    ['under a cousin', 4, 6, false],
    ['no parent', 4, null, false],
  ])('%s', (_, id, parent, expected) => {
    expect(wouldCreateCycle(items, id, parent)).toBe(expected);
  });
});

describe('placementProblem', () => {
  it.each([
    [0, null, false],
    [1, null, true],
    [1, 0, false],
    [2, 1, false],
    [2, 0, false],
    [1, 1, true],
    [1, 2, true],
    [0, 0, true],
  ])('depth %s under parent depth %s refused: %s', (depth, parentDepth, refused) => {
    expect(placementProblem(depth, parentDepth) !== null).toBe(refused);
  });
});
