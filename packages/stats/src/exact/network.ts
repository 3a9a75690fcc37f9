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

/** A Neumaier-compensated running sum: the enumeration adds up to ~1e9 terms. */
class CompensatedSum {
  private acc = 0
  private comp = 0
  add(v: number): void {
    const t = this.acc + v
    this.comp += Math.abs(this.acc) >= Math.abs(v) ? this.acc - t + v : v - t + this.acc
    this.acc = t
  }
  get value(): number {
    return this.acc + this.comp
  }
}

/**
 * One run of the network algorithm: the stages of nodes, the running sum, the work and memory counters, and
 * the three steps (make a node with its bounds, expand a node's pasts along its arcs, settle pasts at a leaf).
 */
class Network {
  private readonly k: number
  private readonly m: number
  private readonly thr: number
  private readonly keyOf: (rows: Int32Array) => number | string
  private readonly lfCols: Float64Array // ln Π c_j! over the columns from each stage on
  private readonly colsAsc: Array<Int32Array>
  private readonly colsDesc: Array<Int32Array>
  private readonly scratch: Int32Array
  private readonly childBuf: Int32Array
  private readonly child: Int32Array
  private readonly xLeaf: Int32Array
  private readonly stages: Array<Map<number | string, Node>>
  private readonly arcA: Array<number> = []
  private readonly arcNode: Array<Node> = []
  readonly sum = new CompensatedSum()
  work = 0
  private listEntries = 0
  private livePasts = 0
  // the completions of one leaf, unsorted: a reused typed buffer (a JS array of doubles was grown and boxed)
  private leafValues = new Float64Array(1024)
  private leafCount = 0

  constructor(
    k: number,
    n: number,
    private readonly cols: Int32Array,
    private readonly sObs: number,
    private readonly lf: Float64Array,
    private readonly workLimit: number
  ) {
    this.k = k
    this.m = cols.length
    this.thr = sObs - TIE
    this.keyOf = makeKeyer(k, n + 1)
    this.lfCols = new Float64Array(this.m + 1)
    for (let j = this.m - 1; j >= 0; j--) this.lfCols[j] = this.lfCols[j + 1] + lf[cols[j]]
    this.colsAsc = Array.from({ length: this.m }, (_, j) => Int32Array.from(cols.subarray(j)).sort())
    this.colsDesc = this.colsAsc.map((c) => c.slice().reverse())
    this.scratch = new Int32Array(k)
    this.childBuf = new Int32Array(k)
    this.child = new Int32Array(k)
    this.xLeaf = new Int32Array(k)
    this.stages = Array.from({ length: this.m }, () => new Map())
  }

  /** The future lengths of a leaf, unsorted, into leafValues; returns their number. */
  private leafFutures(node: Node): number {
    const { k, lf } = this
    const r = node.rows
    this.leafCount = 0
    // the future is symmetric in the two columns left: enumerate the smaller one
    forEachColumn(r, Math.min(this.cols[this.m - 2], this.cols[this.m - 1]), lf, this.xLeaf, (xx, a) => {
      let b = a
      for (let i = 0; i < k; i++) b += lf[r[i] - xx[i]]
      if (this.leafCount === this.leafValues.length) {
        const grown = new Float64Array(2 * this.leafCount)
        grown.set(this.leafValues)
        this.leafValues = grown
      }
      this.leafValues[this.leafCount++] = b
    })
    this.work += this.leafCount
    return this.leafCount
  }

  /** The node of `stage` with remaining row totals r (sorted), made with its future bounds on first use. */
  node(stage: number, r: Int32Array, total: number): Node {
    const key = this.keyOf(r)
    let node = this.stages[stage].get(key)
    if (node !== undefined) return node
    const { k, lf } = this
    let lfRows = 0
    for (let i = 0; i < k; i++) lfRows += lf[r[i]]
    const { lb, ub } = stage === this.m - 2 && k <= 12 // leafBounds visits 2^k row subsets
      ? leafBounds(r, this.cols[stage], lf)
      : futureBounds(r, this.colsAsc[stage], this.colsDesc[stage], lf, this.scratch)
    const logTot = lf[total] - lfRows - this.lfCols[stage]
    node = { rows: r.slice(), lb, ub, logTot, list: undefined, leafArcs: 0, pasts: undefined }
    this.stages[stage].set(key, node)
    return node
  }

  /** Settles pasts ps[from..to) + a at leaf `c`: directly while it is cheap, by its future list after. */
  settleLeaf(
    c: Node,
    ps: Float64Array,
    pw: Float64Array,
    from: number,
    to: number,
    a: number,
    scaled: Float64Array | undefined,
    ref: number
  ): void {
    const { sObs, thr } = this
    const worthAList = c.leafArcs > 16 * (to - from + 1) || to - from > 8
    if (c.list === undefined && worthAList && this.listEntries < LIST_ENTRY_CAP) {
      this.leafFutures(c)
      const list = listFrom(this.leafValues.subarray(0, this.leafCount), SPAN)
      c.list = list
      c.lb = list.f[0]
      c.ub = list.f[list.f.length - 1]
      this.listEntries += list.f.length
    }
    if (c.list !== undefined) {
      this.sum.add(settleBatch(c.list, ps, pw, from, to, a, sObs, thr, scaled, ref))
      this.work += to - from
      return
    }
    c.leafArcs += this.leafFutures(c)
    const values = this.leafValues
    let sum = 0
    for (let v = 0; v < this.leafCount; v++) {
      const f = values[v]
      if (scaled !== undefined) {
        // scaled[i − ref] = pw_i exp(ps_ref − ps_i): one exponential per completion instead of per pair
        let w = 0
        for (let i = to - 1; i >= from && ps[i] + a + f >= thr; i--) w += scaled[i - ref]
        if (w > 0) sum += w * Math.exp(sObs - ps[ref] - a - f)
      } else {
        for (let i = to - 1; i >= from && ps[i] + a + f >= thr; i--) sum += pw[i] * Math.exp(sObs - ps[i] - a - f)
      }
    }
    this.sum.add(sum)
    this.work += (to - from) * this.leafCount
  }

