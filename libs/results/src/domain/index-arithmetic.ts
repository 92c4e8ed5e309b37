import { percentHundredths } from './decimal.js';
import type { LeafSource } from './scheme-tree.js';

/** A leaf's scores on one scorecard, in centi-points; null where not given yet. */
export interface LeafScores {
  source: LeafSource;
  selfCenti: number | null;
  appraisedCenti: number | null;
  derivedCenti: number | null;
}

/**
 * The points a leaf counts with: the appraisal when there is one (an override with a note for
 * computed leaves), else the computed points for test-derived and computed survey leaves, else the
 * self-score for self-assessed leaves; bonus/penalty leaves (and survey leaves scored by hand) count
 * only what the appraisal team entered.
 */
export function finalCenti(leaf: LeafScores): number {
  if (leaf.appraisedCenti !== null) return leaf.appraisedCenti;
  if (leaf.source === 'test_derived' || leaf.source === 'survey') return leaf.derivedCenti ?? 0;
  if (leaf.source === 'self_assessed') return leaf.selfCenti ?? 0;
  return 0;
}

export interface IndexLeaf extends LeafScores {
  areaCode: string;
}

export interface AreaResult {
  code: string;
  maxCenti: number;
  achievedCenti: number;
  /** Component index: achieved / area maximum, hundredths of a percent. */
  indexHundredths: number;
}

export interface IndexResult {
  totalCenti: number;
  /** Points from the self-assessed leaves after appraisal: the default first tie-breaker. */
  appraisedCenti: number;
  /** Sum of self-scores, for the self vs appraisal comparison. */
  selfCenti: number;
  /** total / scale, hundredths of a percent (9125 = 91.25 %). */
  indexHundredths: number;
  areas: AreaResult[];
}

/**
 * A scorecard's index: its total, its index (total / scale) and each area's component index
 * (achieved / area maximum), all in whole hundredths. `areas` lists each area's code and maximum in
 * the scheme's order.
 */
export function computeIndex(
  areas: { code: string; maxCenti: number }[],
  leaves: IndexLeaf[],
  scaleCenti: number,
): IndexResult {
  const achieved = new Map<string, number>(areas.map((a) => [a.code, 0]));
  let total = 0;
  let appraised = 0;
  let self = 0;
  for (const leaf of leaves) {
    const points = finalCenti(leaf);
    total += points;
    if (leaf.source === 'self_assessed') {
      appraised += points;
      self += leaf.selfCenti ?? 0;
    }
    achieved.set(leaf.areaCode, (achieved.get(leaf.areaCode) ?? 0) + points);
  }
  return {
    totalCenti: total,
    appraisedCenti: appraised,
    selfCenti: self,
    indexHundredths: percentHundredths(total, scaleCenti),
    areas: areas.map((a) => ({
      code: a.code,
      maxCenti: a.maxCenti,
      achievedCenti: achieved.get(a.code) ?? 0,
      indexHundredths: percentHundredths(achieved.get(a.code) ?? 0, a.maxCenti),
    })),
  };
}
