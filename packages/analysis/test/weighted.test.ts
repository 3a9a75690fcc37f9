import { readFileSync } from "node:fs"
import { decodeCodebook, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { crosstab, frequencies, likert, multipleResponse, resolveWeight } from "../src/index.js"
import { codes, dataset, numeric, relClose } from "./helpers.js"

// The PSPP-made weighted survey (scripts/weighted.sh): the same rows as trongso.sav, read here from its CSV, and
// R's frequency-weighted references (scripts/weighted.R -> fixtures/weighted/weighted.json).
const dir = new URL("./fixtures/weighted/", import.meta.url)
const ref = JSON.parse(readFileSync(new URL("weighted.json", dir), "utf8"))
const lines = readFileSync(new URL("trongso.csv", dir), "utf8").trim().split("\n")
const header = lines[0].split(",").map((h) => h.replace(/"/g, ""))
const rows = lines.slice(1).map((l) => l.split(","))
const col = (name: string) => rows.map((r) => r[header.indexOf(name)])
const items = ["kk1", "kk2", "kk3", "kk4"]
const mrItems = ["mr1", "mr2", "mr3", "mr4"]
const data = dataset(
  ...["capbac", ...items, ...mrItems].map((name) => codes(name, col(name).map((x) => (x === "" ? null : Number(x))))),
  numeric("trongso", col("trongso").map((x) => (x === "" ? Number.NaN : Number(x))))
)
const l = (s: string) => ({ vi: s, en: s })
const scale = [[1, "Khó khăn"], [2, "Bình thường"], [3, "Không khó khăn"]] as const
const codebook = Either.getOrThrow(decodeCodebook({
  id: "trongso",
  title: l("trongso"),
  weightVariable: "trongso",
  variables: [
    {
      name: "capbac",
      label: l("Cấp công tác"),
      kind: "single",
      measure: "ordinal",
      values: [[1, "Thành phố"], [2, "Quận/Huyện"], [3, "Phường/Xã"]].map(([code, text]) => ({
        code,
        label: l(String(text))
      }))
    },
    ...items.map((name) => ({
      name,
      label: l(name),
      kind: "single",
      measure: "ordinal",
      values: [...scale.map(([code, text]) => ({ code, label: l(text), score: code })), {
        code: 9,
        label: l("Không trả lời")
      }],
      missing: { values: [9] }
    })),
    ...mrItems.map((name) => ({
      name,
      label: l(name),
      kind: "multiple-response-item",
      values: [{ code: 0, label: l("0") }, { code: 1, label: l("1") }]
    })),
    { name: "trongso", label: l("Trọng số"), kind: "numeric" }
  ],
  multipleResponseSets: [{ name: "phuongthuc", label: l("Phương thức"), items: mrItems, countedValue: 1 }]
}))

const close = (a: number, b: number, tol = 1e-10) => expect(relClose(a, b, tol), `${a} vs ${b}`).toBe(true)

describe("weights follow the codebook (PSPP's WEIGHT BY trongso), checked against R", () => {
  it("the fixture has 800 rows, 3 zero and 2 blank weights", () => {
    expect(data.rowCount).toBe(800)
    expect([ref.rows, ref.droppedZero, ref.droppedBlank]).toEqual([800, 3, 2])
    expect(ref.crosstab).toHaveLength(4)
    expect(ref.likert).toHaveLength(4)
  })

  it("resolveWeight: the codebook's weight by default, --weight overrides, --no-weight switches off", () => {
    expect(Either.getOrThrow(resolveWeight(codebook, data, {}))).toBe("trongso")
    expect(Either.getOrThrow(resolveWeight(codebook, data, { noWeight: true }))).toBeUndefined()
    expect(Either.getOrThrow(resolveWeight(undefined, data, { weight: "trongso" }))).toBe("trongso")
    expect(Either.getOrThrow(resolveWeight(undefined, data, {}))).toBeUndefined()
    expect(Either.isLeft(resolveWeight(codebook, data, { weight: "trongso", noWeight: true }))).toBe(true)
    const unknown = resolveWeight(codebook, data, { weight: "w9" })
    expect(Either.isLeft(unknown) && unknown.left.message).toMatch(/unknown weight variable "w9"/)
  })

  it("crosstab: weighted chi-square and N as R's chisq.test on xtabs(w ~ a + b), and says so", () => {
    for (const c of ref.crosstab) {
      const r = Either.getOrThrow(crosstab(data, codebook, "capbac", c.col))
      expect(r.weight).toEqual({ variable: "trongso", sum: r.n.valid })
      close(r.n.valid, c.n)
      close(r.tests.pearson.statistic, c.statistic)
      close(r.tests.pearson.p, c.p)
      expect(r.tests.pearson.df).toBe(c.df)
      r.counts.forEach((row, i) => row.forEach((x, j) => close(x, c.counts[i][j])))
      expect(r.warnings.find((w) => w.code === "WEIGHT_EXCLUDED")).toMatchObject({ blank: 2, zero: 3, negative: 0 })
      expect(r.tests.fisherExact).toBeUndefined()
    }
    const unweighted = Either.getOrThrow(crosstab(data, codebook, "capbac", "kk1", { noWeight: true }))
    expect(unweighted.weighted).toBe(false)
    expect(unweighted.weight).toBeUndefined()
    expect(Number.isInteger(unweighted.n.valid)).toBe(true)
  })

  it("frequencies: weighted counts", () => {
    const r = Either.getOrThrow(frequencies(data, codebook, "capbac"))
    expect(r.weight?.variable).toBe("trongso")
    r.rows.filter((x) => !x.missing).forEach((x, i) => close(x.count, ref.frequencies.counts[i]))
    close(r.n.total, ref.frequencies.total)
  })

  it("likert: weighted means, SDs, CIs, Kruskal-Wallis and Cronbach's alpha", () => {
    const r = Either.getOrThrow(likert(data, codebook, { items }, "capbac"))
    expect(r.weighted).toBe(true)
    expect(r.weight?.variable).toBe("trongso")
    r.items.forEach((item, j) => {
      const e = ref.likert[j]
      expect(item.name).toBe(e.name)
      close(item.total.n, e.total.n)
      close(item.total.mean, e.total.mean, 1e-12)
      close(item.total.sd, e.total.sd, 1e-12)
      close(item.total.ci95[0], e.total.ci95[0], 1e-12)
      close(item.total.ci95[1], e.total.ci95[1], 1e-12)
      item.byGroup.forEach((g, i) => {
        close(g.mean, e.byGroup[i].mean, 1e-12)
        close(g.sd, e.byGroup[i].sd, 1e-12)
      })
      close(item.kruskalWallis.statistic, e.kruskalWallis.statistic)
      close(item.kruskalWallis.p, e.kruskalWallis.p)
      close(item.kruskalWallis.tiesCorrection, e.kruskalWallis.tiesCorrection, 1e-12)
    })
    close(r.cronbach!.alpha, ref.cronbach.alpha)
    close(r.cronbach!.n, ref.cronbach.n)
    r.cronbach!.alphaIfDeleted.forEach((a, j) => close(a, ref.cronbach.alphaIfDeleted[j]))
    r.cronbach!.itemRestCorrelation.forEach((a, j) => close(a, ref.cronbach.itemRestCorrelation[j]))
  })

  it("multiple response: weighted counts and per-item chi-square as R's; the bootstrap refuses weights", () => {
    // frequency weights (SPSS WEIGHT BY); weights alone are sampling weights by default (test/mrDesign.test.ts)
    const r = Either.getOrThrow(multipleResponse(data, codebook, "capbac", mrItems, { weightMode: "frequency" }))
    expect(r.weight?.variable).toBe("trongso")
    r.n.byGroup.forEach((n, i) => close(n, ref.mr.groupN[i]))
    r.items.forEach((item, j) => {
      const e = ref.mr.items[j]
      item.counts.forEach((x, i) => close(x, e.selected[i]))
      close(item.statistic, e.statistic)
      close(item.p, e.p)
    })
    const boot = multipleResponse(data, codebook, "capbac", mrItems, { method: "bootstrap" })
    expect(Either.isLeft(boot) && boot.left.message).toMatch(/bootstrap test does not take weights/)
  })

  it("a blank weight column with codes: SYSTEM_MISSING counts as blank", () => {
    const ds = dataset(
      codes("a", [1, 2, 1, 2, 1, 2, 2]),
      codes("b", [1, 1, 2, 2, 1, 2, 1]),
      codes("w", [1, SYSTEM_MISSING, 2, 0, 1, 3, 1])
    )
    const r = Either.getOrThrow(crosstab(ds, undefined, "a", "b", { weight: "w", fisher: { method: "none" } }))
    expect(r.warnings.find((w) => w.code === "WEIGHT_EXCLUDED")).toMatchObject({ blank: 1, zero: 1, negative: 0 })
    expect(r.n.total).toBe(8)
  })
})
