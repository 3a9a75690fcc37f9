/**
 * Number formatting for displayed tables. Numbers always use a decimal point, in Vietnamese output too, so that
 * tables paste into spreadsheets and match SPSS's default output; JSON and CSV carry full-precision numbers.
 */

import * as Stats from "@danvan/stats"

const isNum = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x)

/**
 * 100 · part / whole, NaN for an empty whole: stats' `percentOf`, the one percent computation, for what the
 * renderers compute themselves (totals and valid/missing shares; the cell percents come with the analysis result).
 *
 * @example
 * percentOf(1, 4) // 25
 * percentOf(0, 0) // NaN
 */
export const percentOf = (part: number, whole: number): number => Stats.percentOf(part, whole)

/** What a table shows for a statistic that could not be computed (NaN, null, missing). */
export const NOT_AVAILABLE = "—"

/**
 * Fixed decimals; `-0.0` shows as `0.0`.
 *
 * @example
 * fixed(-0.04, 1) // "0.0"
 */
export const fixed = (x: number | null | undefined, decimals: number): string => {
  if (!isNum(x)) return NOT_AVAILABLE
  const s = x.toFixed(decimals)
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s
}

/**
 * APA p-value: `< .001` below .001, otherwise three decimals without the leading zero (`.023`, `1.000`).
 * Never `.000`: a p that would round to .000 is below .001 and prints as `< .001`.
 *
 * @example
 * formatP(2.6e-8) // "< .001"
 */
export const formatP = (p: number | null | undefined): string => {
  if (!isNum(p)) return NOT_AVAILABLE
  if (p < 0.001) return "< .001"
  const s = Math.min(p, 1).toFixed(3)
  if (s === "0.000") return "< .001"
  return s.startsWith("0.") ? s.slice(1) : s
}

/**
 * A count: integers as they are, weighted (fractional) counts with one decimal.
 *
 * @example
 * formatCount(12.5) // "12.5"
 */
export const formatCount = (x: number | null | undefined): string => {
  if (!isNum(x)) return NOT_AVAILABLE
  return Number.isInteger(x) ? String(x) : x.toFixed(1)
}

/**
 * A percentage 0..100 with one decimal and a `%` sign (SPSS crosstab style).
 *
 * @example
 * formatPercent(21.29) // "21.3%"
 */
export const formatPercent = (x: number | null | undefined): string => (isNum(x) ? `${fixed(x, 1)}%` : NOT_AVAILABLE)

/**
 * A statistic: three decimals.
 *
 * @example
 * formatStat(41.0308) // "41.031"
 */
export const formatStat = (x: number | null | undefined): string => fixed(x, 3)

/**
 * Degrees of freedom: an integer (or three decimals if a test reports a fractional df).
 *
 * @example
 * formatDf(4) // "4"
 */
export const formatDf = (x: number | null | undefined): string => {
  if (!isNum(x)) return NOT_AVAILABLE
  return Number.isInteger(x) ? String(x) : x.toFixed(3)
}

/**
 * Full-precision number for machine-readable output (CSV); NaN/Infinity become an empty field.
 *
 * @example
 * rawNumber(Number.NaN) // ""
 */
export const rawNumber = (x: number | null | undefined): string => (isNum(x) ? String(x) : "")
