import { StatsInputError } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { fUpperTail } from "../distributions/fDistribution.js"
import { designCovarianceOfTypes } from "./designCovarianceOfTypes.js"
import { designDegreesOfFreedom } from "./designDegreesOfFreedom.js"
import type { DesignSample } from "./DesignEstimate.js"

/** The Rao-Scott tests of independence of an r x c table under a sampling design. */
export interface RaoScottTest {
  /** Second-order (Satterthwaite) F form, `svychisq`'s default: F = X²/tr(Δ) on d0 and d0·ν df. */
  readonly f: { readonly statistic: number; readonly df1: number; readonly df2: number; readonly p: number }
  /** First-order form, `svychisq(statistic = "Chisq")`: X²/mean(δ) against χ² on (r − 1)(c − 1) df. */
  readonly chisq: { readonly statistic: number; readonly df: number; readonly p: number }
  /** Pearson's X² of the weighted table rescaled to the domain's n cases (what R prints as X-squared). */
  readonly pearson: number
  /** Mean generalized design effect δ̄ = tr(Δ)/((r − 1)(c − 1)) and d0 = tr(Δ)²/tr(Δ²). */
  readonly meanDeff: number
  /** The design's degrees of freedom ν over the domain (PSUs − strata). */
  readonly designDf: number
  /** Cases in the domain (both variables valid) with a non-zero weight. */
  readonly n: number
}

/** Solves A X = B (A m x m, B m x q, row-major) by Gaussian elimination with partial pivoting. */
const solve = (a: Float64Array, b: Float64Array, m: number, q: number): Float64Array => {
  const A = Float64Array.from(a)
  const X = Float64Array.from(b)
  for (let col = 0; col < m; col++) {
    let pivot = col
    for (let r = col + 1; r < m; r++) if (Math.abs(A[r * m + col]!) > Math.abs(A[pivot * m + col]!)) pivot = r
    if (A[pivot * m + col] === 0) throw new StatsInputError("BAD_DIMENSIONS", "the table's contrasts are singular")
    for (let j = 0; j < m; j++) [A[col * m + j], A[pivot * m + j]] = [A[pivot * m + j]!, A[col * m + j]!]
    for (let j = 0; j < q; j++) [X[col * q + j], X[pivot * q + j]] = [X[pivot * q + j]!, X[col * q + j]!]
    for (let r = 0; r < m; r++) {
      if (r === col) continue
      const f = A[r * m + col]! / A[col * m + col]!
      if (f === 0) continue
      for (let j = col; j < m; j++) A[r * m + j]! -= f * A[col * m + j]!
      for (let j = 0; j < q; j++) X[r * q + j]! -= f * X[col * q + j]!
    }
  }
  for (let r = 0; r < m; r++) for (let j = 0; j < q; j++) X[r * q + j]! /= A[r * m + r]!
  return X
}

/** Cell proportions (row-major r x c) and their design covariance over the domain. */
const cellCovariance = (
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  c: number,
  k: number,
  sample: DesignSample
) => {
  const size = rows.length
  const w = (i: number) => (sample.weights === undefined ? 1 : sample.weights[i]!)
  const inDomain = (i: number) => rows[i]! >= 0 && cols[i]! >= 0
  const p = new Float64Array(k)
  let sumWeights = 0
  let n = 0
  for (let i = 0; i < size; i++) {
    if (!inDomain(i)) continue
    p[rows[i]! * c + cols[i]!]! += w(i)
    sumWeights += w(i)
    if (w(i) !== 0) n++
  }
  if (!(sumWeights > 0)) throw new StatsInputError("EMPTY_TABLE", "no case with both variables and a positive weight")
  for (let j = 0; j < k; j++) p[j]! /= sumWeights
  // scores by cell (no vector per case): w_i(e_cell − p̂)/Σw, 0 outside the domain
  const vectors = new Float64Array(k * k)
  for (let cell = 0; cell < k; cell++) for (let j = 0; j < k; j++) vectors[cell * k + j] = (cell === j ? 1 : 0) - p[j]!
  const covariance = designCovarianceOfTypes(
    {
      vectors,
      dimension: k,
      typeOf: (i) => (inDomain(i) ? rows[i]! * c + cols[i]! : -1),
      coefficient: (i) => w(i) / sumWeights
    },
    size,
    sample.design
  ).covariance
  const dof = designDegreesOfFreedom(sample.design, size, sample.weights, inDomain)
  return { p, n, covariance, df: dof.degreesOfFreedom }
}

