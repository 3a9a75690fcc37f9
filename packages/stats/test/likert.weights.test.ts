import { describe, expect, it } from "vitest"
import { cronbachAlpha, cronbachAlphaWeighted, kruskalWallis, kruskalWallisWeighted } from "../src/index.js"

// Frequency weights: whole-number weights must give exactly the results on the replicated cases (kruskalWallis
// and cronbachAlpha are checked against R in likert.test.ts). R's own check of the weighted formula on real
// data is in packages/analysis/scripts/weighted.R.
describe("Likert statistics with frequency weights", () => {
  const x = Float64Array.of(1, 2, 3, 3, 2, 1, 1, 3, NaN, 2, 2, 3)
  const y = Float64Array.of(2, 2, 3, 1, 2, 1, 2, 3, 1, 3, 2, 3)
  const g = Int32Array.of(0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 1, -1)
  const w = Float64Array.of(1, 3, 2, 1, 0, 2, 4, 1, 2, 1, 2, 1)
  const idx = Array.from(w, (n, k) => Array.from({ length: n }, () => k)).flat()
  const rep = <T extends Float64Array | Int32Array>(a: T, make: (n: Array<number>) => T) => make(idx.map((k) => a[k]))
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)))

  it("Kruskal-Wallis equals the replicated data's", () => {
    expect(idx.length).toBe(20)
    const a = kruskalWallisWeighted(x, g, 3, w)
    const b = kruskalWallis(rep(x, (v) => Float64Array.from(v)), rep(g, (v) => Int32Array.from(v)), 3)
    close(a.statistic, b.statistic)
    close(a.p, b.p)
    close(a.tiesCorrection, b.tiesCorrection)
    expect(a.n).toBe(b.n)
  })

  it("Cronbach's alpha equals the replicated data's", () => {
    const a = cronbachAlphaWeighted([x, y], w)
    const b = cronbachAlpha([rep(x, (v) => Float64Array.from(v)), rep(y, (v) => Float64Array.from(v))])
    close(a.alpha, b.alpha)
    a.itemRestCorrelation.forEach((r, j) => close(r, b.itemRestCorrelation[j]))
    expect(a.n).toBe(b.n)
  })

  it("rejects a negative weight", () => {
    expect(() => kruskalWallisWeighted(x, g, 3, Float64Array.from(w, (v, k) => (k === 0 ? -1 : v)))).toThrow(
      /case 1 has weight -1/
    )
  })
})
