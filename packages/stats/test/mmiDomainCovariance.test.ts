import { describe, expect, it } from "vitest"
import { domainCovariance } from "../src/multipleResponse/mmiDesignRaoScott.js"
import { countMultipleResponse, type MultipleResponseData } from "../src/multipleResponse/MultipleResponseData.js"
import type { SurveyDesign } from "../src/survey/designCovariance.js"

// The domain proportions' covariance summed by answer-pattern type or per PSU (designCovarianceOfTypes, no
// score vector per case) equals the covariance of the explicit per-case scores (designCovariance, checked
// against R in mmiDesignRaoScott.test.ts) to 1e-12, relative to the entries' scale √(V_xx·V_yy).
let seed = 987654
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}

const generate = (n: number, r: number, c: number) => {
  const groups = Int32Array.from({ length: n }, () => Math.floor(random() * r))
  const items = Array.from(
    { length: c },
    (_, j) => Uint8Array.from(groups, (g) => (random() < 0.2 + 0.5 * ((j + g) % 3) / 3 ? 1 : 0))
  )
  const weights = Float64Array.from({ length: n }, () => (random() < 0.08 ? 0 : 0.5 + 4 * random()))
  const data: MultipleResponseData = { groups, groupCount: r, items }
  return { data, weights, counts: countMultipleResponse({ ...data, weights }, "test", 2) }
}

const worstGap = (a: Float64Array, b: Float64Array, p: number) => {
  let worst = 0
  for (let x = 0; x < p; x++) {
    for (let y = 0; y < p; y++) {
      const scale = Math.sqrt(b[x * p + x]! * b[y * p + y]!)
      if (scale > 0) worst = Math.max(worst, Math.abs(a[x * p + y]! - b[x * p + y]!) / scale)
      else expect(a[x * p + y]).toBe(0)
    }
  }
  return worst
}

const n = 2501
const strata = Int32Array.from({ length: n }, (_, k) => (k === n - 1 ? 9 : k % 4)) // stratum 9: one case
const clusters = Int32Array.from({ length: n }, (_, k) => Math.floor(k / 25))
const fpc = Float64Array.from(strata, (h) => (h === 9 ? 3 : 3000 + 100 * h))
const designs: Array<[string, SurveyDesign]> = [
  ["weights only", {}],
  ["strata, lonely PSU adjust", { strata, lonelyPsu: "adjust" }],
  ["strata, lonely PSU average, fpc", { strata, fpc, lonelyPsu: "average" }],
  ["strata, lonely PSU remove", { strata, lonelyPsu: "remove" }],
  ["strata and clusters, lonely PSU certainty", { strata, clusters, lonelyPsu: "certainty" }],
  ["clusters and fpc, lonely PSU adjust", { strata, clusters, fpc, lonelyPsu: "adjust" }],
  ["clusters only", { clusters }]
]

describe("domainCovariance: typed sums equal the explicit per-case scores", () => {
  const { counts, data, weights } = generate(n, 3, 6)
  it.each(designs)("%s", (_, design) => {
    const typed = domainCovariance(data, weights, counts, design, "typed")
    const explicit = domainCovariance(data, weights, counts, design, "explicit")
    expect(typed.covariance).toHaveLength(18 * 18)
    expect([typed.strata, typed.psus, typed.degreesOfFreedom, typed.lonelyStrata]).toEqual([
      explicit.strata,
      explicit.psus,
      explicit.degreesOfFreedom,
      explicit.lonelyStrata
    ])
    expect(worstGap(typed.covariance, explicit.covariance, 18)).toBeLessThan(1e-12)
    expect(worstGap(domainCovariance(data, weights, counts, design).covariance, explicit.covariance, 18))
      .toBeLessThan(1e-12)
  })

  it("unit weights (no weight vector)", () => {
    const unit = countMultipleResponse(data, "test", 2)
    const design: SurveyDesign = { strata, clusters, lonelyPsu: "adjust" }
    const typed = domainCovariance(data, undefined, unit, design, "typed")
    const explicit = domainCovariance(data, undefined, unit, design, "explicit")
    expect(worstGap(typed.covariance, explicit.covariance, 18)).toBeLessThan(1e-12)
  })

  it("more than 30 items (answer patterns keyed by string) and many strata (the explicit fallback)", () => {
    const wide = generate(400, 2, 31)
    const design: SurveyDesign = { strata: Int32Array.from({ length: 400 }, (_, k) => k % 50) }
    const typed = domainCovariance(wide.data, wide.weights, wide.counts, design, "typed")
    const explicit = domainCovariance(wide.data, wide.weights, wide.counts, design, "explicit")
    expect(typed.covariance).toHaveLength(62 * 62)
    expect(worstGap(typed.covariance, explicit.covariance, 62)).toBeLessThan(1e-12)
    const auto = domainCovariance(wide.data, wide.weights, wide.counts, design)
    expect(worstGap(auto.covariance, explicit.covariance, 62)).toBeLessThan(1e-12)
  })
})
