import { percentileHaverage } from "./percentile.js"
import { weightedValues } from "./weightedValues.js"

/** SPSS DESCRIPTIVES / FREQUENCIES statistics of one numeric variable. */
export interface NumericDescription {
  /** Valid cases: Σ w over non-missing values (the count when unweighted). */
  readonly n: number
  /** Σ w over missing values (NaN). */
  readonly missing: number
  readonly mean: number
  /** Standard deviation with denominator W − 1. */
  readonly sd: number
  /** Standard error of the mean, sd / √W. */
  readonly se: number
  readonly median: number
  /** 25th and 75th percentiles by HAVERAGE. */
  readonly q1: number
  readonly q3: number
  readonly min: number
  readonly max: number
  /** SPSS's skewness G1 = W·Σw(x − m)³ / ((W − 1)(W − 2)·sd³); NaN for W ≤ 2 or sd = 0. */
  readonly skewness: number
  readonly skewnessSe: number
  /** SPSS's excess kurtosis G2; NaN for W ≤ 3 or sd = 0. */
  readonly kurtosis: number
  readonly kurtosisSe: number
  /** Present when some statistic is NaN, saying why. */
  readonly reason?: string
}

/**
 * n, missing, mean, SD, SE, median, quartiles, min, max, skewness and kurtosis of a numeric variable, with
 * frequency (case) weights as SPSS applies them: W = Σw replaces n everywhere.
 *
 * Formulas (SPSS Statistics Algorithms, DESCRIPTIVES): m = Σwx/W; s² = Σw(x − m)²/(W − 1); SE = s/√W;
 * G1 = W·M3 / ((W − 1)(W − 2)·s³); G2 = [W(W + 1)·M4 − 3·M2²·(W − 1)] / ((W − 1)(W − 2)(W − 3)·s⁴), with
 * Mr = Σw(x − m)^r; SE(G1) = √(6W(W − 1) / ((W − 2)(W + 1)(W + 3))); SE(G2) = √(4(W² − 1)·SE(G1)² / ((W − 3)(W + 5))).
 * Quartiles and median by HAVERAGE (`percentileHaverage`, R's type 6 unweighted).
 *
 * @param x - values, NaN for missing
 * @param weights - optional case weights; cases with weight 0 or NaN are left out
 * @throws StatsInputError: "BAD_DIMENSIONS" when lengths differ, "NEGATIVE_COUNT" for a negative weight
 * @example
 * describeNumeric(Float64Array.of(2, 4, 4, 5, NaN)).mean // 3.75
 */
export const describeNumeric = (x: Float64Array, weights?: Float64Array): NumericDescription => {
  const data = weightedValues(x, weights)
  const { values, weights: ws, totalWeight: W, missingWeight } = data
  if (values.length === 0) {
    const nan = Number.NaN
    return {
      n: 0,
      missing: missingWeight,
      mean: nan,
      sd: nan,
      se: nan,
      median: nan,
      q1: nan,
      q3: nan,
      min: nan,
      max: nan,
      skewness: nan,
      skewnessSe: nan,
      kurtosis: nan,
      kurtosisSe: nan,
      reason: "no valid values"
    }
  }
  let sum = 0
  for (let k = 0; k < values.length; k++) sum += ws[k] * values[k]
  const mean = sum / W
  let m2 = 0
  let m3 = 0
  let m4 = 0
  for (let k = 0; k < values.length; k++) {
    const d = values[k] - mean
    const d2 = d * d
    m2 += ws[k] * d2
    m3 += ws[k] * d2 * d
    m4 += ws[k] * d2 * d2
  }
  const sd = W > 1 ? Math.sqrt(m2 / (W - 1)) : Number.NaN
  const skewness = W > 2 && sd > 0 ? (W * m3) / ((W - 1) * (W - 2) * sd ** 3) : Number.NaN
  const kurtosis = W > 3 && sd > 0
    ? (W * (W + 1) * m4 - 3 * m2 * m2 * (W - 1)) / ((W - 1) * (W - 2) * (W - 3) * sd ** 4)
    : Number.NaN
  const skewnessSe = W > 2 ? Math.sqrt((6 * W * (W - 1)) / ((W - 2) * (W + 1) * (W + 3))) : Number.NaN
  const kurtosisSe = W > 3 ? Math.sqrt((4 * (W * W - 1) * skewnessSe * skewnessSe) / ((W - 3) * (W + 5))) : Number.NaN
  const reason = W <= 1
    ? "one case: SD needs at least two"
    : W <= 3
    ? "too few cases for skewness (3) or kurtosis (4)"
    : sd === 0
    ? "all values are equal: skewness and kurtosis undefined"
    : undefined
  return {
    n: W,
    missing: missingWeight,
    mean,
    sd,
    se: sd / Math.sqrt(W),
    median: percentileHaverage(data, 0.5),
    q1: percentileHaverage(data, 0.25),
    q3: percentileHaverage(data, 0.75),
    min: values[0],
    max: values[values.length - 1],
    skewness,
    skewnessSe,
    kurtosis,
    kurtosisSe,
    ...(reason !== undefined ? { reason } : {})
  }
}
