import { childRows, forEachColumn, futureBounds, leafBounds, makeKeyer } from "./arcs.js"
import { type FutureList, listFrom, lowerBound, settleBatch } from "./futureList.js"
import { PastBuffer } from "./pastBuffer.js"

/**
 * Exact Fisher–Freeman–Halton p-value by a network algorithm (Mehta & Patel 1983,
 * doi:10.1080/01621459.1983.10477990), the engine behind `fisherFreemanHalton`.
 *
 * Tables are built column by column (the caller passes the larger dimension as columns, in a chosen order).
 * After j columns only the multiset of remaining row totals matters for the rest, so partial tables are
 * merged into nodes keyed by those totals, sorted. A partial table carries its "past" length
 * s = Σ ln x_ij! over the filled columns; pasts of equal length are merged with a multiplicity. For a past at
 * a node whose future lengths lie in [lb, ub]: every completion qualifies when s + lb >= thr (their total mass
 * is known in closed form), none does when s + ub < thr, and otherwise the past moves on along every arc.
 * Nodes with two columns left ("leaves") are settled directly: each arc fixes the last column, so its
 * future length is known; a leaf that is asked often builds the sorted list of its future lengths once
 * and answers by search (futureList.ts). This replaces the last two stages of the classic algorithm.
 *
 * thr = S_obs − ln(1 + 1e-7): a table qualifies when P <= P_obs (1 + 1e-7), R's relative tie tolerance.
 * Sums are kept relative to P_obs (each qualifying table adds at most ~1), so nothing overflows.
 */

const TIE = Math.log1p(1e-7)
const SPAN = 300 // ln-ranges over which products of pre-scaled exponentials stay finite
const LIST_ENTRY_CAP = 4_000_000 // future-list entries alive at once (memory bound, ~100 MB)
const LIVE_PAST_CAP = 20_000_000 // pasts waiting at nodes at once (memory bound, ~350 MB): past it, give up
const ARC_WORK = 4 // an arc (enumeration, node lookup, bounds) costs about four settled pairs

interface Node {
  readonly rows: Int32Array
  lb: number
  ub: number
  readonly logTot: number // ln Σ_completions exp(−S_future)
  list: FutureList | undefined
  leafArcs: number // leaves: arcs enumerated by direct settling so far
  pasts: PastBuffer | undefined
}

/** Thrown inside the enumeration when the work limit (or the memory bound) is reached. */
export class WorkLimitReached extends Error {}

/**
 * Σ over tables T with the margins and P(T) <= P_obs (1 + 1e-7) of P(T) / P_obs, and the work done.
 *
 * @param rows - row totals of the key dimension (the smaller one), any order
 * @param cols - column totals in stage order (at least 2 columns)
 * @param sObs - Σ ln x_ij! of the observed table
 * @param lf - ln k! for k = 0..N
 * @param workLimit - throws WorkLimitReached once more elementary steps than this have been done (or when
 *   the partial tables waiting at nodes would take more than ~350 MB)
 * @example
 * // 2 x 3 table [[1, 1, 1], [1, 1, 1]]: S_obs = 0, the most probable table, so every table qualifies and
 * // the sum is 1 / P_obs = 2.5
 * networkRatioSum(Int32Array.of(3, 3), Int32Array.of(2, 2, 2), 0, logFactorialTable(6), Infinity)
 * // { sum: 2.5000000000000013, work: 1 }
 */
