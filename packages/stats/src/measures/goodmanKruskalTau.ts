import { productDifference } from "../cells/deviation.js"
import type { ContingencyTable } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { constantReason, margins } from "./internal.js"
import type { GoodmanKruskalTau, GoodmanKruskalTauMeasure } from "./types.js"

/**
 * tau with the dependent variable indexed by j (nDep categories) and the predictor by i (nInd categories);
 * get(i, j) the count, indTot / depTot the margins.
 *
 * In proportions, with d_ij = f_ij / r_i - c_j / N (kept exact, `cells/deviation.ts`), w_i = Σ_j (c_j / N) d_ij,
 * q_i = Σ_j d_ij²: ν = Σ_i (r_i / N) q_i, δ = Σ_j (c_j / N)(1 - c_j / N), tau = ν / δ, and the delta-method
 * influence of cell ij is, up to a constant that centring removes, ψ_ij / δ² with
 * ψ_ij = δ (2 d_ij - 2 w_i - q_i) + 2 ν c_j / N;
 * ASE1 = sqrt(Σ p_ij (ψ_ij - ψ̄)² / N) / δ². Every term is of the
 * size of the association itself, so nothing cancels when tau ~ 0 on a large table.
 */
const directional = (
  n: number,
  nInd: number,
  nDep: number,
  get: (i: number, j: number) => number,
  indTot: Float64Array,
  depTot: Float64Array
): GoodmanKruskalTauMeasure => {
  let delta = 0
  for (let j = 0; j < nDep; j++) delta += (depTot[j] / n) * ((n - depTot[j]) / n)
  const d = new Float64Array(nInd * nDep)
  const w = new Float64Array(nInd)
  const q = new Float64Array(nInd)
  let nu = 0
  for (let i = 0; i < nInd; i++) {
    for (let j = 0; j < nDep; j++) {
      const dij = productDifference(n, get(i, j), indTot[i], depTot[j]) / (indTot[i] * n)
      d[i * nDep + j] = dij
      w[i] += (depTot[j] / n) * dij
      q[i] += dij * dij
    }
    nu += (indTot[i] / n) * q[i]
  }
  const psi = (i: number, j: number): number =>
    delta * (2 * d[i * nDep + j] - 2 * w[i] - q[i]) + (2 * nu * depTot[j]) / n
  let mean = 0
  for (let i = 0; i < nInd; i++) for (let j = 0; j < nDep; j++) mean += (get(i, j) / n) * psi(i, j)
  let v = 0
  for (let i = 0; i < nInd; i++) {
    for (let j = 0; j < nDep; j++) {
      const e = psi(i, j) - mean
      v += (get(i, j) / n) * e * e
    }
  }
  const value = nu / delta
  const ase = Math.sqrt(v / n) / (delta * delta)
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
