/**
 * Points and percentages as whole numbers of hundredths, so that sums, indexes and ranks never
 * drift the way binary floats do (0.1 + 0.2). Points are kept in "centi-points" (14.5 → 1450) and
 * percentages in hundredths of a percent (91.25 % → 9125).
 */

/** A number with at most two decimals as hundredths; null when it has more decimals or is not finite. */
export function toCenti(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = value * 100;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}

/** Hundredths back to a number for display and JSON (1450 → 14.5). */
export function fromCenti(centi: number): number {
  return centi / 100;
}

/**
 * numerator / denominator rounded half away from zero, on integers of any size.
 * The one rounding rule of the index: 2.345 → 2.35, −2.345 → −2.35.
 */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divRound(-numerator, -denominator);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/** achieved / maximum as a percentage in hundredths (achieved 91, max 100 → 9100); 0 when max is 0. */
export function percentHundredths(achievedCenti: number, maxCenti: number): number {
  if (maxCenti === 0) return 0;
  return Number(divRound(BigInt(achievedCenti) * 10000n, BigInt(maxCenti)));
}

/** A rational number, exact: num / den with den > 0. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

/** ratio ≥ percent (percent given in hundredths, e.g. 6667 for 66.67 %) — ratio here is a percentage. */
export function ratioAtLeast(ratio: Ratio, percentHundredthsValue: number): boolean {
  return ratio.num * 100n >= BigInt(percentHundredthsValue) * ratio.den;
}

/** A percentage ratio rounded to hundredths of a percent. */
export function ratioToHundredths(ratio: Ratio): number {
  return Number(divRound(ratio.num * 100n, ratio.den));
}
