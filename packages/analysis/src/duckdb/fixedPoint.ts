/**
 * Exact weighted sums in SQL, as fixed-point integers.
 *
 * A positive finite double w is m x 2^(e - 52) with an integer mantissa m < 2^53 and its exponent e. When every
 * positive weight of a column has e >= eMin, each is an integer multiple of 2^(eMin - 52), so w x 2^scale with
 * scale = 52 - eMin is an integer (the multiplication by a power of two is exact) and `CAST(... AS BIGINT)` or
 * `AS HUGEINT` keeps it exactly. DuckDB then adds integers, exactly and in any order, per cell (its fast
 * aggregation on the cell's codes alone), and {@link fixedPointWeight} rounds that integer once to the nearest
 * double (`Number(bigint)` rounds to nearest, ties to even; the scaling back is by a power of two): the same bits
 * as `exactWeightedSum` of the same weights, so the same as the memory engine.
 *
 * The range: with eMax the exponent of the largest weight, each term is below 2^bits, bits = scale + eMax + 1.
 * BIGINT holds terms of up to 63 bits (weights within ~10 binades of each other; DuckDB sums BIGINT into a
 * HUGEINT); HUGEINT holds terms of up to 126 bits minus the bits of the row count (so that no sum can overflow):
 * ~46 binades for 10^8 rows. Wider spans (1e-30 next to 1e30), subnormal weights, NaN or infinite weights take the
 * exact (cell, weight) grouping instead ({@link planWeightSum} says which and why).
 */

/** How a weighted count is summed in SQL. */
export type WeightSumPlan =
  | { readonly kind: "fixed"; readonly scale: number; readonly type: "BIGINT" | "HUGEINT" }
  | { readonly kind: "pairs"; readonly reason: string }

const MIN_NORMAL = 2 ** -1022

/**
 * The binary exponent of a positive normal finite double: x in [2^e, 2^(e + 1)).
 *
 * @example
 * exponentOf(1) // 0; exponentOf(0.75) // -1; exponentOf(2 ** 60 + 2 ** 8) // 60
 */
export const exponentOf = (x: number): number => {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  return ((view.getUint32(0) >>> 20) & 0x7ff) - 1023
}

const bitLength = (n: number): number => (n <= 0 ? 0 : Math.floor(Math.log2(n)) + 1)

/**
 * Which sum fits a weight column, from the smallest positive weight, the largest weight and the number of rows
 * (null when the column has no positive, or no non-blank, weight).
 *
 * @example
 * planWeightSum(0.5, 2, 1e8) // { kind: "fixed", scale: 53, type: "BIGINT" }
 * planWeightSum(2 ** -20, 2 ** 20, 1e8) // { kind: "fixed", scale: 72, type: "HUGEINT" }
 * planWeightSum(1e-30, 1e30, 1e8).kind // "pairs"
 */
export const planWeightSum = (minPositive: number | null, max: number | null, rows: number): WeightSumPlan => {
  if (max !== null && !Number.isFinite(max)) return { kind: "pairs", reason: `the largest weight is ${max}` }
  if (minPositive === null || max === null || max <= 0) return { kind: "fixed", scale: 0, type: "BIGINT" }
  if (!Number.isFinite(minPositive)) return { kind: "pairs", reason: `the smallest weight is ${minPositive}` }
  if (minPositive < MIN_NORMAL) return { kind: "pairs", reason: "a weight is subnormal" }
  const scale = Math.max(0, 52 - exponentOf(minPositive))
  const bits = scale + exponentOf(max) + 1
  if (bits <= 63) return { kind: "fixed", scale, type: "BIGINT" }
  if (bits + bitLength(rows) <= 126) return { kind: "fixed", scale, type: "HUGEINT" }
  return {
    kind: "pairs",
    reason: `the weights span 2^${exponentOf(minPositive)} to 2^${exponentOf(max)}, too wide for one HUGEINT sum`
  }
}

/**
 * The SQL literal of 2^scale as an exact DOUBLE (the decimal string of a power of two, parsed correctly rounded,
 * which is exact).
 *
 * @example
 * powerOfTwoLiteral(3) // "CAST('8' AS DOUBLE)"
 */
export const powerOfTwoLiteral = (scale: number): string => `CAST('${(2n ** BigInt(scale)).toString()}' AS DOUBLE)`

/**
 * The integer term of one weight in SQL: `CAST(w * 2^scale AS BIGINT|HUGEINT)`.
 *
 * @example
 * fixedPointTerm('CAST("w" AS DOUBLE)', { kind: "fixed", scale: 3, type: "BIGINT" })
 * // `CAST(CAST("w" AS DOUBLE) * CAST('8' AS DOUBLE) AS BIGINT)`
 */
export const fixedPointTerm = (
  weight: string,
  plan: Extract<WeightSumPlan, { kind: "fixed" }>
): string => `CAST(${weight} * ${powerOfTwoLiteral(plan.scale)} AS ${plan.type})`

/**
 * The double nearest the fixed-point sum x 2^-scale (ties to even): exactly `exactWeightedSum` of the weights.
 *
 * @example
 * fixedPointWeight(11n, 2) // 2.75
 */
export const fixedPointWeight = (sum: bigint | number | null, scale: number): number => {
  if (sum === null) return 0
  // Number(bigint) is the nearest double; the result is at least the smallest weight (a normal number), so
  // scaling it by a power of two is exact. (Two steps keep 2^-scale a normal number for scale up to 1074.)
  const half = Math.floor(scale / 2)
  return Number(sum) * 2 ** -half * 2 ** -(scale - half)
}
