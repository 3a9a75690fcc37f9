/**
 * Concordant/discordant pair scores of a table in O(r·c), the building block of gamma, Kendall's tau-b and tau-c
 * and Somers' d (notation of the SPSS CROSSTABS algorithms and Agresti 2002).
 * Row order is the row category order, column order the column category order. Not part of the public API.
 */
import type { Margins } from "./internal.js"

/** Pair statistics of a table; every "pair" sum counts each unordered pair twice, as SPSS's P and Q do. */
export interface Concordance {
  /** C_ij: count of cells strictly above-left plus strictly below-right of (i, j). */
  readonly C: Float64Array
  /** D_ij: count strictly above-right plus strictly below-left of (i, j). */
  readonly D: Float64Array
  /** P = Σ f_ij C_ij (twice the number of concordant pairs). */
  readonly P: number
  /** Q = Σ f_ij D_ij (twice the number of discordant pairs). */
  readonly Q: number
  /** Dr = N² - Σ r_i² (twice the pairs not tied on the row variable). */
  readonly Dr: number
  /** Dc = N² - Σ c_j² (twice the pairs not tied on the column variable). */
  readonly Dc: number
  /** Σ f_ij (C_ij - D_ij)² - (P - Q)² / N, the null-variance core of every ASE0 (never negative). */
  readonly nullCore: number
}

/**
 * Computes C_ij and D_ij with four cumulative sweeps, one per quadrant, over a zero-padded (r+2)×(c+2) grid:
 * no cell pair is visited, so the cost is O(r·c) whatever N is.
 */
export const concordance = (m: Margins): Concordance => {
  const { rows: r, cols: c, counts } = m
  const w = c + 2
  const at = (i: number, j: number): number => (i + 1) * w + (j + 1) // padded index of cell (i, j)
  const f = (i: number, j: number): number => counts[i * c + j]
  const ul = new Float64Array((r + 2) * w) // Σ h<=i, k<=j
  const lr = new Float64Array((r + 2) * w) // Σ h>=i, k>=j
  const ur = new Float64Array((r + 2) * w) // Σ h<=i, k>=j
  const ll = new Float64Array((r + 2) * w) // Σ h>=i, k<=j
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) ul[at(i, j)] = f(i, j) + ul[at(i - 1, j)] + ul[at(i, j - 1)] - ul[at(i - 1, j - 1)]
    for (let j = c - 1; j >= 0; j--) ur[at(i, j)] = f(i, j) + ur[at(i - 1, j)] + ur[at(i, j + 1)] - ur[at(i - 1, j + 1)]
  }
  for (let i = r - 1; i >= 0; i--) {
    for (let j = c - 1; j >= 0; j--) lr[at(i, j)] = f(i, j) + lr[at(i + 1, j)] + lr[at(i, j + 1)] - lr[at(i + 1, j + 1)]
    for (let j = 0; j < c; j++) ll[at(i, j)] = f(i, j) + ll[at(i + 1, j)] + ll[at(i, j - 1)] - ll[at(i + 1, j - 1)]
  }
  const C = new Float64Array(r * c)
  const D = new Float64Array(r * c)
  let P = 0
  let Q = 0
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const k = i * c + j
      C[k] = ul[at(i - 1, j - 1)] + lr[at(i + 1, j + 1)]
      D[k] = ur[at(i - 1, j + 1)] + ll[at(i + 1, j - 1)]
      P += counts[k] * C[k]
      Q += counts[k] * D[k]
    }
  }
  let sr = 0
  let sc = 0
  for (let i = 0; i < r; i++) sr += m.rowTot[i] * m.rowTot[i]
  for (let j = 0; j < c; j++) sc += m.colTot[j] * m.colTot[j]
  let s2 = 0
  for (let k = 0; k < r * c; k++) {
    const d = C[k] - D[k]
    s2 += counts[k] * d * d
  }
  const core = s2 - ((P - Q) * (P - Q)) / m.n
  return { C, D, P, Q, Dr: m.n * m.n - sr, Dc: m.n * m.n - sc, nullCore: core <= s2 * 1e-13 ? 0 : core }
}

/** SPSS's ASE0 core: sqrt(Σ f (C - D)² - (P - Q)² / N); each measure scales it by its own denominator. */
export const nullRoot = (k: Concordance): number => Math.sqrt(k.nullCore)