export const networkRatioSum = (
  rows: Int32Array,
  cols: Int32Array,
  sObs: number,
  lf: Float64Array,
  workLimit: number
): { sum: number; work: number } => {
  const k = rows.length
  const m = cols.length
  const thr = sObs - TIE
  const n = rows.reduce((a, b) => a + b, 0)
  const keyOf = makeKeyer(k, n + 1)
  let work = 0
  // Neumaier-compensated running sum: up to ~1e9 terms are added
  let acc = 0
  let accComp = 0
  const add = (v: number): void => {
    const t = acc + v
    accComp += Math.abs(acc) >= Math.abs(v) ? acc - t + v : v - t + acc
    acc = t
  }
  let listEntries = 0
  let livePasts = 0
  const lfCols = new Float64Array(m + 1) // ln Π c_j! over the columns from each stage on
  for (let j = m - 1; j >= 0; j--) lfCols[j] = lfCols[j + 1] + lf[cols[j]]
  const colsAsc = Array.from({ length: m }, (_, j) => Int32Array.from(cols.subarray(j)).sort())
  const colsDesc = colsAsc.map((c) => c.slice().reverse())
  const scratch = new Int32Array(k)
  const childBuf = new Int32Array(k)
  const xLeaf = new Int32Array(k)
  const stages: Array<Map<number | string, Node>> = Array.from({ length: m }, () => new Map())
  // the completions of one leaf, unsorted: a reused typed buffer (a JS array of doubles was grown and boxed)
  let leafValues = new Float64Array(1024)
  let leafCount = 0

  /** The future lengths of a leaf, unsorted, into leafValues. */
  const leafFutures = (node: Node): number => {
    const r = node.rows
    leafCount = 0
    // the future is symmetric in the two columns left: enumerate the smaller one
    forEachColumn(r, Math.min(cols[m - 2], cols[m - 1]), lf, xLeaf, (xx, a) => {
      let b = a
      for (let i = 0; i < k; i++) b += lf[r[i] - xx[i]]
      if (leafCount === leafValues.length) {
        const grown = new Float64Array(2 * leafCount)
        grown.set(leafValues)
        leafValues = grown
      }
      leafValues[leafCount++] = b
    })
    work += leafCount
    return leafCount
  }

  const getNode = (stage: number, r: Int32Array, total: number): Node => {
    const key = keyOf(r)
    let node = stages[stage].get(key)
    if (node !== undefined) return node
    let lfRows = 0
    for (let i = 0; i < k; i++) lfRows += lf[r[i]]
    const { lb, ub } =
      stage === m - 2 && k <= 12 // leafBounds visits 2^k row subsets
        ? leafBounds(r, cols[stage], lf)
        : futureBounds(r, colsAsc[stage], colsDesc[stage], lf, scratch)
    const logTot = lf[total] - lfRows - lfCols[stage]
    node = { rows: r.slice(), lb, ub, logTot, list: undefined, leafArcs: 0, pasts: undefined }
    stages[stage].set(key, node)
    return node
  }

  /** Settles pasts ps[from..to) + a at leaf `c`: directly while it is cheap, by its future list after. */
  const settleLeaf = (
    c: Node,
    ps: Float64Array,
    pw: Float64Array,
    from: number,
    to: number,
    a: number,
    scaled: Float64Array | undefined,
    ref: number
  ): void => {
    if (c.list === undefined && (c.leafArcs > 16 * (to - from + 1) || to - from > 8) && listEntries < LIST_ENTRY_CAP) {
      leafFutures(c)
      const list = listFrom(leafValues.subarray(0, leafCount), SPAN)
      c.list = list
      c.lb = list.f[0]
      c.ub = list.f[list.f.length - 1]
      listEntries += list.f.length
    }
    if (c.list !== undefined) {
      add(settleBatch(c.list, ps, pw, from, to, a, sObs, thr, scaled, ref))
      work += to - from
      return
    }
    c.leafArcs += leafFutures(c)
    let sum = 0
    for (let v = 0; v < leafCount; v++) {
      const f = leafValues[v]
      if (scaled !== undefined) {
        // scaled[i − ref] = pw_i exp(ps_ref − ps_i): one exponential per completion instead of per pair
        let w = 0
        for (let i = to - 1; i >= from && ps[i] + a + f >= thr; i--) w += scaled[i - ref]
        if (w > 0) sum += w * Math.exp(sObs - ps[ref] - a - f)
      } else {
        for (let i = to - 1; i >= from && ps[i] + a + f >= thr; i--) sum += pw[i] * Math.exp(sObs - ps[i] - a - f)
      }
    }
    add(sum)
    work += (to - from) * leafCount
  }

  const root = getNode(0, rows.slice().sort().reverse(), n)
  root.pasts = new PastBuffer()
  root.pasts.addRun(Float64Array.of(0), Float64Array.of(1), 0, 1, 0)
  const child = new Int32Array(k)
  const arcA: Array<number> = []
  const arcNode: Array<Node> = []
  let remaining = n

  for (let stage = 0; stage < m - 1; stage++) {
    const childTotal = remaining - cols[stage]
    for (const node of stages[stage].values()) {
      if (node.pasts === undefined) continue
      work += node.pasts.size
      livePasts -= node.pasts.size
      const { ps, pw, count: q } = node.pasts.take()
      node.pasts = undefined
      if (stage === m - 2) {
        settleLeaf(node, ps, pw, 0, q, 0, undefined, 0)
        continue
      }
      // pasts below `lo` cannot reach thr; pasts from `hi` on qualify with every completion
      const lo = lowerBound(ps, thr - node.ub, 0, q)
      const hi = Math.max(lo, lowerBound(ps, thr - node.lb, 0, q))
      for (let i = hi; i < q; i++) add(pw[i] * Math.exp(sObs - ps[i] + node.logTot))
      if (lo === hi) continue
      // suffix sums of the undecided pasts, scaled at each entry: e[i] = Σ_{j>=i} w_j exp(s_i − s_j)
      const e = new Float64Array(hi - lo)
      e[hi - lo - 1] = pw[hi - 1]
      for (let i = hi - 2; i >= lo; i--) e[i - lo] = pw[i] + Math.exp(ps[i] - ps[i + 1]) * e[i + 1 - lo]
      // pw_i exp(s_lo − s_i): saves one exponential per (past, arc) pair when the span allows it
      const scaled = ps[hi - 1] - ps[lo] < SPAN ? new Float64Array(hi - lo) : undefined
      if (scaled !== undefined) for (let i = lo; i < hi; i++) scaled[i - lo] = pw[i] * Math.exp(ps[lo] - ps[i])
      arcA.length = 0
      arcNode.length = 0
      forEachColumn(node.rows, cols[stage], lf, child, (xx, a) => {
        childRows(node.rows, xx, childBuf)
        arcNode.push(getNode(stage + 1, childBuf, childTotal))
        arcA.push(a)
      })
      for (let t = 0; t < arcA.length; t++) {
        const a = arcA[t]
        const c = arcNode[t]
        // the child's futures lie in [c.lb, c.ub]: settle the blocks above and below at once
        const cLo = lowerBound(ps, thr - a - c.ub, lo, hi)
        const cHi = Math.max(cLo, lowerBound(ps, thr - a - c.lb, lo, hi))
        if (cHi < hi) add(e[cHi - lo] * Math.exp(sObs - ps[cHi] - a + c.logTot))
        work += ARC_WORK
        if (cLo === cHi) continue
        if (stage + 1 === m - 2) settleLeaf(c, ps, pw, cLo, cHi, a, scaled, lo)
        else {
          if (c.pasts === undefined) c.pasts = new PastBuffer()
          c.pasts.addRun(ps, pw, cLo, cHi, a)
          livePasts += cHi - cLo
          work += cHi - cLo
        }
        if (work > workLimit || livePasts > LIVE_PAST_CAP) throw new WorkLimitReached()
      }
    }
    if (stage > 0) {
      for (const node of stages[stage].values()) if (node.list !== undefined) listEntries -= node.list.f.length
    }
    stages[stage].clear()
    remaining = childTotal
  }
  return { sum: acc + accComp, work }
}
