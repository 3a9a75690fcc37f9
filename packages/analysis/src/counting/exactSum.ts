/**
 * Exactly rounded sums of weights, so that every counting engine gives the same bits.
 *
 * Floating-point addition is not associative: summing the same weights in another order (one engine scans a
 * file in parallel, another in row order) can change the last bits of a weighted count. The counting port
 * therefore never adds weights one by one: an engine reports, per cell, each distinct weight with the number of
 * cases that carry it, and {@link exactWeightedSum} returns the real sum of `weight * count` over those pairs
 * rounded once to the nearest double (ties to even). That value depends only on the multiset of weights, so it
 * is the same whatever the engine, the order of the rows or the order of the pairs.
 *
 * Method: each product `w * n` is split exactly into two doubles (Dekker's TwoProduct with Veltkamp's
 * splitting; n < 2^53), and the products' parts are added with Shewchuk's non-overlapping partials and the
 * final correctly rounded step of Python's `math.fsum` (Shewchuk 1997, "Adaptive precision floating-point
 * arithmetic and fast robust geometric predicates", Discrete Comput. Geom. 18:305-363; CPython msum).
 */

const SPLITTER = 134217729 // 2^27 + 1

/** Veltkamp's split: x = hi + lo exactly, each with at most 26 significant bits. */
const split = (x: number): [number, number] => {
  const c = SPLITTER * x
  const hi = c - (c - x)
  return [hi, x - hi]
}

/** Dekker's TwoProduct: a * b = p + e exactly (no overflow assumed: |a * b| < 2^996). */
const twoProduct = (a: number, b: number): [number, number] => {
  const p = a * b
  const [ah, al] = split(a)
  const [bh, bl] = split(b)
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl
  return [p, e]
}

/** Adds x into Shewchuk's list of non-overlapping partials (increasing magnitude). */
const addPartial = (partials: Array<number>, x: number): void => {
  let i = 0
  for (let j = 0; j < partials.length; j++) {
    let y = partials[j]
    if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x]
    const hi = x + y
    const lo = y - (hi - x)
    if (lo !== 0) partials[i++] = lo
    x = hi
  }
  partials.length = i
  partials.push(x)
}

/** The partials' exact sum rounded once to the nearest double (CPython's math.fsum final step). */
const roundPartials = (partials: Array<number>): number => {
  let n = partials.length
  if (n === 0) return 0
  let hi = partials[--n]
  let lo = 0
  while (n > 0) {
    const x = hi
    const y = partials[--n]
    hi = x + y
    const yr = hi - x
    lo = y - yr
    if (lo !== 0) break
  }
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2
    const x = hi + y
    const yr = x - hi
    if (y === yr) hi = x
  }
  return hi
}

/**
 * The exactly rounded sum of `values` (any order gives the same double), like Python's `math.fsum`.
 *
 * @example
 * exactSum([0.1, 0.2, 0.3]) // 0.6 (plain left-to-right addition gives 0.6000000000000001)
 */
export const exactSum = (values: Iterable<number>): number => {
  const partials: Array<number> = []
  for (const v of values) addPartial(partials, v)
  return roundPartials(partials)
}

/**
 * The exactly rounded sum of `weight * count` over (weight, count) pairs: the weighted count of a cell whose
 * cases carry `count` copies of each `weight`. Counts must be integers below 2^53, weights finite.
 *
 * @example
 * exactWeightedSum([[0.1, 3], [0.2, 1]]) // 0.5
 */
export const exactWeightedSum = (pairs: Iterable<readonly [number, number]>): number => {
  const partials: Array<number> = []
  for (const [w, n] of pairs) {
    if (n === 0 || w === 0) continue
    const [p, e] = twoProduct(w, n)
    addPartial(partials, p)
    if (e !== 0) addPartial(partials, e)
  }
  return roundPartials(partials)
}
