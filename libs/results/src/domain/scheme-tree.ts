import { toCenti } from './decimal.js';

/** Where a leaf's points come from. */
export const LEAF_SOURCES = ['self_assessed', 'survey', 'test_derived', 'bonus_penalty'] as const;
export type LeafSource = (typeof LEAF_SOURCES)[number];

/** A node of a scheme as written by people (JSON import, API): points as decimals. */
export interface SchemeNodeInput {
  code: string;
  name: string;
  max: number;
  /** Leaves only. */
  source?: LeafSource;
  /** test_derived: TestDerivedConfig; bonus_penalty: { penaltyMax }; otherwise unused. */
  config?: Record<string, unknown> | null;
  children?: SchemeNodeInput[];
}

export interface SchemeProblem {
  /** Code path of the node (area/criterion/…), or '' for the scheme itself. */
  path: string;
  code: string;
  message: string;
}

/** The deepest tree a scheme may have: area → criterion → sub-criterion. */
export const MAX_DEPTH = 3;

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Every problem of a scheme tree, empty when it is valid: unique codes, at most three levels,
 * maxima with at most two decimals, children's maxima adding up to their parent's and the areas to
 * the scale, a source on every leaf and none on inner nodes. `validateLeafConfig` checks a leaf's
 * configuration by source (test_derived mapping and so on) and returns messages.
 */
export function validateSchemeTree(
  areas: SchemeNodeInput[],
  scale = 100,
  validateLeafConfig: (node: SchemeNodeInput) => string[] = () => [],
): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const seen = new Set<string>();
  const scaleCenti = toCenti(scale);
  if (scaleCenti === null || scaleCenti <= 0) {
    problems.push({
      path: '',
      code: 'SCALE_INVALID',
      message: `The scale ${scale} must be positive with at most two decimals`,
    });
  }
  if (areas.length === 0) problems.push({ path: '', code: 'EMPTY', message: 'A scheme needs at least one area' });

  const visit = (node: SchemeNodeInput, parentPath: string, depth: number): number => {
    const path = parentPath ? `${parentPath}/${node.code}` : node.code;
    const problem = (code: string, message: string): void => void problems.push({ path, code, message });
    if (typeof node.code !== 'string' || !CODE_PATTERN.test(node.code)) {
      problem('CODE_INVALID', `Code "${node.code}" must be 1–64 letters, digits, dot, dash or underscore`);
    } else if (seen.has(node.code)) {
      problem('CODE_DUPLICATE', `Code ${node.code} appears more than once`);
    }
    seen.add(node.code);
    if (!node.name || !node.name.trim()) problem('NAME_MISSING', `${node.code} needs a name`);
    const parsed = toCenti(node.max);
    const maxCenti = parsed !== null && parsed >= 0 ? parsed : null;
    if (maxCenti === null) {
      problem('MAX_INVALID', `${node.code}: maximum ${node.max} must be zero or more with at most two decimals`);
    }
    const children = node.children ?? [];
    if (depth > MAX_DEPTH) problem('TOO_DEEP', `${node.code} is deeper than area → criterion → sub-criterion`);
    if (children.length === 0) {
      if (!node.source || !LEAF_SOURCES.includes(node.source)) {
        problem('SOURCE_INVALID', `Leaf ${node.code} needs a source: ${LEAF_SOURCES.join(', ')}`);
      } else {
        for (const message of validateLeafConfig(node)) problem('CONFIG_INVALID', `${node.code}: ${message}`);
      }
      return maxCenti ?? 0;
    }
    if (node.source)
      problem('SOURCE_ON_BRANCH', `${node.code} has children, so its points come from them, not from a source`);
    const sum = children.reduce((s, c) => s + visit(c, path, depth + 1), 0);
    if (maxCenti !== null && sum !== maxCenti) {
      problem('MAX_MISMATCH', `The children of ${node.code} add up to ${sum / 100}, not its maximum ${node.max}`);
    }
    return maxCenti ?? 0;
  };

  const total = areas.reduce((s, a) => s + visit(a, '', 1), 0);
  if (scaleCenti !== null && areas.length > 0 && total !== scaleCenti) {
    problems.push({
      path: '',
      code: 'SCALE_MISMATCH',
      message: `The areas add up to ${total / 100}, not the scale ${scale}`,
    });
  }
  return problems;
}

/** The leaves of a tree, depth first in the order written, with the code of the area each belongs to. */
export function leavesOf(areas: SchemeNodeInput[]): { node: SchemeNodeInput; areaCode: string }[] {
  const out: { node: SchemeNodeInput; areaCode: string }[] = [];
  const walk = (n: SchemeNodeInput, areaCode: string): void => {
    if (!n.children?.length) out.push({ node: n, areaCode });
    else n.children.forEach((c) => walk(c, areaCode));
  };
  areas.forEach((a) => walk(a, a.code));
  return out;
}
