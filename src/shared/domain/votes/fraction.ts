// Exact shares for quorum and thresholds: integer cross-multiplication in bigint, never floats.
// A threshold like "at least 2/3" must give the same answer on every device and for any
// register size; 0.1 + 0.2 style rounding, or products past 2^53 (areas × counts), would not.

/** A share of a whole: `num/den`, reached by `value/of` when strictly above (`strict`) or at least. */
export interface Share {
  num: number
  den: number
  /** true: "more than" (过半数); false: "at least" (以上, which in Chinese law includes the number itself). */
  strict: boolean
}

export const MORE_THAN_HALF: Share = { num: 1, den: 2, strict: true }
export const AT_LEAST_TWO_THIRDS: Share = { num: 2, den: 3, strict: false }
export const AT_LEAST_THREE_QUARTERS: Share = { num: 3, den: 4, strict: false }
export const ALL_OF: Share = { num: 1, den: 1, strict: false }

/**
 * Whether `value` out of `of` reaches the share: value·den > of·num (strict) or ≥.
 * A share of nothing is never reached (of = 0): nobody eligible cannot pass anything, and
 * "0 ≥ 0" must not read as "at least two thirds".
 */
export function reaches(value: number, of: number, share: Share): boolean {
  if (of <= 0) return false
  const left = BigInt(value) * BigInt(share.den)
  const right = BigInt(of) * BigInt(share.num)
  return share.strict ? left > right : left >= right
}

/**
 * The smallest whole `value` that reaches the share of `of` (at least 1, since a share of
 * nothing is never reached): what the screen shows as "needs N".
 */
export function smallestReaching(of: number, share: Share): number {
  const product = BigInt(Math.max(0, of)) * BigInt(share.num)
  const den = BigInt(share.den)
  // strict: floor(of·num/den) + 1; at least: ceil(of·num/den). Bigint division floors for non-negatives.
  const k = share.strict ? product / den + 1n : (product + den - 1n) / den
  return Number(k > 0n ? k : 1n)
}
