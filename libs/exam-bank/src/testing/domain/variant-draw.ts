import { deriveSeed, sample, seededRandom, shuffled } from './seeded-random.js';

/**
 * One draw rule of a template part: either `count` questions from the pool of ready questions
 * matching topics × difficulty, or a fixed list of questions in the given order.
 */
export interface DrawRule {
  topicIds?: number[];
  difficulty?: 'easy' | 'medium' | 'hard';
  count?: number;
  questionIds?: number[];
}

export interface DrawPart {
  /** One pool per rule, in rule order: the question ids the rule may pick. */
  pools: { questionIds: number[]; count: number; fixed: boolean }[];
  shuffleQuestions: boolean;
}

export interface DrawnQuestion {
  part: number;
  /** Position in the draw before shuffling: the "slot" item statistics group by. */
  slot: number;
  questionId: number;
}

export class DrawShortage extends Error {
  constructor(
    readonly part: number,
    readonly rule: number,
    readonly wanted: number,
    readonly available: number,
  ) {
    super(`Part ${part + 1}, rule ${rule + 1} needs ${wanted} questions but only ${available} are available`);
  }
}

/** Whether the rule is well formed; returns a reason when not. */
export function drawRuleProblem(rule: DrawRule): string | null {
  const fixed = rule.questionIds !== undefined;
  const pool = rule.topicIds !== undefined || rule.count !== undefined || rule.difficulty !== undefined;
  if (fixed && pool) return 'a rule is either a fixed list (questionIds) or a draw (topicIds × difficulty × count)';
  if (fixed) return rule.questionIds!.length > 0 ? null : 'a fixed list needs at least one question';
  if (!rule.count || rule.count < 1) return 'a draw needs a count of at least 1';
  if (!rule.topicIds || rule.topicIds.length === 0) return 'a draw needs at least one topic';
  return null;
}

/**
 * Picks the questions of a variant from a seed. Pools are sorted so that the same seed over the same
 * bank gives the same picks; a question is never picked twice in one variant. Throws DrawShortage.
 */
export function drawQuestions(seed: number, parts: DrawPart[]): DrawnQuestion[] {
  const rnd = seededRandom(seed);
  const taken = new Set<number>();
  const out: DrawnQuestion[] = [];
  let slot = 0;
  parts.forEach((part, p) => {
    const picked: DrawnQuestion[] = [];
    part.pools.forEach((pool, r) => {
      const ids = pool.fixed ? pool.questionIds : [...new Set(pool.questionIds)].sort((a, b) => a - b);
      const free = ids.filter((id) => !taken.has(id));
      if (free.length < pool.count) throw new DrawShortage(p, r, pool.count, free.length);
      const chosen = pool.fixed ? free.slice(0, pool.count) : sample(free, pool.count, rnd);
      for (const id of chosen) {
        taken.add(id);
        picked.push({ part: p, slot: slot++, questionId: id });
      }
    });
    out.push(...(part.shuffleQuestions ? shuffled(picked, rnd) : picked));
  });
  return out;
}

/**
 * The order a variant item shows its options in: shuffled from the seed and the item's slot unless
 * the part does not shuffle options or the question keeps its own order.
 */
export function orderOptions(seed: number, slot: number, keys: readonly string[], shuffle: boolean): string[] {
  if (!shuffle) return [...keys];
  return shuffled(keys, seededRandom(deriveSeed(seed, slot)));
}
