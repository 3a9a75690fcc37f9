import { builtinCodebook } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { bannerTable, crosstab, multipleResponse } from "../src/index.js"
import { codes, dataset, expand } from "./helpers.js"

// The paper's Table 4 item 1: rows 1 difficult, 2 normal, 3 not difficult; columns level 1..3 (bases 310, 376, 410).
const counts = [[66, 158, 163], [209, 177, 216], [35, 41, 31]]
const e = expand(counts, [1, 2, 3], [1, 2, 3])
const ds = dataset(
  codes("people_trust_limited", e.rows),
  codes("level", e.cols),
  codes("sex", e.rows.map((_, k) => (k % 2) + 1))
)

describe("banner table", () => {
  const r = Either.getOrThrow(bannerTable(ds, undefined, ["people_trust_limited"], ["level", "sex"], {
    nets: [{ variable: "people_trust_limited", name: "Difficult or normal", codes: [1, 2] }]
  }))
  it("counts, column percents and bases with a Total column", () => {
    const s = r.stub[0]
    expect(s.base).toEqual([1096, 310, 376, 410, 548, 548])
    expect(s.rows[0].cells.slice(0, 4).map((c) => c.count)).toEqual([387, 66, 158, 163])
    expect(s.rows[0].cells[1].percent).toBeCloseTo((100 * 66) / 310, 12)
    expect(s.rows[3]).toMatchObject({ kind: "net", codes: [1, 2] })
    expect(s.rows[3].cells.slice(0, 2).map((c) => c.count)).toEqual([387 + 602, 66 + 209])
  })
  it("letters within the banner variable equal the crosstab's columnProportions", () => {
    const ct = Either.getOrThrow(crosstab(ds, undefined, "people_trust_limited", "level"))
    r.stub[0].rows.slice(0, 3).forEach((row, i) =>
      expect(row.cells.slice(1, 4).map((c) => c.letters)).toEqual(ct.columnProportions!.largerThan[i])
    )
    expect(r.banner.map((b) => b.categories.map((c) => c.letter))).toEqual([["A", "B", "C"], ["A", "B"]])
  })
  it("a mean-score row for a codebook item with scores", () => {
    const cb = Either.getOrThrow(builtinCodebook("hcmc-2024"))
    const withCb = Either.getOrThrow(bannerTable(ds, cb, ["people_trust_limited"], ["level"]))
    const mean = withCb.stub[0].rows.find((x) => x.kind === "mean")!
    // scores: Difficult 3, Normal 2, Not difficult 1
    expect(mean.cells[1].mean).toBeCloseTo((3 * 66 + 2 * 209 + 35) / 310, 12)
  })
  it("rejects a net on a variable that is not in the stub", () => {
    const bad = bannerTable(ds, undefined, ["people_trust_limited"], ["level"], {
      nets: [{ variable: "sex", name: "x", codes: [1] }]
    })
    expect(Either.isLeft(bad) && bad.left.code).toBe("BAD_OPTION")
    const badCode = bannerTable(ds, undefined, ["people_trust_limited"], ["level"], {
      nets: [{ variable: "people_trust_limited", name: "Top", codes: [1, 7] }]
    })
    expect(Either.isLeft(badCode) && badCode.left.message).toBe(
      "the net \"Top\" on \"people_trust_limited\" has the code 7, not a valid category of \"people_trust_limited\" " +
        "(its valid codes: 1, 2, 3); drop it or use a valid code"
    )
  })
  it("mean letters: SPSS's column-means test (pooled variance, Bonferroni) on the scores", () => {
    const cb = Either.getOrThrow(builtinCodebook("hcmc-2024"))
    const withCb = Either.getOrThrow(bannerTable(ds, cb, ["people_trust_limited"], ["level"]))
    const mean = withCb.stub[0].rows.find((x) => x.kind === "mean")!
    const score = [3, 2, 1]
    const x = Float64Array.from(e.rows, (c) => score[c - 1])
    const m = Stats.groupMoments(x, Int32Array.from(e.cols, (c) => c - 1), 3)
    const expected = Stats.columnMeans(m.n, m.mean, m.variance)
    expect(mean.cells.slice(1).map((c) => c.letters)).toEqual(expected.largerThan)
    // District and Ward/Commune find the people's trust more difficult than City does
    expect(expected.largerThan).toEqual(["", "A", "A"])
    mean.cells.slice(1).forEach((c, j) => expect(c.mean).toBeCloseTo(m.mean[j], 12))
  })
  it("a multiple-response set in the stub: one row per item, % of the set's respondents, letters per item", () => {
    const items: [string, ...Array<string>] = ["a1", "a2", "a3"]
    const level = [...Array(30).fill(1), ...Array(30).fill(2)]
    const pick = (p: number) => level.map((g, k) => ((k * 7 + 3) % 10 < (g === 1 ? p : 10 - p) ? 1 : 0))
    const mr = dataset(
      codes("level", level),
      codes("a1", pick(8)),
      codes("a2", pick(5)),
      codes("a3", pick(3).map((v, k) => (k === 0 ? 9 : v)))
    )
    const cb = {
      ...Either.getOrThrow(builtinCodebook("hcmc-2024")),
      variables: [
        ...Either.getOrThrow(builtinCodebook("hcmc-2024")).variables.filter((v) => v.name === "level"),
        ...items.map((name) => ({
          ...Either.getOrThrow(builtinCodebook("hcmc-2024")).variables.find((v) => v.name === "clean_strong_party")!,
          name
        }))
      ],
      multipleResponseSets: [{ name: "aset", label: { vi: "Bộ A", en: "Set A" }, items, countedValue: 1 }]
    }
    const r = Either.getOrThrow(bannerTable(mr, cb, ["aset"], ["level"]))
    const st = r.stub[0]
    expect(st.kind).toBe("multiple-response")
    expect(st.rows.map((x) => [x.kind, x.name])).toEqual(items.map((i) => ["item", i]))
    // respondent 1 has a3 = 9 (no answer): out of the base, as danvan mr counts respondents
    // Ward/Commune (level 3) has no cases: an empty column, as the codebook lists it
    expect(st.base).toEqual([59, 29, 30, 0])
    const ref = Either.getOrThrow(multipleResponse(mr, cb, "level", items, { method: "bonferroni" }))
    st.rows.forEach((row, i) => {
      expect(row.cells.slice(1, 3).map((c) => c.count)).toEqual(ref.items[i].counts)
      expect(row.cells.slice(1, 3).map((c) => c.letters)).toEqual(ref.items[i].largerThan)
    })
    expect(st.rows.flatMap((x) => x.cells.map((c) => c.letters)).some((l) => l !== "")).toBe(true)
    expect(
      Either.isLeft(bannerTable(mr, cb, ["aset"], ["level"], { nets: [{ variable: "aset", name: "x", codes: [1] }] }))
    )
      .toBe(true)
  })
})
