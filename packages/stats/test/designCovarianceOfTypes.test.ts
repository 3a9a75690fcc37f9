import { describe, expect, it } from "vitest"
import { designCovariance, type SurveyDesign } from "../src/survey/designCovariance.js"
import { designCovarianceOfTypes, type TypedScores } from "../src/survey/designCovarianceOfTypes.js"

// designCovarianceOfTypes gives designCovariance's covariance (checked against R in designCovariance.test.ts and
// survey.test.ts) without a score vector per case: here both run on the same scores, materialised for
// designCovariance, and agree to 1e-12 (relative to the entries' scale √(V_xx·V_yy)).
const n = 3001
let seed = 12345
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const p = 6
const types = Int32Array.from({ length: n }, () => Math.floor(random() * (p + 1)) - 1) // −1: outside the domain
const weights = Float64Array.from({ length: n }, () => 0.5 + 4 * random())
const y = Float64Array.from({ length: n }, () => 10 + 5 * random())
const strata = Int32Array.from({ length: n }, (_, i) => (i === n - 1 ? 9 : i % 4)) // stratum 9: one case
const clusters = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 40))
const fpc = Float64Array.from(strata, (h) => (h === 9 ? 5 : 2000 + 100 * h))
// proportion-like vectors e_t − p̂ and a mean-like coefficient
const shares = Float64Array.from({ length: p }, (_, t) => (t + 1) / 21)
const vectors = new Float64Array(p * p)
for (let t = 0; t < p; t++) for (let x = 0; x < p; x++) vectors[t * p + x] = (t === x ? 1 : 0) - shares[x]!
const scores: TypedScores = {
  vectors,
  dimension: p,
  typeOf: (i) => types[i]!,
  coefficient: (i) => (weights[i]! * (y[i]! - 12)) / 1000
}
const materialised = Array.from(
  { length: p },
  (_, x) =>
    Float64Array.from(
      { length: n },
      (_, i) => (types[i]! < 0 ? 0 : scores.coefficient(i) * vectors[types[i]! * p + x]!)
    )
)

const same = (design: SurveyDesign) => {
  const a = designCovarianceOfTypes(scores, n, design)
  const b = designCovariance(materialised, design)
  expect([a.strata, a.psus, a.degreesOfFreedom, a.lonelyStrata]).toEqual([
    b.strata,
    b.psus,
    b.degreesOfFreedom,
    b.lonelyStrata
  ])
  let worst = 0
  for (let x = 0; x < p; x++) {
    for (let z = 0; z < p; z++) {
      const scale = Math.sqrt(b.covariance[x * p + x]! * b.covariance[z * p + z]!)
      worst = Math.max(worst, Math.abs(a.covariance[x * p + z]! - b.covariance[x * p + z]!) / scale)
    }
  }
  expect(b.covariance[0]).toBeGreaterThan(0)
  expect(worst).toBeLessThan(1e-12)
}
const noLonely = Int32Array.from(strata, (h) => (h === 9 ? 0 : h))

describe("designCovarianceOfTypes equals designCovariance on the same scores", () => {
  it("weights only (each case its own PSU)", () => same({}))
  it("strata without clusters, with and without fpc", () => {
    same({ strata: noLonely })
    same({ strata: noLonely, fpc: Float64Array.from(noLonely, (h) => 2000 + 100 * h) })
    same({ strata: noLonely, fpc: Float64Array.from(noLonely, () => 0.3) })
  })
  it("a stratum with one case under each lonely-PSU rule", () => {
    for (const lonelyPsu of ["adjust", "remove", "certainty", "average"] as const) same({ strata, lonelyPsu })
    expect(() => designCovarianceOfTypes(scores, n, { strata })).toThrow(/^stratum 9 has only one PSU/)
    expect(() => designCovariance(materialised, { strata })).toThrow(/^stratum 9 has only one PSU/)
  })
  it("clusters, strata and fpc (PSU totals)", () => {
    same({ clusters })
    same({ strata: noLonely, clusters })
    same({ strata, clusters, fpc, lonelyPsu: "adjust" })
  })
  it("the same errors for a varying or too small fpc", () => {
    const varying = Float64Array.from(fpc, (f, i) => (i === 100 ? f + 1 : f))
    for (const design of [{ strata, fpc: varying }, { strata, clusters, fpc: varying }]) {
      expect(() => designCovarianceOfTypes(scores, n, design)).toThrow(
        /varies within stratum 0 \(2000 and 2001 at case 101\)/
      )
    }
    expect(() => designCovarianceOfTypes(scores, n, { fpc: Float64Array.from(fpc, () => 10) })).toThrow(
      /the population has 10 PSUs but the sample has 3001/
    )
  })
  it("the JSDoc example", () => {
    const v = designCovarianceOfTypes(
      { vectors: Float64Array.of(1), dimension: 1, typeOf: () => 0, coefficient: (i) => [1, 2, 3, 6][i]! },
      4,
      {}
    )
    expect(v.covariance[0]).toBeCloseTo(56 / 3, 12)
  })
})
