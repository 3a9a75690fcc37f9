/**
 * Sorted lists of the future path lengths of a network node, with scaled suffix sums, so that the mass of all
 * completions long enough to qualify can be read off by a search (see network.ts).
 */

/** Lengths closer than this (ln units) are one value: a relative error of at most 1e-9 in one term. */
export const MERGE_TOL = 1e-11

/** Future lengths of one node: sorted, merged, with suffix sums of exp(−f) kept in scaled form. */
export interface FutureList {
  /** distinct future lengths, ascending */
  readonly f: Float64Array
  /** h[i] = Σ_{j>=i} count_j exp(f_i − f_j), in [count_i, Σ count] */
  readonly h: Float64Array
  /** g[i] = h[i] exp(f_0 − f_i), when f_last − f_0 < span (no underflow); lets callers skip an exp */
  readonly g: Float64Array | undefined
}

/**
 * Builds a FutureList from unsorted lengths (each counted once); sorts and overwrites `values`.
 *
 * Method: sort, merge lengths closer than MERGE_TOL into one entry with a count, then the scaled suffix
 * sums backwards, h[i] = count_i + exp(f_i − f_{i+1}) h[i+1], which never overflow (all factors <= 1).
 *
 * @example
 * listFrom(Float64Array.of(2, 1, 1, 3), 300)
 * // { f: [1, 2, 3], h: [2 + e^-1 (1 + e^-1), 1 + e^-1, 1] = [2.503..., 1.367..., 1], g: [...] }
 */
export const listFrom = (values: Float64Array, span: number): FutureList => {
  values.sort()
  const n = values.length
  // merge near-equal lengths in place (values[0..m) distinct, counts in h), then the suffix sums in place:
  // h[i] still holds count_i when it is overwritten (profiled: allocations here fed a tenth of the GC)
  const h = new Float64Array(n)
  let m = 0
  for (let i = 0; i < n; i++) {
    if (m > 0 && values[i] - values[m - 1] <= MERGE_TOL) h[m - 1]++
    else {
      values[m] = values[i]
      h[m++] = 1
    }
  }
  const f = values.slice(0, m)
  for (let i = m - 2; i >= 0; i--) h[i] += Math.exp(f[i] - f[i + 1]) * h[i + 1]
  let g: Float64Array | undefined
  if (f[m - 1] - f[0] < span) {
    g = new Float64Array(m)
    for (let i = 0; i < m; i++) g[i] = h[i] * Math.exp(f[0] - f[i])
  }
  return { f, h: m === n ? h : h.slice(0, m), g }
}

/**
 * First index i in [from, to) with a[i] >= t (`to` when there is none), by bisection; `a` ascending.
 *
 * @example
 * lowerBound(Float64Array.of(1, 2, 2, 5), 2, 0, 4) // 1
 */
export const lowerBound = (a: Float64Array, t: number, from: number, to: number): number => {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid] < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Σ_{i in [from, to)} pw_i Σ_{f in list, ps_i + a + f >= thr} exp(sObs − ps_i − a − f).
 *
 * `ps` is ascending, so the threshold thr − ps_i − a falls with i and the search gallops leftwards from the
 * previous answer. When `scaled` is given (scaled[i − ref] = pw_i exp(ps_ref − ps_i), span-checked by the
 * caller) and the list has `g`, each term costs two multiplications instead of an exponential.
 *
 * @example
 * // one past of length 0 and weight 1 against futures {1, 1, 2, 3}, threshold 1.5: the futures 2 and 3
 * settleBatch(
 *   listFrom(Float64Array.of(2, 1, 1, 3), 300),
 *   Float64Array.of(0),
 *   Float64Array.of(1),
 *   0,
 *   1,
 *   0,
 *   0,
 *   1.5,
 *   undefined,
 *   0
 * )
 * // e^-2 + e^-3 = 0.1851...
 */
export const settleBatch = (
  list: FutureList,
  ps: Float64Array,
  pw: Float64Array,
  from: number,
  to: number,
  a: number,
  sObs: number,
  thr: number,
  scaled: Float64Array | undefined,
  ref: number
): number => {
  const { f, h, g } = list
  const n = f.length
  const factor = g !== undefined && scaled !== undefined ? Math.exp(sObs - ps[ref] - a - f[0]) : 0
  let sum = 0
  let j = n
  for (let i = from; i < to; i++) {
    const t = thr - ps[i] - a
    if (j > 0 && f[j - 1] >= t) {
      // gallop: find the first index with f >= t, known to be < j
      let hiJ = j - 1
      let step = 1
      let loJ = hiJ - 1
      while (loJ >= 0 && f[loJ] >= t) {
        hiJ = loJ
        step <<= 1
        loJ = hiJ - step
      }
      j = lowerBound(f, t, loJ < 0 ? 0 : loJ + 1, hiJ)
    }
    if (j === n) continue
    if (factor !== 0) sum += scaled![i - ref] * factor * g![j]
    else sum += pw[i] * Math.exp(sObs - ps[i] - a - f[j]) * h[j]
  }
  return sum
}
