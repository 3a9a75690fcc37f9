import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import {
  assertItemsVary,
  countMultipleResponse,
  itemChiSquares,
  type MultipleResponseData
} from "./MultipleResponseData.js"

/** Second-order Rao-Scott MMI test. */
export interface MmiRaoScott2 {
  /** X²_RS2 = (r − 1)·c·X²_S / s₂ */
  readonly statistic: number
  /** (r − 1)²·c² / s₂ (not an integer in general) */
  readonly df: number
  /** P(χ²_df > X²_RS2), upper tail computed directly */
  readonly p: number
  /** the unadjusted sum statistic X²_S */
  readonly sumStatistic: number
  /** s₂ = tr(M²), the sum of the squared eigenvalues of M */
  readonly s2: number
}

/**
 * Second-order Rao-Scott adjusted test of multiple marginal independence (MMI) between a group variable with
 * r levels and a set of c multiple-response items.
 *
 * Formula (Bilder & Loughin 2004, doi:10.1111/j.0006-341X.2004.00147.x, Appendix A; Rao & Scott
 * 1984, doi:10.1214/aos/1176346391): X²_RS2 = (r − 1)·c·X²_S / s₂ referred to χ² with
 * df = (r − 1)²·c² / s₂, where s₂ = tr(M²) = Σ λ_k² over the eigenvalues of
 * M = D⁻¹ H Σ Hᵀ, with (rc-vectors ordered group-major, item-minor):
 * - Σ = blockdiag_i(Cov_i(Y) / a_i): Cov_i(Y) the within-group covariance matrix of the item vector
 *   (divisor n_i; Cov_i[j,k] = s_ijk/n_i − p_ij p_ik with s_ijk the respondents of group i selecting both
 *   j and k), a_i = n_i / n;
 * - H = I_rc − (1_r aᵀ) ⊗ I_c, mapping the group proportions p_ij to p_ij − π_j;
 * - D = diag((n/n_i) ⊗ π_j(1 − π_j)), π_j the overall proportion selecting item j.
 *
 * Method: Cov_i(Y) = G V_i Gᵀ where V_i is the covariance of group i's 2^c-cell joint multinomial and G
 * maps joint cells to item margins, so this c x c covariance form gives exactly the matrix of MRCV's
 * `MI.test(..., type = "rs2")` without building the 2^c joint table (c = 20 items would need 2^20 cells).
 * M is small and dense (rc x rc); s₂ = Σ_uv M_uv M_vu needs no eigen-decomposition. Cost O(n c² + (rc)³).
 * The p-value is the directly computed upper tail (MRCV's `1 - pchisq` floors near 1e-16).
 *
 * @param data - the set: at least 2 non-empty groups, items 0/1, each selected by some but not all
 * @returns the adjusted statistic, df, p, X²_S and s₂
 * @throws StatsInputError `ZERO_MARGIN` naming an item nobody (or everybody) selected, or an empty group;
 *   `BAD_CODE` for a value that is not 0/1 (naming item and respondent); `BAD_DIMENSIONS`
 * @example
 * const data = {
 *   groups: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]), groupCount: 3,
 *   items: [
 *     Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
 *     Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0])
 *   ]
 * }
 * mmiRaoScott2(data)
 * // { statistic: 8.682170542635662, df: 6.33074935400517, p: 0.21867690726318445,
 * //   sumStatistic: 5.485714285714286, s2: 2.5273469387755094 }
 */
export const mmiRaoScott2 = (data: MultipleResponseData): MmiRaoScott2 => {
  const what = "MMI Rao-Scott test"
  const counts = countMultipleResponse(data, what, 2)
  assertItemsVary(counts, what)
  const { n, r, c, groupN, selected, itemTotals } = counts
  const { groups, items, weights } = data
  const x2 = itemChiSquares(selected, groupN, itemTotals, n, r, c)
  let sumStatistic = 0
  for (let j = 0; j < c; j++) sumStatistic += x2[j]

  // co-selection counts s_ijk per group (c x c blocks), by respondent
  const both = new Float64Array(r * c * c)
  const chosen = new Int32Array(c)
  for (let k = 0; k < groups.length; k++) {
    const w = weights === undefined ? 1 : weights[k]
    let m = 0
    for (let j = 0; j < c; j++) if (items[j][k] === 1) chosen[m++] = j
    const base = groups[k] * c * c
    for (let u = 0; u < m; u++) {
      const row = base + chosen[u] * c
      for (let v = 0; v < m; v++) both[row + chosen[v]] += w
    }
  }
  const rc = r * c
  const a = new Float64Array(r)
  for (let i = 0; i < r; i++) a[i] = groupN[i] / n
  // Σ (block diagonal) stored dense rc x rc
  const sigma = new Float64Array(rc * rc)
  for (let i = 0; i < r; i++) {
    const ni = groupN[i]
    for (let j = 0; j < c; j++) {
      const pj = selected[i * c + j] / ni
      for (let l = 0; l < c; l++) {
        const pl = selected[i * c + l] / ni
        sigma[(i * c + j) * rc + i * c + l] = (both[i * c * c + j * c + l] / ni - pj * pl) / a[i]
      }
    }
  }
  // X = H Σ: row (i, j) minus Σ_l a_l row (l, j)
  const hs = new Float64Array(rc * rc)
  for (let j = 0; j < c; j++) {
    for (let col = 0; col < rc; col++) {
      let mean = 0
      for (let l = 0; l < r; l++) mean += a[l] * sigma[(l * c + j) * rc + col]
      for (let i = 0; i < r; i++) hs[(i * c + j) * rc + col] = sigma[(i * c + j) * rc + col] - mean
    }
  }
  // M = D⁻¹ X Hᵀ: column (i, k) minus Σ_l a_l column (l, k); row (i, j) scaled by a_i / (π_j (1 − π_j))
  const mat = new Float64Array(rc * rc)
  for (let row = 0; row < rc; row++) {
    const i = Math.floor(row / c)
    const pj = itemTotals[row % c] / n
    const scale = a[i] / (pj * (1 - pj))
    for (let k = 0; k < c; k++) {
      let mean = 0
      for (let l = 0; l < r; l++) mean += a[l] * hs[row * rc + l * c + k]
      for (let l = 0; l < r; l++) mat[row * rc + l * c + k] = (hs[row * rc + l * c + k] - mean) * scale
    }
  }
  let s2 = 0
  for (let u = 0; u < rc; u++) {
    for (let v = 0; v < rc; v++) s2 += mat[u * rc + v] * mat[v * rc + u]
  }
  const q = (r - 1) * c
  const statistic = (q * sumStatistic) / s2
  const df = (q * q) / s2
  return { statistic, df, p: chiSquareUpperTail(statistic, df), sumStatistic, s2 }
}
