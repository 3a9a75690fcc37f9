import type { ContingencyTable } from "../ContingencyTable.js"
import { assertIntegerTable } from "./integerTable.js"

/** Fisher's exact test on a 2 x 2 table. */
export interface Fisher2x2Result {
  /** two-sided p: the probability of tables no more probable than the observed one (R's definition) */
  readonly p: number
  /** one-sided p for a negative association (odds ratio < 1): P(X <= a) */
  readonly pLess: number
  /** one-sided p for a positive association (odds ratio > 1): P(X >= a) */
  readonly pGreater: number
  readonly method: "exact"
}

const TIE = Math.log1p(1e-7) // R's relErr = 1 + 1e-7, on the log scale

/** ln Σ exp(v_i) over v[from..to) with the maximum factored out. */
const logSumExp = (v: Float64Array, from: number, to: number): number => {
  let max = -Infinity
  for (let i = from; i < to; i++) if (v[i] > max) max = v[i]
  if (max === -Infinity) return -Infinity
  let s = 0
  for (let i = from; i < to; i++) s += Math.exp(v[i] - max)
  return max + Math.log(s)
}

/**
 * Fisher's exact test for a 2 x 2 table [[a, b], [c, d]], with R's `fisher.test` conventions.
 *
 * Method: with the margins fixed, a is hypergeometric: P(a = x) = C(a + c, x) C(b + d, k − x) / C(n, k),
 * k = a + b, on x = max(0, k − (b + d)) .. min(k, a + c) (Fisher 1935, doi:10.2307/2342435). The log
 * probabilities are built outwards from the mode with the exact ratio
 * P(x + 1) / P(x) = (m − x)(k − x) / ((x + 1)(n − m − k + x + 1)), m = a + c, so no large log factorials cancel
 * and n up to 1e6 and beyond keeps ~1e-12 relative accuracy; terms more than e^-60 below both the mode and the
 * observed table are dropped (their total is < 1e-24 of the result). Then
 * two-sided p = Σ_{x: P(x) <= P(a)(1 + 1e-7)} P(x) (R's relative tie tolerance), pLess = P(X <= a),
 * pGreater = P(X >= a), each as a ratio of log-sum-exps, so p-values far below 1e-300 of the mode's
 * probability are still computed (down to the double range, ~1e-308).
 *
 * @param table - a 2 x 2 table of whole-number counts with no zero row or column total
 * @returns `{ p, pLess, pGreater, method: "exact" }`
 * @throws StatsInputError `BAD_DIMENSIONS` unless 2 x 2; `NON_INTEGER_COUNT` for weighted (fractional)
 *   counts; `NEGATIVE_COUNT`, `NON_FINITE_COUNT`, `EMPTY_TABLE`, `ZERO_MARGIN` as for the chi-square tests
 * @example
 * fisherExact2x2(fromMatrix([[3, 0], [0, 2]]))
 * // { p: 0.1, pLess: 1, pGreater: 0.1, method: "exact" }
 */
export const fisherExact2x2 = (table: ContingencyTable): Fisher2x2Result => {
  assertIntegerTable(table, "Fisher's exact test", true)
  const [a, b, c, d] = table.counts
  const m = a + c
  const k = a + b
  const n = a + b + c + d
  const lo = Math.max(0, k - (b + d))
  const hi = Math.min(k, m)
  // ln P(x) − ln P(mode), outwards from the mode; the observed x is reached first
  const mode = Math.min(hi, Math.max(lo, Math.floor(((k + 1) * (m + 1)) / (n + 2))))
  const size = hi - lo + 1
  const logd = new Float64Array(size)
  const ratioUp = (x: number): number => ((m - x) * (k - x)) / ((x + 1) * (n - m - k + x + 1))
  let obs = 0
  for (let x = mode; x < a; x++) obs += Math.log(ratioUp(x))
  for (let x = mode; x > a; x--) obs -= Math.log(ratioUp(x - 1))
  const floor = Math.min(obs, 0) - 60
  let from = mode
  let to = mode + 1
  for (let x = mode; x < hi; x++) {
    const next = logd[x - lo] + Math.log(ratioUp(x))
    if (next < floor && x + 1 > a) break
    logd[x + 1 - lo] = next
    to = x + 2
  }
  for (let x = mode; x > lo; x--) {
    const next = logd[x - lo] - Math.log(ratioUp(x - 1))
    if (next < floor && x - 1 < a) break
    logd[x - 1 - lo] = next
    from = x - 1
  }
  const logTotal = logSumExp(logd, from - lo, to - lo)
  const obsLog = logd[a - lo]
  // two-sided: the tables at most (1 + 1e-7) times as probable as the observed one
  const sel = new Float64Array(to - from)
  let ns = 0
  for (let i = from - lo; i < to - lo; i++) if (logd[i] <= obsLog + TIE) sel[ns++] = logd[i]
  const clamp = (v: number): number => Math.max(0, Math.min(1, v))
  return {
    p: clamp(Math.exp(logSumExp(sel, 0, ns) - logTotal)),
    pLess: clamp(Math.exp(logSumExp(logd, from - lo, a - lo + 1) - logTotal)),
    pGreater: clamp(Math.exp(logSumExp(logd, a - lo, to - lo) - logTotal)),
    method: "exact"
  }
}