/** tr(Δ) and tr(Δ²) of the generalized design effects Δ = (C'D⁻¹C)⁻¹(C'D⁻¹VD⁻¹C) (n = 1). */
const deltaTraces = (p: Float64Array, V: Float64Array, r: number, c: number) => {
  const k = r * c
  const m = (r - 1) * (c - 1)
  // D⁻¹C (k x m): column (a, b) is (e_a − e_r) ⊗ (f_b − f_c) scaled by 1/p̂
  const dc = new Float64Array(k * m)
  for (let a = 0; a < r - 1; a++) {
    for (let b = 0; b < c - 1; b++) {
      const col = a * (c - 1) + b
      const set = (i: number, j: number, v: number) => {
        const cell = i * c + j
        dc[cell * m + col] = p[cell]! === 0 ? 0 : v / p[cell]!
      }
      set(a, b, 1)
      set(a, c - 1, -1)
      set(r - 1, b, -1)
      set(r - 1, c - 1, 1)
    }
  }
  const contrast = (cell: number, col: number) => {
    const i = Math.floor(cell / c)
    const j = cell % c
    const a = Math.floor(col / (c - 1))
    const b = col % (c - 1)
    return ((i === a ? 1 : 0) - (i === r - 1 ? 1 : 0)) * ((j === b ? 1 : 0) - (j === c - 1 ? 1 : 0))
  }
  const A = new Float64Array(m * m)
  const B = new Float64Array(m * m)
  const vdc = new Float64Array(k * m)
  for (let s = 0; s < k; s++) {
    for (let col = 0; col < m; col++) {
      let v = 0
      for (let t = 0; t < k; t++) v += V[s * k + t]! * dc[t * m + col]!
      vdc[s * m + col] = v
    }
  }
  for (let x = 0; x < m; x++) {
    for (let y = 0; y < m; y++) {
      let av = 0
      let bv = 0
      for (let s = 0; s < k; s++) {
        av += contrast(s, x) * dc[s * m + y]!
        bv += dc[s * m + x]! * vdc[s * m + y]!
      }
      A[x * m + y] = av
      B[x * m + y] = bv
    }
  }
  const delta = solve(A, B, m, m)
  let trace = 0
  let trace2 = 0
  for (let x = 0; x < m; x++) {
    trace += delta[x * m + x]!
    for (let y = 0; y < m; y++) trace2 += delta[x * m + y]! * delta[y * m + x]!
  }
  return { m, trace, trace2 }
}

/**
 * Rao-Scott tests of independence of two categorical variables under a sampling design, as R survey's
 * `svychisq(~a + b, subset(design, !is.na(a) & !is.na(b)))` (default `statistic = "F"`) and
 * `statistic = "Chisq"`.
 *
 * Method: p̂ are the design-based cell proportions (r·c) with covariance V ({@link designCovariance}); C is a basis
 * of the interaction contrasts (orthogonal to the row and column main effects; the Kronecker product of the
 * contrasts e_i − e_r and f_j − f_c), D = diag(p̂) (zero cells get D⁻¹ = 0, as R). The generalized design effects
 * are the eigenvalues of Δ = (C'D⁻¹C)⁻¹(C'D⁻¹VD⁻¹C) (computed with n = 1: the scale cancels), X² = Σ(p̂_ij −
 * p̂_i.p̂_.j)²/(p̂_i.p̂_.j). Second order: F = X²/tr(Δ) on d0 = tr(Δ)²/tr(Δ²) and d0·ν degrees of freedom, ν = PSUs −
 * strata of the domain. First order: X²/δ̄ with δ̄ = tr(Δ)/((r − 1)(c − 1)) against χ²_{(r−1)(c−1)}. Upper tails
 * are computed directly. References: Rao & Scott (1984), "On chi-squared tests for multiway contingency tables
 * with cell proportions estimated from survey data", Ann. Statist. 12, 46–60, doi:10.1214/aos/1176346391;
 * Thomas & Rao (1987), JASA 82, 630–636; Lumley (2010), Complex Surveys, §6.2.
 *
 * @param rows - row index per case (0 <= index < r) or −1 (blank: outside the domain)
 * @param cols - column index per case (0 <= index < c) or −1
 * @param r - number of rows, >= 2
 * @param c - number of columns, >= 2
 * @param sample - weights and design
 * @throws StatsInputError `BAD_DIMENSIONS` for fewer than 2 rows or columns or a row or column without weight;
 *   `EMPTY_TABLE`; whatever {@link designCovariance} throws (a lonely PSU under `"fail"`)
 * @example
 * raoScott(rows, cols, 3, 2, { weights, design: { strata, clusters } }).f.p
 */
export const raoScott = (
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  r: number,
  c: number,
  sample: DesignSample
): RaoScottTest => {
  if (r < 2 || c < 2) throw new StatsInputError("BAD_DIMENSIONS", `a ${r} x ${c} table has no test of independence`)
  const k = r * c
  const { covariance: V, df: nu, n, p } = cellCovariance(rows, cols, c, k, sample)
  const rowP = Array.from({ length: r }, (_, i) => p.slice(i * c, i * c + c).reduce((a, b) => a + b, 0))
  const colP = Array.from({ length: c }, (_, j) => rowP.reduce((a, _r, i) => a + p[i * c + j]!, 0))
  if (rowP.some((v) => !(v > 0)) || colP.some((v) => !(v > 0))) {
    throw new StatsInputError("BAD_DIMENSIONS", "a row or column of the table has no weight: drop it first")
  }
  let x2 = 0
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) x2 += (p[i * c + j]! - rowP[i]! * colP[j]!) ** 2 / (rowP[i]! * colP[j]!)
  }
  const { m, trace, trace2 } = deltaTraces(p, V, r, c)
  const d0 = (trace * trace) / trace2
  const fStat = x2 / trace
  const meanDeff = trace / m
  return {
    f: { statistic: fStat, df1: d0, df2: d0 * nu, p: fUpperTail(fStat, d0, d0 * nu) },
    chisq: { statistic: x2 / meanDeff, df: m, p: chiSquareUpperTail(x2 / meanDeff, m) },
    pearson: x2 * n,
    meanDeff,
    designDf: nu,
    n
  }
}
