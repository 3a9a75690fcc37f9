import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { correlate, means } from "../src/index.js"
import { codes, dataset, numeric, relClose } from "./helpers.js"

// R's reference values (packages/stats/scripts/means.R writes this copy of packages/stats/test/fixtures/means.json)
const fx = JSON.parse(readFileSync(new URL("./fixtures/means.json", import.meta.url), "utf8"))
const TOL = 1e-10
const close = (a: number, e: number | null, what: string) =>
  expect(e === null ? Number.isNaN(a) : relClose(a, e, TOL), `${what}: ${a} vs ${e}`).toBe(true)
const caseOf = (id: string) => fx.groups.find((c: any) => c.id === id)

/** The fixture's values as a numeric column, its 0-based groups as codes 1.. (negative = blank), optional weights. */
const datasetOf = (c: any) =>
  dataset(
    numeric("age", c.values.map((v: number | null) => (v === null ? NaN : v))),
    codes("level", c.groups.map((g: number) => (g < 0 ? null : g + 1))),
    ...(c.weights === null ? [] : [numeric("w", c.weights)])
  )

describe("means against R", () => {
  it("the fixture has its cases", () => expect(fx.groups.length).toBe(4))
  for (const id of ["age-by-level", "small-5-groups-one-empty", "small-weighted"]) {
    it(id, () => {
      const c = caseOf(id)
      const r = Either.getOrThrow(
        means(datasetOf(c), undefined, "age", "level", c.weights === null ? {} : { weight: "w" })
      )
      const present = c.n.map((n: number, g: number) => (n > 0 ? g : -1)).filter((g: number) => g >= 0)
      expect(r.groups.map((g) => g.code)).toEqual(present.map((g: number) => g + 1))
      r.groups.forEach((g, k) => {
        const i = present[k]
        expect(g.n).toBe(c.n[i])
        close(g.mean, c.mean[i], "mean")
        close(g.sd, Math.sqrt(c.variance[i]), "sd")
        close(g.median, c.median[i], "median")
        close(g.ci95[0], c.ci95[i][0], "ci lo")
      })
      close(r.tests.anova!.statistic, c.anova.statistic, "F")
      close(r.tests.anova!.p, c.anova.p, "p")
      close(r.effectSizes!.etaSquared, c.anova.etaSquared, "eta2")
      close(r.effectSizes!.omegaSquared, c.anova.omegaSquared, "omega2")
      close(r.tests.welch!.statistic, c.welch.statistic, "Welch F")
      close(r.tests.welch!.df2, c.welch.df2, "Welch df2")
      close(r.tests.kruskalWallis!.statistic, c.kruskalWallis.statistic, "H")
      close(r.tests.kruskalWallis!.p, c.kruskalWallis.p, "KW p")
      close(r.tests.levene!.statistic, c.levene.statistic, "Levene")
      close(r.tests.brownForsythe!.statistic, c.brownForsythe.statistic, "BF")
      expect(r.postHoc.tukey!.map((t) => [t.i, t.j])).toEqual(c.tukey.map((t: any) => [t.i + 1, t.j + 1]))
      r.postHoc.tukey!.forEach((t, k) => close(t.difference, c.tukey[k].difference, "Tukey diff"))
      r.postHoc.gamesHowell!.forEach((t, k) => close(t.df, c.gamesHowell[k].df, "GH df"))
      expect(r.weighted).toBe(c.weights !== null)
    })
  }
  it("counts missing cases, warns about an empty group and names an unknown variable", () => {
    const c = caseOf("small-5-groups-one-empty")
    const r = Either.getOrThrow(means(datasetOf(c), undefined, "age", "level"))
    expect(r.n).toEqual({ valid: 17, missing: 0, total: 17 })
    const age = caseOf("age-by-level")
    const big = Either.getOrThrow(means(datasetOf(age), undefined, "age", "level"))
    const valid = age.values.filter((v: number | null, k: number) => v !== null && age.groups[k] >= 0).length
    expect(big.n).toEqual({ valid, missing: age.values.length - valid, total: age.values.length })
    const err = means(datasetOf(c), undefined, "agee", "level")
    expect(Either.isLeft(err) && err.left.message).toMatch(/unknown variable "agee"/)
  })
  it("a zero-variance group leaves Welch out with a warning", () => {
    const ds = dataset(numeric("x", [1, 1, 1, 2, 3, 4]), codes("g", [1, 1, 1, 2, 2, 2]))
    const r = Either.getOrThrow(means(ds, undefined, "x", "g"))
    expect(r.tests.welch).toBeUndefined()
    expect(r.tests.anova).toBeDefined()
    expect(r.warnings.some((w) => w.code === "TEST_NOT_COMPUTED" && w.test === "welch")).toBe(true)
  })
  it("fractional weights: Kruskal-Wallis is left out with a warning, the rest is weighted", () => {
    const ds = dataset(
      numeric("x", [1, 2, 3, 4, 5, 7]),
      codes("g", [1, 1, 1, 2, 2, 2]),
      numeric("w", [0.5, 1, 1, 1, 1, 1.5])
    )
    const r = Either.getOrThrow(means(ds, undefined, "x", "g", { weight: "w" }))
    expect(r.tests.kruskalWallis).toBeUndefined()
    expect(r.warnings.some((w) => w.code === "TEST_NOT_COMPUTED" && w.test === "kruskalWallis")).toBe(true)
    expect(r.groups[0].n).toBe(2.5)
    expect(r.weight).toEqual({ variable: "w", sum: 6 })
  })
  it("user-missing codes from --missing are left out", () => {
    const ds = dataset(codes("x", [1, 2, 3, 99, 5, 6]), codes("g", [1, 1, 1, 2, 2, 2]))
    const r = Either.getOrThrow(means(ds, undefined, "x", "g", { missing: { x: [99] } }))
    expect(r.groups[1].n).toBe(2)
    expect(r.groups[1].mean).toBe(5.5)
  })
})

describe("correlate against cor.test", () => {
  it("the fixture has its cases", () => expect(fx.correlations.length).toBe(4))
  for (const c of fx.correlations) {
    it(c.id, () => {
      const ds = dataset(
        numeric("x", c.x.map((v: number | null) => (v === null ? NaN : v))),
        numeric("y", c.y.map((v: number | null) => (v === null ? NaN : v))),
        ...(c.weights === null ? [] : [numeric("w", c.weights)])
      )
      const r = Either.getOrThrow(correlate(ds, undefined, ["x", "y"], c.weights === null ? {} : { weight: "w" }))
      expect(r.pairs.length).toBe(1)
      const p = r.pairs[0]
      expect(p.n).toBe(c.n)
      close(p.pearson!.r, c.pearson.r, "r")
      close(p.pearson!.p, c.pearson.p, "p")
      close(p.pearson!.ci95[1], c.pearson.ci95[1], "ci")
      close(p.spearman!.r, c.spearman.r, "rho")
      close(p.spearman!.p, c.spearman.p, "rho p")
    })
  }
  it("needs two variables", () => {
    const r = correlate(dataset(numeric("x", [1, 2, 3])), undefined, ["x"])
    expect(Either.isLeft(r) && r.left.code).toBe("BAD_OPTION")
  })
})
