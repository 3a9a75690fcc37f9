import { StatsInputError } from "../ContingencyTable.js"

const checked = (ps: ArrayLike<number>, what: string): Float64Array => {
  const out = new Float64Array(ps.length)
  for (let k = 0; k < ps.length; k++) {
    const p = ps[k]
    if (!(p >= 0 && p <= 1)) {
      throw new StatsInputError("BAD_OPTION", `${what}: p-value ${k + 1} is not a probability in [0, 1] (${p})`)
    }
    out[k] = p
  }
  return out
}

/**
 * Bonferroni adjustment of m p-values for multiple comparisons.
 *
 * Formula: p̃_k = min(1, m · p_k) (Bonferroni 1936; Dunn 1961, doi:10.1080/01621459.1961.10482090).
 * Controls the family-wise error rate under any dependence. Same as R's `p.adjust(p, "bonferroni")`.
 *
 * @param ps - the unadjusted p-values, each in [0, 1]
 * @returns the adjusted p-values, in the input order
 * @throws StatsInputError `BAD_OPTION` naming the first p-value that is not in [0, 1] (NaN included)
 * @example
 * bonferroni([0.01, 0.02, 0.3]) // Float64Array [0.03, 0.06, 0.9]
 */
export const bonferroni = (ps: ArrayLike<number>): Float64Array => {
  const out = checked(ps, "Bonferroni adjustment")
  const m = out.length
  for (let k = 0; k < m; k++) out[k] = Math.min(1, m * out[k])
  return out
}

/**
 * Holm's step-down adjustment of m p-values for multiple comparisons.
 *
 * Formula: with p_(1) <= ... <= p_(m) sorted ascending, p̃_(k) = min(1, max_{l <= k} (m − l + 1) · p_(l))
 * (Holm 1979, "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6:65-70,
 * https://www.jstor.org/stable/4615733). Method: sort once (stable, so ties keep their input order), take the
 * running maximum, cap at 1; the adjusted values are monotone in the raw ones. Uniformly more powerful than
 * Bonferroni with the same family-wise error control. Same as R's `p.adjust(p, "holm")`.
 *
 * @param ps - the unadjusted p-values, each in [0, 1]
 * @returns the adjusted p-values, in the input order
 * @throws StatsInputError `BAD_OPTION` naming the first p-value that is not in [0, 1] (NaN included)
 * @example
 * holm([0.01, 0.04, 0.03]) // Float64Array [0.03, 0.06, 0.06]
 */
export const holm = (ps: ArrayLike<number>): Float64Array => {
  const p = checked(ps, "Holm adjustment")
  const m = p.length
  const order = Array.from({ length: m }, (_, k) => k).sort((a, b) => p[a] - p[b] || a - b)
  const out = new Float64Array(m)
  let running = 0
  for (let k = 0; k < m; k++) {
    const i = order[k]
    running = Math.max(running, Math.min(1, (m - k) * p[i]))
    out[i] = running
  }
  return out
}
