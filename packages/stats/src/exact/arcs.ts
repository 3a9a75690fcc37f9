/**
 * Building blocks of the network algorithm (see network.ts): enumerating the columns that can follow a node,
 * keying nodes by their sorted remaining row totals, and cheap bounds on the best and worst completion.
 *
 * Notation: a node holds k remaining row totals R (sorted descending) and the columns still to fill; a table
 * with cells x has the path length S = Σ ln x_ij!, so P(table) = exp(K − S) with K fixed by the margins.
 */

/**
 * Calls `visit(x, a)` for every column vector x with Σ x_i = c and 0 <= x_i <= rows[i] (rows of length k),
 * where a = Σ ln x_i! is the arc's length in the network of Mehta & Patel (1983,
 * doi:10.1080/01621459.1983.10477990).
 *
 * Method: depth-first over the rows, x_i from its largest to its smallest feasible value, where feasible
 * means max(0, left − Σ_{j>i} rows[j]) <= x_i <= min(rows[i], left); no partial vector is a dead end.
 * `x` is reused between calls (copy it to keep it).
 *
 * @returns the number of vectors visited
 * @example
 * forEachColumn(Int32Array.of(2, 1), 2, logFactorialTable(10), new Int32Array(2), (x, a) => console.log(x, a))
 * // [2, 0] 0.693..., then [1, 1] 0
 */
export const forEachColumn = (
  rows: Int32Array,
  c: number,
  lf: Float64Array,
  x: Int32Array,
  visit: (x: Int32Array, a: number) => void
): number => {
  const k = rows.length
  const capAfter = new Int32Array(k + 1) // Σ rows[j] for j >= i
  for (let i = k - 1; i >= 0; i--) capAfter[i] = capAfter[i + 1] + rows[i]
  if (capAfter[0] < c) return 0
  const rem = new Int32Array(k + 1) // what is left to place in rows i..k-1
  const acc = new Float64Array(k + 1) // Σ ln x_j! for j < i
  let count = 0
  let i = 0
  rem[0] = c
  // x[i] runs downwards from its largest feasible value to its smallest
  x[0] = Math.min(rows[0], c)
  for (;;) {
    if (i === k - 1) {
      // the last row takes what is left (feasible by construction)
      x[i] = rem[i]
      visit(x, acc[i] + lf[rem[i]])
      count++
      i--
      if (i < 0) return count
      x[i]--
    } else {
      const lo = Math.max(0, rem[i] - capAfter[i + 1])
      if (x[i] < lo) {
        i--
        if (i < 0) return count
        x[i]--
        continue
      }
      acc[i + 1] = acc[i] + lf[x[i]]
      rem[i + 1] = rem[i] - x[i]
      i++
      x[i] = Math.min(rows[i], rem[i])
    }
  }
}

/**
 * Writes rows − x into `out`, sorted descending: the child node's key rows. Insertion sort (k is small).
 *
 * @example
 * childRows(Int32Array.of(5, 4, 1), Int32Array.of(3, 0, 1), out) // out = [4, 2, 0]
 */
export const childRows = (rows: Int32Array, x: Int32Array, out: Int32Array): void => {
  const k = rows.length
  for (let i = 0; i < k; i++) {
    const v = rows[i] - x[i]
    let j = i - 1
    while (j >= 0 && out[j] < v) {
      out[j + 1] = out[j]
      j--
    }
    out[j + 1] = v
  }
}

/**
 * Node keys from sorted rows: Σ rows[i] base^(k−2−i) over the first k − 1 rows (the last is implied by the
 * stage's total) when that stays below 2^52, so it is an exact number; otherwise the rows joined as a string.
 *
 * @example
 * makeKeyer(3, 11)(Int32Array.of(5, 3, 2)) // 58 = 5·11 + 3
 */
export const makeKeyer = (k: number, base: number): (rows: Int32Array) => number | string => {
  if ((k - 1) * Math.log2(base) < 52) {
    return (rows) => {
      let key = 0
      for (let i = 0; i < k - 1; i++) key = key * base + rows[i]
      return key
    }
  }
  return (rows) => rows.join(",")
}

/**
 * Smallest Σ ln x_i! over x with Σ x_i = total and 0 <= x_i <= caps[i]: as even a split as the caps allow
 * (ln x! is convex and Σ ln x_i! Schur-convex, and the most even feasible vector is majorized by every other
 * one; Marshall, Olkin & Arnold 2011, doi:10.1007/978-0-387-68276-1, ch. 3). Caps below the running
 * average are filled, the rest share what is left as q or q + 1. `capsAsc` must be sorted ascending.
 *
 * @example
 * minSpread(7, [1, 3, 5], logFactorialTable(10)) // ln 1! + ln 3! + ln 3! = 3.5835...
 */
export const minSpread = (total: number, capsAsc: ArrayLike<number>, lf: Float64Array): number => {
  let rem = total
  let s = 0
  const n = capsAsc.length
  for (let i = 0; i < n; i++) {
    const left = n - i
    const q = Math.floor(rem / left)
    if (capsAsc[i] <= q) {
      s += lf[capsAsc[i]]
      rem -= capsAsc[i]
    } else {
      const r = rem - q * left
      return s + (r > 0 ? r * lf[q + 1] : 0) + (left - r) * lf[q]
    }
  }
  return s
}

