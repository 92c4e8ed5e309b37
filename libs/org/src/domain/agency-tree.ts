/** Rules of the agency tree, free of Nest and TypeORM. Levels are data: only their depth matters here. */

export interface AgencyNodeInput {
  id: number;
  parentId: number | null;
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/**
 * Nests a flat list into trees. An agency whose parent is not in the list becomes a root, so a
 * filtered list (active only, one agency's branch) still gives a tree. Children keep the list's order.
 */
export function buildTree<T extends AgencyNodeInput>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>(items.map((i) => [i.id, { ...i, children: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId == null ? undefined : nodes.get(item.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of every agency below `rootId` (not including it), breadth first. */
export function descendantIds(items: readonly AgencyNodeInput[], rootId: number): number[] {
  const children = new Map<number, number[]>();
  for (const i of items) {
    if (i.parentId == null) continue;
    children.set(i.parentId, [...(children.get(i.parentId) ?? []), i.id]);
  }
  const out: number[] = [];
  const seen = new Set<number>([rootId]);
  const queue = [rootId];
  while (queue.length) {
    for (const c of children.get(queue.shift()!) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** Whether giving `agencyId` the parent `newParentId` would put it below itself. */
export function wouldCreateCycle(
  items: readonly AgencyNodeInput[],
  agencyId: number,
  newParentId: number | null,
): boolean {
  if (newParentId == null) return false;
  if (newParentId === agencyId) return true;
  return descendantIds(items, agencyId).includes(newParentId);
}

/**
 * Why an agency of a level at `depth` may not sit under a parent whose level is at `parentDepth`
 * (null: no parent), or null when it may. Only the top level (depth 0) stands without a parent, and
 * a parent is always higher up (smaller depth) than its child.
 */
export function placementProblem(depth: number, parentDepth: number | null): string | null {
  if (parentDepth === null) return depth === 0 ? null : 'only an agency of the top level (depth 0) may have no parent';
  if (parentDepth >= depth)
    return `the parent's level (depth ${parentDepth}) must be above this level (depth ${depth})`;
  return null;
}
