import type { ContingencyTable } from "../ContingencyTable.js"
import { chiSquareUpperTail, cleanVariance, constantReason, margins } from "./internal.js"
import type { GoodmanKruskalTau, GoodmanKruskalTauMeasure } from "./types.js"

/**
 * tau with the dependent variable indexed by j (nDep categories) and the predictor by i (nInd categories);
 * get(i, j) the count, indTot / depTot the margins.
 */
const directional = (
  n: number, nInd: number, nDep: number, get: (i: number, j: number) => number, indTot: Float64Array, depTot: Float64Array
): GoodmanKruskalTauMeasure => {
  let sumDep2 = 0
  for (let j = 0; j < nDep; j++) sumDep2 += depTot[j] * depTot[j]
  const s = new Float64Array(nInd) // Σ_j f_ij² / indTot_i²
  for (let i = 0; i < nInd; i++) {
    let a = 0
    for (let j = 0; j < nDep; j++) a += get(i, j) * get(i, j)
    s[i] = a / (indTot[i] * indTot[i])
  }
  const delta = n * n - sumDep2
  // nu = N Σ f²/r - Σ c², summed without cancellation as N Σ_i r_i Σ_j (f_ij / r_i - c_j / N)² (tau ~ 0 tables)
  let nu = 0
  for (let i = 0; i < nInd; i++) {
    let a = 0
    for (let j = 0; j < nDep; j++) {
      const d = get(i, j) / indTot[i] - depTot[j] / n
      a += d * d
    }
    nu += indTot[i] * a
  }
  nu *= n
  const value = nu / delta
  // delta method on proportions: influence g_ij = (2 f_ij / r_i - s_i - 2 c_j / N) delta + 2 nu c_j / N
  let sg = 0
  let sg2 = 0
  for (let i = 0; i < nInd; i++) {
    for (let j = 0; j < nDep; j++) {
      const f = get(i, j)
      const g = (2 * f / indTot[i] - s[i] - (2 * depTot[j]) / n) * delta + (2 * nu * depTot[j]) / n
      sg += f * g
      sg2 += f * g * g
    }
  }
  const ase = (n * Math.sqrt(cleanVariance(sg2 - (sg * sg) / n, sg2))) / (delta * delta)
  const statistic = (n - 1) * (nDep - 1) * value
  const df = (nInd - 1) * (nDep - 1)
  return { value, ase, statistic, df, p: chiSquareUpperTail(statistic, df) }
}

/**
 * Goodman and Kruskal's tau (rows dependent, columns dependent), with ASE1 and SPSS's chi-square significance.
 *
 * Formula (columns dependent; rows dependent on the transposed table): tau = (N Σ_ij f_ij² / r_i - Σ_j c_j²) /
 * (N² - Σ_j c_j²), the proportional reduction in the probability of misclassifying the column category when it
 * is predicted at random from the row's conditional distribution (Goodman & Kruskal 1954,
 * doi:10.1080/01621459.1954.10501231). ASE1 by the delta method (Goodman & Kruskal 1972,
 * doi:10.1080/01621459.1972.10482401; Agresti 2002). "Approx. Sig.": SPSS bases it on the
 * chi-square approximation of Light & Margolin (1971, doi:10.1080/01621459.1971.10482297): (N - 1)(K - 1)·tau,
 * K the number of categories of the dependent variable, is chi-square with (r - 1)(c - 1) df under
 * independence. SPSS prints no approximate T for tau, so none is returned. For a 2×2 table tau = phi².
 *
 * @returns { rowsDependent, colsDependent }, each { value, ase, statistic, df, p }; NaN with `reason` for a
 *   one-row or one-column table.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * goodmanKruskalTau(fromMatrix([[30, 5], [10, 25]])).colsDependent.value // 0.3333 (= phi²)
 */
export const goodmanKruskalTau = (table: ContingencyTable): GoodmanKruskalTau => {
  const m = margins(table)
  const constant = constantReason(m)
  if (constant !== undefined) {
    const nan: GoodmanKruskalTauMeasure = { value: NaN, ase: NaN, statistic: NaN, df: NaN, p: NaN, reason: constant }
    return { rowsDependent: nan, colsDependent: nan }
  }
  const f = (i: number, j: number): number => m.counts[i * m.cols + j]
  return {
    rowsDependent: directional(m.n, m.cols, m.rows, (j, i) => f(i, j), m.colTot, m.rowTot),
    colsDependent: directional(m.n, m.rows, m.cols, f, m.rowTot, m.colTot)
  }
}
