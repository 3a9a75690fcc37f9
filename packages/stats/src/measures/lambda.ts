import type { ContingencyTable } from "../ContingencyTable.js"
import { cleanVariance, constantReason, type Margins, margins, nanMeasure, waldMeasure } from "./internal.js"
import type { DirectionalMeasure, Measure } from "./types.js"

/** Index of the first largest of n values read by get (ties: the first, as SPSS and PSPP take it). */
const argMax = (n: number, get: (k: number) => number): number => {
  let best = 0
  for (let k = 1; k < n; k++) if (get(k) > get(best)) best = k
  return best
}

interface Modes {
  /** For each row, the column of its largest count. */
  readonly rowMode: Int32Array
  /** For each column, the row of its largest count. */
  readonly colMode: Int32Array
  readonly sumRowMax: number
  readonly sumColMax: number
  /** Row with the largest total, column with the largest total. */
  readonly rM: number
  readonly cM: number
}

const modes = (m: Margins): Modes => {
  const f = (i: number, j: number): number => m.counts[i * m.cols + j]
  const rowMode = new Int32Array(m.rows)
  const colMode = new Int32Array(m.cols)
  let sumRowMax = 0
  let sumColMax = 0
  for (let i = 0; i < m.rows; i++) {
    rowMode[i] = argMax(m.cols, (j) => f(i, j))
    sumRowMax += f(i, rowMode[i])
  }
  for (let j = 0; j < m.cols; j++) {
    colMode[j] = argMax(m.rows, (i) => f(i, j))
    sumColMax += f(colMode[j], j)
  }
  return {
    rowMode,
    colMode,
    sumRowMax,
    sumColMax,
    rM: argMax(m.rows, (i) => m.rowTot[i]),
    cM: argMax(m.cols, (j) => m.colTot[j])
  }
}

const WHY = "the modal predictions do not vary (lambda's null variance is 0)"

/**
 * One asymmetric lambda. `dep` is the number of categories of the dependent variable, `ind` of the other;
 * get(i, j) is the count at independent category i, dependent category j; `mode[i]` the dependent mode in i;
 * `depTot` the dependent margin and `M` its modal category.
 */
const asymmetric = (
  n: number,
  ind: number,
  get: (i: number, j: number) => number,
  mode: Int32Array,
  depTot: Float64Array,
  M: number
): Measure => {
  let sumMax = 0
  let onMode = 0 // Σ over categories whose mode is M of their max
  let off = 0 // Σ over categories whose mode is not M of (max + count at M)
  for (let i = 0; i < ind; i++) {
    const fmax = get(i, mode[i])
    sumMax += fmax
    if (mode[i] === M) onMode += fmax
    else off += fmax + get(i, M)
  }
  const cm = depTot[M]
  const den = n - cm
  const value = (sumMax - cm) / den
  const ase1 = Math.sqrt(cleanVariance((n - sumMax) * (sumMax + cm - 2 * onMode), 0) / (den * den * den))
  const ase0 = Math.sqrt(cleanVariance(off - ((sumMax - cm) * (sumMax - cm)) / n, off)) / den
  return waldMeasure(value, ase1, ase0, WHY)
}

/**
 * Goodman and Kruskal's lambda (symmetric, rows dependent, columns dependent) with SPSS CROSSTABS's ASE1,
 * approximate T and significance.
 *
 * Formula (columns dependent; rows dependent is the same on the transposed table): with f_{i,m(i)} the largest
 * count in row i and c_M the largest column total, lambda = (Σ_i f_{i,m(i)} - c_M) / (N - c_M);
 * ASE1 = sqrt((N - Σ f_{i,m(i)})(Σ f_{i,m(i)} + c_M - 2 Σ* f_{i,m(i)}) / (N - c_M)³), Σ* over rows whose modal
 * column is M (Goodman & Kruskal 1963, doi:10.1080/01621459.1963.10500850). Symmetric: lambda =
 * (Σ f_{i,m(i)} + Σ f_{m(j),j} - r_M - c_M) / (2N - r_M - c_M), ASE1 = sqrt(Σ f_ij (u_ij + (lambda - 1) v_ij)² -
 * 4N lambda²) / (2N - r_M - c_M), u_ij = [j = m(i)] + [i = m(j)], v_ij = [i = M_r] + [j = M_c] (delta method).
 *
 * Approx. T: SPSS divides lambda by ASE0, the delta-method standard error evaluated as a null-type variance of
 * the same influence terms without the lambda-dependent part: columns dependent
 * ASE0 = sqrt(Σ_{i: m(i) ≠ M} (f_{i,m(i)} + f_{i,M}) - (Σ f_{i,m(i)} - c_M)² / N) / (N - c_M), i.e. the variance
 * of [j = m(i)] - [j = M] over the cases; symmetric ASE0 = sqrt(Σ f_ij (u_ij - v_ij)² - (numerator)² / N) /
 * (2N - r_M - c_M). This is what SPSS's algorithms document and PSPP implement, so t and p match SPSS output;
 * p = 2·P(Z > |t|). Ties for a maximum take the first category (the value does not depend on it, the ASEs do).
 *
 * @returns { symmetric, rowsDependent, colsDependent }, each { value, ase, t, p }; NaN with `reason` for a one-row
 *   or one-column table, or (t and p only) when ASE0 = 0.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * lambda(fromMatrix([[30, 5], [10, 25]])).colsDependent.value // 0.5 (rowsDependent: 0.5714)
 */
export const lambda = (table: ContingencyTable): DirectionalMeasure => {
  const m = margins(table)
  const constant = constantReason(m)
  if (constant !== undefined) {
    const nan = nanMeasure(constant)
    return { symmetric: nan, rowsDependent: nan, colsDependent: nan }
  }
  const f = (i: number, j: number): number => m.counts[i * m.cols + j]
  const md = modes(m)
  const colsDependent = asymmetric(m.n, m.rows, f, md.rowMode, m.colTot, md.cM)
  const rowsDependent = asymmetric(m.n, m.cols, (j, i) => f(i, j), md.colMode, m.rowTot, md.rM)
  const rm = m.rowTot[md.rM]
  const cm = m.colTot[md.cM]
  const den = 2 * m.n - rm - cm
  const num = md.sumRowMax + md.sumColMax - rm - cm
  const value = num / den
  let s1 = 0
  let s0 = 0
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const u = (md.rowMode[i] === j ? 1 : 0) + (md.colMode[j] === i ? 1 : 0)
      const v = (i === md.rM ? 1 : 0) + (j === md.cM ? 1 : 0)
      const a = u + (value - 1) * v
      s1 += f(i, j) * a * a
      s0 += f(i, j) * (u - v) * (u - v)
    }
  }
  const ase1 = Math.sqrt(cleanVariance(s1 - 4 * m.n * value * value, s1)) / den
  const ase0 = Math.sqrt(cleanVariance(s0 - (num * num) / m.n, s0)) / den
  return { symmetric: waldMeasure(value, ase1, ase0, WHY), rowsDependent, colsDependent }
}
