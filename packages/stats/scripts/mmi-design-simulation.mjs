// Size of the design-based MMI test (mmiDesignRaoScott) by simulation: 2,000 stratified cluster samples drawn
// under multiple marginal independence (the group is independent of the items; the items are correlated within
// respondents through a latent trait and within clusters through a cluster effect; unequal weights by stratum),
// and the rejection rate at 5% of each test. Three scenarios: "respondent groups" (the group varies within
// clusters, 44 PSUs), "cluster groups" (the group is a property of the cluster, as a cadre level is of the unit
// the cadres work in, drawn independently of the cluster effect: the null holds but the clusters inflate the
// variance of the group differences, 44 PSUs) and the same with twice the PSUs (88), to show how the size
// approaches 5% as the number of PSUs grows. Seeded and bounded (about 20 s); not part of the test suite.
// Run from this directory after building the package (npx --yes pnpm@10 exec turbo run build --filter=@danvan/stats):
//   node mmi-design-simulation.mjs   (writes ../test/fixtures/mmi-design-simulation.json)
import { writeFileSync } from "node:fs"
import { mmiDesignRaoScott, mmiRaoScott2 } from "../dist/index.js"

const SEED = 20261205
const SAMPLES = 2000
const ALPHA = 0.05

// mulberry32 uniforms and Box-Muller normals: small, seeded, reproducible across Node versions
const rng = (seed) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const uniform = rng(SEED)
const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform())

const strataOf = (k) => [
  { psus: 8 * k, baseWeight: 40 },
  { psus: 10 * k, baseWeight: 60 },
  { psus: 12 * k, baseWeight: 90 },
  { psus: 14 * k, baseWeight: 150 }
]
const common = {
  clusterSize: [8, 20],
  groupProbabilities: [0.25, 0.35, 0.4],
  itemIntercepts: [-0.8, -0.3, 0, 0.4, 0.9],
  clusterEffectSd: 0.8,
  traitSd: 1,
  weightJitter: [0.7, 1.3]
}

const scenarios = [
  { name: "respondent groups", groupLevel: "respondent", strata: strataOf(1), ...common },
  { name: "cluster groups", groupLevel: "cluster", strata: strataOf(1), ...common },
  { name: "cluster groups, twice the PSUs", groupLevel: "cluster", strata: strataOf(2), ...common }
]

const drawGroup = (setting) => {
  const x = uniform()
  const [p1, p2] = setting.groupProbabilities
  return x < p1 ? 0 : x < p1 + p2 ? 1 : 2
}

const drawSample = (setting) => {
  const strata = [], clusters = [], groups = [], weights = []
  const c = setting.itemIntercepts.length
  const items = Array.from({ length: c }, () => [])
  setting.strata.forEach((s, h) => {
    for (let k = 0; k < s.psus; k++) {
      const u = setting.clusterEffectSd * normal()
      const clusterGroup = drawGroup(setting)
      const [lo, hi] = setting.clusterSize
      const size = lo + Math.floor(uniform() * (hi - lo + 1))
      for (let m = 0; m < size; m++) {
        strata.push(h)
        clusters.push(k)
        groups.push(setting.groupLevel === "cluster" ? clusterGroup : drawGroup(setting))
        const [a, b] = setting.weightJitter
        weights.push(s.baseWeight * (a + (b - a) * uniform()))
        const z = setting.traitSd * normal()
        setting.itemIntercepts.forEach((b0, j) => items[j].push(b0 + u + z + normal() > 0 ? 1 : 0))
      }
    }
  })
  const n = groups.length
  const mean = weights.reduce((x, y) => x + y, 0) / n
  return {
    data: { groups: Int32Array.from(groups), groupCount: 3, items: items.map((y) => Uint8Array.from(y)) },
    weights: Float64Array.from(weights),
    normalized: Float64Array.from(weights, (w) => w / mean),
    design: { strata: Int32Array.from(strata), clusters: Int32Array.from(clusters) }
  }
}

const tests = {
  "design F (X²_S/s₁ on s₁²/s₂ and s₁²/s₂·ν df; the CLI's p)": (s) =>
    mmiDesignRaoScott(s.data, s.weights, s.design).f.p,
  "design chi-square (X²_S·s₁/s₂ on s₁²/s₂ df)": (s) => mmiDesignRaoScott(s.data, s.weights, s.design).p,
  "design, nominal first moment (q for s₁, as Bilder & Loughin)": (s) =>
    mmiDesignRaoScott(s.data, s.weights, s.design, { firstMoment: "nominal" }).p,
  "naive: frequency weights (SPSS WEIGHT BY), mmiRaoScott2": (s) => mmiRaoScott2({ ...s.data, weights: s.weights }).p,
  "naive: weights normalized to sum n, mmiRaoScott2": (s) => mmiRaoScott2({ ...s.data, weights: s.normalized }).p,
  "naive: unweighted, design ignored, mmiRaoScott2": (s) => mmiRaoScott2(s.data).p
}
const names = Object.keys(tests)
const simulate = (setting) => {
  const rejections = Object.fromEntries(names.map((k) => [k, 0]))
  let respondents = 0, skipped = 0
  for (let b = 0; b < SAMPLES; b++) {
    const sample = drawSample(setting)
    respondents += sample.data.groups.length
    let ps
    try {
      ps = names.map((k) => tests[k](sample))
    } catch {
      skipped++ // a group with no respondent or an item nobody selected: rare, counted and reported
      continue
    }
    names.forEach((k, i) => {
      if (ps[i] < ALPHA) rejections[k]++
    })
  }
  const used = SAMPLES - skipped
  const band = 2 * Math.sqrt((ALPHA * (1 - ALPHA)) / used)
  return {
    name: setting.name,
    samples: SAMPLES,
    skipped,
    monteCarloBand: [ALPHA - band, ALPHA + band],
    meanRespondents: respondents / SAMPLES,
    designDf: setting.strata.reduce((t, s) => t + s.psus, 0) - setting.strata.length,
    setting,
    rejectionRate: Object.fromEntries(names.map((k) => [k, rejections[k] / used]))
  }
}
const results = {
  generator: `packages/stats/scripts/mmi-design-simulation.mjs with Node ${process.version}`,
  seed: SEED,
  alpha: ALPHA,
  scenarios: scenarios.map(simulate)
}
writeFileSync(
  new URL("../test/fixtures/mmi-design-simulation.json", import.meta.url),
  JSON.stringify(results, null, 2) + "\n"
)
for (const s of results.scenarios) console.log(s.name, s.skipped, JSON.stringify(s.rejectionRate, null, 2))
