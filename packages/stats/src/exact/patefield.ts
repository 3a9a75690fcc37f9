import type { RandomSource } from "./random.js"

const CACHE_SLOTS = 4096 // a power of two

/**
 * ln P(x = mode) for x hypergeometric: ia draws from ie items of which id are in the column, ic = ie − id:
 * ln [ia! (ie − ia)! id! ic! / (ie! mode! (id − mode)! (ia − mode)! (ie − ia − id + mode)!)].
 */
const modeLogProbability = (ia: number, id: number, ie: number, ic: number, mode: number, lf: Float64Array): number => {
  const ib = ie - ia
  return lf[ia] + lf[ib] + lf[ic] + lf[id] - lf[ie] - lf[mode] - lf[id - mode] - lf[ia - mode] - lf[ib - id + mode]
}

/**
 * A direct-mapped memo of P(x = mode) for the hypergeometric draws of Patefield's algorithm, keyed by
 * (ia, id, ie). Profiled: the exponential for the mode's probability was a third of a simulated table's cost,
 * and in a simulation the same few (row left, column left, block total) triples recur; a hit returns the very
 * value the exponential gave, so results do not depend on the cache.
 *
 * @example
 * const cache = new ModeProbabilityCache()
 * patefieldTable(rows, cols, lf, rng, out, colLeft, cache)
 */
export class ModeProbabilityCache {
  private readonly keys = new Int32Array(3 * CACHE_SLOTS).fill(-1)
  private readonly values = new Float64Array(CACHE_SLOTS)

  /** P(x = mode) = exp(modeLogProbability(...)), memoised by (ia, id, ie). */
  get(ia: number, id: number, ie: number, ic: number, mode: number, lf: Float64Array): number {
    const slot = (Math.imul(ia, 73856093) ^ Math.imul(id, 19349663) ^ Math.imul(ie, 83492791)) & (CACHE_SLOTS - 1)
    const k = 3 * slot
    const keys = this.keys
    if (keys[k] === ia && keys[k + 1] === id && keys[k + 2] === ie) return this.values[slot]
    const p = Math.exp(modeLogProbability(ia, id, ie, ic, mode, lf))
    keys[k] = ia
    keys[k + 1] = id
    keys[k + 2] = ie
    this.values[slot] = p
    return p
  }
}

/**
 * Draws one r x c table uniformly from the tables with the given margins under independence (i.e. with
 * probability Π r_i! Π c_j! / (n! Π x_ij!)), by Patefield's algorithm AS 159 (Patefield 1981,
 * doi:10.2307/2346669), the method of R's `r2dtable` and `fisher.test(simulate.p.value = TRUE)`.
 *
 * Method: cells are filled row by row, left to right. Given what is left of row l (ia), of column m (id) and
 * of the whole lower-right block (ie), x_lm is hypergeometric: ia draws from ie items of which id are in
 * column m, P(x) = C(id, x) C(ie − id, ia − x) / C(ie, ia). It is sampled by inversion starting at the
 * rounded mean and stepping up and down alternately with the ratio recurrences of the pmf, so a draw costs
 * O(standard deviation) steps. The last column and the last row follow from the margins.
 *
 * @param rows - row totals (length r)
 * @param cols - column totals (length c), with the same sum n as rows
 * @param lf - ln k! for k = 0..n
 * @param rng - the uniform source
 * @param out - receives the table, row-major (length r·c)
 * @param colLeft - scratch of length c
 * @param cache - optional memo of the mode probabilities, shared by the draws of one simulation
 * @example
 * const out = new Int32Array(4)
 * patefieldTable(
 *   Int32Array.of(3, 2),
 *   Int32Array.of(2, 3),
 *   logFactorialTable(5),
 *   xoshiro128ss(1),
 *   out,
 *   new Int32Array(2)
 * )
 * // out holds a 2 x 2 table with rows summing to 3, 2 and columns to 2, 3
 */
export const patefieldTable = (
  rows: Int32Array,
  cols: Int32Array,
  lf: Float64Array,
  rng: RandomSource,
  out: Int32Array,
  colLeft: Int32Array,
  cache?: ModeProbabilityCache
): void => {
  const r = rows.length
  const c = cols.length
  colLeft.set(cols)
  let blockTotal = 0 // total of rows l..r-1
  for (let i = 0; i < r; i++) blockTotal += rows[i]
  for (let l = 0; l < r - 1; l++) {
    let ia = rows[l]
    let ic = blockTotal // total of rows l.. over columns m..
    blockTotal -= rows[l]
    let m = 0
    for (; m < c - 1; m++) {
      const id = colLeft[m]
      const ie = ic
      ic -= id
      if (ia === 0 || ie === 0) break
      const ib = ie - ia
      const ii = ib - id // x >= −ii
      // a 32-bit uniform, as R's unif_rand() gives rcont2: one generator call per cell
      let u = (rng.nextUint32() + 0.5) * 2.3283064365386963e-10
      const hiX = ia < id ? ia : id
      const loX = ii < 0 ? -ii : 0
      const mode = Math.floor(ia * (id / ie) + 0.5)
      const pMode = cache === undefined
        ? Math.exp(modeLogProbability(ia, id, ie, ic, mode, lf))
        : cache.get(ia, id, ie, ic, mode, lf)
      let x = mode
      let cum = pMode
      // walk outwards from the mode, one step up then one step down, until the mass passes u
      while (cum < u) {
        let up = mode
        let down = mode
        let pUp = pMode
        let pDown = pMode
        let found = false
        while (up < hiX || down > loX) {
          if (up < hiX) {
            pUp *= ((id - up) * (ia - up)) / ((up + 1) * (ii + up + 1))
            up++
            cum += pUp
            if (cum >= u) {
              x = up
              found = true
              break
            }
          }
          if (down > loX) {
            pDown *= (down * (ii + down)) / ((id - down + 1) * (ia - down + 1))
            down--
            cum += pDown
            if (cum >= u) {
              x = down
              found = true
              break
            }
          }
        }
        if (found) break
        // the probabilities summed to slightly less than u by rounding: redraw within their total
        u = cum * rng.nextFloat()
        cum = pMode
        x = mode
      }
      out[l * c + m] = x
      ia -= x
      colLeft[m] -= x
    }
    for (let j = m; j < c - 1; j++) out[l * c + j] = 0
    out[l * c + c - 1] = ia
    colLeft[c - 1] -= ia
  }
  for (let j = 0; j < c; j++) out[(r - 1) * c + j] = colLeft[j]
}