/**
 * Largest Σ ln x_i! over the same set: fill the largest caps first (that vector majorizes every feasible one,
 * and Σ ln x_i! is Schur-convex; same reference as minSpread). `capsDesc` must be sorted descending.
 *
 * @example
 * maxConcentrate(7, [5, 3, 1], logFactorialTable(10)) // ln 5! + ln 2! = 5.4806...
 */
export const maxConcentrate = (total: number, capsDesc: ArrayLike<number>, lf: Float64Array): number => {
  let rem = total
  let s = 0
  for (let i = 0; i < capsDesc.length && rem > 0; i++) {
    const x = Math.min(rem, capsDesc[i])
    s += lf[x]
    rem -= x
  }
  return s
}

/**
 * Bounds [lb, ub] on S_future = Σ ln x_ij! over all completions of a node: rows R (descending) and the
 * remaining column totals (`colsAsc` / `colsDesc`, the same totals sorted both ways).
 *
 * Method: dropping the row constraints, each column is split independently (minSpread / maxConcentrate with
 * the rows as caps); dropping the column constraints, each row is; a relaxation can only widen the range, so
 * lb = max of the two minima and ub = min of the two maxima are valid (Mehta & Patel 1983 use such bounds
 * for the shortest and longest path, doi:10.1080/01621459.1983.10477990). `rowsAsc` is scratch of length k.
 *
 * @example
 * futureBounds(Int32Array.of(4, 2), Int32Array.of(3, 3), Int32Array.of(3, 3), logFactorialTable(10), new Int32Array(2))
 * // { lb: 1.386... (ln 2!·2), ub: 2.484... (ln 3! + ln 2!) }
 */
export const futureBounds = (
  rows: Int32Array,
  colsAsc: Int32Array,
  colsDesc: Int32Array,
  lf: Float64Array,
  rowsAsc: Int32Array
): { lb: number; ub: number } => {
  const k = rows.length
  for (let i = 0; i < k; i++) rowsAsc[i] = rows[k - 1 - i]
  let minByCols = 0
  let maxByCols = 0
  for (let j = 0; j < colsAsc.length; j++) {
    minByCols += minSpread(colsAsc[j], rowsAsc, lf)
    maxByCols += maxConcentrate(colsAsc[j], rows, lf)
  }
  let minByRows = 0
  let maxByRows = 0
  for (let i = 0; i < k; i++) {
    minByRows += minSpread(rows[i], colsAsc, lf)
    maxByRows += maxConcentrate(rows[i], colsDesc, lf)
  }
  return { lb: Math.max(minByCols, minByRows), ub: Math.min(maxByCols, maxByRows) }
}

/**
 * Exact [min, max] of the future length of a node with two columns left: Σ_i ln x_i! + ln (R_i − x_i)! over
 * Σ x_i = c, 0 <= x_i <= R_i.
 *
 * Method: the objective is separable and convex, so the minimum is the allocation that no single-unit
 * exchange improves (greedy marginal allocation, Ibaraki & Katoh 1988 "Resource allocation problems", MIT
 * Press, ch. 4), reached from the proportional split in a few exchanges; the maximum of a convex function
 * is at a vertex of the polytope, where every x_i is 0 or R_i except one (2^k subsets of rows).
 *
 * @example
 * leafBounds(Int32Array.of(4, 2), 3, logFactorialTable(10)) // { lb: 1.386..., ub: 2.484... }
 */
export const leafBounds = (rows: Int32Array, c: number, lf: Float64Array): { lb: number; ub: number } => {
  const k = rows.length
  let total = 0
  for (let i = 0; i < k; i++) total += rows[i]
  const x = new Int32Array(k)
  let placed = 0
  for (let i = 0; i < k; i++) {
    x[i] = total > 0 ? Math.floor((rows[i] * c) / total) : 0
    placed += x[i]
  }
  // cost of one more unit in row i, and of one unit less
  const up = (i: number): number => (x[i] < rows[i] ? Math.log((x[i] + 1) / (rows[i] - x[i])) : Infinity)
  const down = (i: number): number => (x[i] > 0 ? Math.log((rows[i] - x[i] + 1) / x[i]) : Infinity)
  for (; placed < c; placed++) {
    let best = 0
    for (let i = 1; i < k; i++) if (up(i) < up(best)) best = i
    x[best]++
  }
  for (let guard = 0; guard < 4 * total + 4; guard++) {
    let bi = 0
    let bj = 0
    for (let i = 1; i < k; i++) {
      if (up(i) < up(bi)) bi = i
      if (down(i) < down(bj)) bj = i
    }
    if (bi === bj || up(bi) + down(bj) >= -1e-12) break
    x[bi]++
    x[bj]--
  }
  let lb = 0
  let lfAll = 0
  for (let i = 0; i < k; i++) {
    lb += lf[x[i]] + lf[rows[i] - x[i]]
    lfAll += lf[rows[i]]
  }
  let ub = -Infinity
  for (let mask = 0; mask < 1 << k; mask++) {
    let s = 0
    for (let i = 0; i < k; i++) if (mask & (1 << i)) s += rows[i]
    const rem = c - s
    if (rem < 0) continue
    if (rem === 0) {
      ub = lfAll
      break
    }
    for (let j = 0; j < k; j++) {
      if (mask & (1 << j) || rows[j] < rem) continue
      ub = Math.max(ub, lfAll - lf[rows[j]] + lf[rem] + lf[rows[j] - rem])
    }
  }
  return { lb, ub }
}