  /**
   * Moves the pasts of a node before the leaves on: those that qualify with every completion are added in
   * closed form, those that cannot qualify are dropped, and the rest go along every arc, settled in blocks by
   * each child's bounds, at a leaf directly, otherwise queued at the child.
   */
  expand(stage: number, node: Node, ps: Float64Array, pw: Float64Array, q: number, childTotal: number): void {
    const { sObs, thr, arcA, arcNode } = this
    // pasts below `lo` cannot reach thr; pasts from `hi` on qualify with every completion
    const lo = lowerBound(ps, thr - node.ub, 0, q)
    const hi = Math.max(lo, lowerBound(ps, thr - node.lb, 0, q))
    for (let i = hi; i < q; i++) this.sum.add(pw[i] * Math.exp(sObs - ps[i] + node.logTot))
    if (lo === hi) return
    // suffix sums of the undecided pasts, scaled at each entry: e[i] = Σ_{j>=i} w_j exp(s_i − s_j)
    const e = new Float64Array(hi - lo)
    e[hi - lo - 1] = pw[hi - 1]
    for (let i = hi - 2; i >= lo; i--) e[i - lo] = pw[i] + Math.exp(ps[i] - ps[i + 1]) * e[i + 1 - lo]
    // pw_i exp(s_lo − s_i): saves one exponential per (past, arc) pair when the span allows it
    const scaled = ps[hi - 1] - ps[lo] < SPAN ? new Float64Array(hi - lo) : undefined
    if (scaled !== undefined) { for (let i = lo; i < hi; i++) scaled[i - lo] = pw[i] * Math.exp(ps[lo] - ps[i]) }
    arcA.length = 0
    arcNode.length = 0
    forEachColumn(node.rows, this.cols[stage], this.lf, this.child, (xx, a) => {
      childRows(node.rows, xx, this.childBuf)
      arcNode.push(this.node(stage + 1, this.childBuf, childTotal))
      arcA.push(a)
    })
    for (let t = 0; t < arcA.length; t++) {
      const a = arcA[t]
      const c = arcNode[t]
      // the child's futures lie in [c.lb, c.ub]: settle the blocks above and below at once
      const cLo = lowerBound(ps, thr - a - c.ub, lo, hi)
      const cHi = Math.max(cLo, lowerBound(ps, thr - a - c.lb, lo, hi))
      if (cHi < hi) this.sum.add(e[cHi - lo] * Math.exp(sObs - ps[cHi] - a + c.logTot))
      this.work += ARC_WORK
      if (cLo === cHi) continue
      if (stage + 1 === this.m - 2) this.settleLeaf(c, ps, pw, cLo, cHi, a, scaled, lo)
      else {
        if (c.pasts === undefined) c.pasts = new PastBuffer()
        c.pasts.addRun(ps, pw, cLo, cHi, a)
        this.livePasts += cHi - cLo
        this.work += cHi - cLo
      }
      if (this.work > this.workLimit || this.livePasts > LIVE_PAST_CAP) throw new WorkLimitReached()
    }
  }

  /** Runs the stages in order from the root (all row totals, one past of length 0), settling as it goes. */
  run(rows: Int32Array, n: number): void {
    const root = this.node(0, rows.slice().sort().reverse(), n)
    root.pasts = new PastBuffer()
    root.pasts.addRun(Float64Array.of(0), Float64Array.of(1), 0, 1, 0)
    let remaining = n
    for (let stage = 0; stage < this.m - 1; stage++) {
      const childTotal = remaining - this.cols[stage]
      for (const node of this.stages[stage].values()) {
        if (node.pasts === undefined) continue
        this.work += node.pasts.size
        this.livePasts -= node.pasts.size
        const { ps, pw, count: q } = node.pasts.take()
        node.pasts = undefined
        if (stage === this.m - 2) this.settleLeaf(node, ps, pw, 0, q, 0, undefined, 0)
        else this.expand(stage, node, ps, pw, q, childTotal)
      }
      if (stage > 0) {
        for (const node of this.stages[stage].values()) {
          if (node.list !== undefined) this.listEntries -= node.list.f.length
        }
      }
      this.stages[stage].clear()
      remaining = childTotal
    }
  }
}

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
  const n = rows.reduce((a, b) => a + b, 0)
  const network = new Network(rows.length, n, cols, sObs, lf, workLimit)
  network.run(rows, n)
  return { sum: network.sum.value, work: network.work }
}
