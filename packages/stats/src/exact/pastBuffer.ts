import { MERGE_TOL } from "./futureList.js"

/**
 * The pasts (length s, multiplicity w) waiting at one network node. They arrive as sorted runs (a parent's
 * sorted pasts shifted by one arc length), so `take` sorts them by merging runs bottom-up, O(n log runs),
 * and merges lengths closer than MERGE_TOL.
 *
 * @example
 * const b = new PastBuffer()
 * b.addRun(Float64Array.of(1, 3), Float64Array.of(1, 1), 0, 2, 0)
 * b.addRun(Float64Array.of(0, 2), Float64Array.of(5, 5), 0, 2, 1) // shifted: 1, 3
 * b.take() // ps [1, 3], pw [6, 6], count 2
 */
export class PastBuffer {
  private s = new Float64Array(8)
  private w = new Float64Array(8)
  private len = 0
  private runs: Array<number> = []

  /** Number of pasts appended since the last `take`. */
  get size(): number {
    return this.len
  }

  /** Appends the run s_i + shift, w_i for i in [from, to); `src` must be ascending there. */
  addRun(src: Float64Array, weights: Float64Array, from: number, to: number, shift: number): void {
    const count = to - from
    if (count <= 0) return
    if (this.len + count > this.s.length) {
      let cap = this.s.length * 2
      while (cap < this.len + count) cap *= 2
      const s = new Float64Array(cap)
      const w = new Float64Array(cap)
      s.set(this.s.subarray(0, this.len))
      w.set(this.w.subarray(0, this.len))
      this.s = s
      this.w = w
    }
    this.runs.push(this.len)
    for (let i = from, j = this.len; i < to; i++, j++) {
      this.s[j] = src[i] + shift
      this.w[j] = weights[i]
    }
    this.len += count
  }

  /** The pasts sorted ascending with near-equal lengths merged; empties the buffer. */
  take(): { ps: Float64Array; pw: Float64Array; count: number } {
    let s = this.s
    let w = this.w
    const n = this.len
    let bounds = [...this.runs, n]
    let ts = new Float64Array(n)
    let tw = new Float64Array(n)
    while (bounds.length > 2) {
      const next: Array<number> = [0]
      for (let r = 0; r + 1 < bounds.length; r += 2) {
        const a0 = bounds[r]
        const a1 = bounds[r + 1]
        const b1 = r + 2 < bounds.length ? bounds[r + 2] : a1
        let i = a0
        let j = a1
        let o = a0
        while (i < a1 && j < b1) {
          if (s[i] <= s[j]) {
            ts[o] = s[i]
            tw[o++] = w[i++]
          } else {
            ts[o] = s[j]
            tw[o++] = w[j++]
          }
        }
        while (i < a1) {
          ts[o] = s[i]
          tw[o++] = w[i++]
        }
        while (j < b1) {
          ts[o] = s[j]
          tw[o++] = w[j++]
        }
        next.push(b1)
      }
      bounds = next
      const xs = s
      const xw = w
      s = ts
      w = tw
      ts = xs
      tw = xw
    }
    let q = 0
    for (let i = 0; i < n; i++) {
      if (q > 0 && s[i] - s[q - 1] <= MERGE_TOL) w[q - 1] += w[i]
      else {
        s[q] = s[i]
        w[q++] = w[i]
      }
    }
    this.s = new Float64Array(8)
    this.w = new Float64Array(8)
    this.len = 0
    this.runs = []
    return { ps: s, pw: w, count: q }
  }
}
