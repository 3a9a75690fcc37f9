import { type Dataset, decodeRecipe, getColumn, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { applyRecipe, frequencies } from "../src/index.js"
import { codes, dataset, numeric } from "./helpers.js"

const M = SYSTEM_MISSING
const base = dataset(
  codes("id", [1, 2, 3, 3, 5, 6]),
  codes("q1", [1, 2, 3, 4, 5, 9]),
  codes("q2", [5, 4, null, 2, 1, 3]),
  numeric("age", [22, 35, 47, 51, 68, NaN])
)
const recipe = (steps: Array<unknown>) => Either.getOrThrow(decodeRecipe({ version: 1, steps }))
const apply = (steps: Array<unknown>, data: Dataset = base, others = new Map()) =>
  Either.getOrThrow(applyRecipe(data, undefined, recipe(steps), others))
const col = (d: Dataset, name: string) => {
  const c = getColumn(d, name)!
  return [...c.values].map((x) => (x === M || Number.isNaN(x) ? null : x))
}

describe("applyRecipe: transformations", () => {
  it("recodes values, lists and ranges, in place (else copy) or into a new variable (else missing)", () => {
    const r = apply([
      { op: "missing", variables: ["q1"], values: [9] },
      {
        op: "recode",
        variables: ["q1"],
        into: ["q1g"],
        rules: [{ from: [1, 2], to: 1 }, { from: { low: 3, high: 4 }, to: 2 }, { from: "missing", to: 99 }]
      },
      { op: "recode", variables: ["q2"], rules: [{ from: 5, to: 50 }, { from: "sysmis", to: 0 }] }
    ])
    expect(col(r.all, "q1g")).toEqual([1, 1, 2, 2, null, 99])
    expect(col(r.all, "q2")).toEqual([50, 4, 0, 2, 1, 3])
    expect(getColumn(r.all, "q1g")!.type).toBe("codes")
  })

  it("computes with a condition and an else branch, scores with a minimum of valid items, reverses and counts", () => {
    const r = apply([
      { op: "compute", target: "sum", expr: "q1 + q2" },
      { op: "compute", target: "old", expr: "1", when: "age >= 50", else: "0", type: "codes" },
      { op: "score", target: "m", items: ["q1", "q2"], function: "mean", minValid: 2 },
      { op: "reverse", variables: ["q2"], into: ["q2r"], min: 1, max: 5 },
      { op: "count", target: "fives", items: ["q1", "q2"], values: [5, { low: 9 }] }
    ])
    expect(col(r.all, "sum")).toEqual([6, 6, null, 6, 6, 12])
    expect(col(r.all, "old")).toEqual([0, 0, 0, 1, 1, null])
    expect(col(r.all, "m")).toEqual([3, 3, null, 3, 3, 6])
    expect(col(r.all, "q2r")).toEqual([1, 2, null, 4, 5, 3])
    expect(col(r.all, "fives")).toEqual([1, 0, 0, 0, 1, 1])
    expect(r.codebook?.variables.find((v) => v.name === "old")?.kind).toBe("single")
  })

  it("reverses value labels with their codes and leaves user-missing codes and their labels alone", () => {
    const codebook = {
      id: "t",
      title: { vi: "t", en: "t" },
      variables: [
        {
          name: "q1",
          label: { vi: "Q1", en: "Q1" },
          kind: "single" as const,
          measure: "ordinal" as const,
          values: [
            { code: 1, label: { vi: "Thấp", en: "Low" } },
            { code: 5, label: { vi: "Cao", en: "High" } },
            { code: 9, label: { vi: "Không trả lời", en: "No answer" } }
          ],
          missing: { values: [9], ranges: [] }
        }
      ],
      multipleResponseSets: [],
      indicatorSets: []
    }
    const r = Either.getOrThrow(
      applyRecipe(base, codebook, recipe([{ op: "reverse", variables: ["q1"], min: 1, max: 5 }]))
    )
    expect(col(r.all, "q1")).toEqual([5, 4, 3, 2, 1, 9])
    const q1 = r.codebook?.variables.find((v) => v.name === "q1")
    expect(q1?.values.map((v) => [v.code, v.label.en])).toEqual([[5, "Low"], [1, "High"], [9, "No answer"]])
  })

  it("bins a number into labelled categories that the codebook of the result carries", () => {
    const groups = [
      { high: 30, code: 1, label: { vi: "Dưới 30", en: "Under 30" } },
      { low: 30, high: 50, code: 2, label: { vi: "30–49", en: "30–49" } },
      { low: 50, code: 3, label: { vi: "50 trở lên", en: "50 and over" } }
    ]
    const r = apply([{
      op: "bin",
      variable: "age",
      into: "agegroup",
      bins: groups,
      label: { vi: "Nhóm tuổi", en: "Age group" }
    }])
    expect(col(r.all, "agegroup")).toEqual([1, 2, 2, 3, 3, null])
    const f = Either.getOrThrow(frequencies(r.dataset, r.codebook, "agegroup"))
    expect(f.rows.map((x) => [x.label.en, x.count])).toEqual([
      ["Under 30", 1],
      ["30–49", 2],
      ["50 and over", 2],
      ["System (blank)", 1]
    ])
  })

  it("filters rows out of the analysis without deleting them (filter_$ in every-row output)", () => {
    const r = apply([{ op: "filter", expr: "age < 60" }, { op: "filter", expr: "q2 <> 4" }])
    // Row 3 has no q2: its condition is missing, so it is not selected (as SPSS's SELECT IF).
    expect(r.dataset.rowCount).toBe(2)
    expect(col(r.dataset, "id")).toEqual([1, 3])
    expect(r.all.rowCount).toBe(6)
    expect(col(r.all, "filter_$")).toEqual([1, 0, 0, 1, 0, 0])
    expect(r.log.map((l) => l.summary)).toEqual([
      "selected cases where age < 60: 4 of 6 kept for analysis",
      "selected cases where q2 <> 4: 2 of 6 kept for analysis"
    ])
  })

  it("renames, keeps and drops, and labels variables and values in vi and en", () => {
    const r = apply([
      { op: "rename", names: { q1: "trust", q2: "q1" } },
      {
        op: "label",
        variable: "trust",
        label: { vi: "Niềm tin", en: "Trust" },
        values: [{ code: 1, label: { vi: "Thấp", en: "Low" } }]
      },
      { op: "drop", variables: ["age"] }
    ])
    expect(r.all.columns.map((c) => c.name)).toEqual(["id", "trust", "q1"])
    expect(col(r.all, "q1")).toEqual([5, 4, null, 2, 1, 3])
    const trust = r.codebook?.variables.find((v) => v.name === "trust")
    expect(trust?.label).toEqual({ vi: "Niềm tin", en: "Trust" })
    expect(trust?.values.map((v) => v.label.vi)).toEqual(["Thấp"])
  })

  it("drops duplicate IDs keeping the first and reports them", () => {
    const r = apply([{ op: "dedupe", by: "id" }])
    expect(col(r.all, "id")).toEqual([1, 2, 3, 5, 6])
    expect(col(r.all, "q1")).toEqual([1, 2, 3, 5, 9])
    expect(r.log[0]?.ids).toEqual([3])
  })

  it("appends a file with the same variables and merges another by ID", () => {
    const more = dataset(codes("id", [7, 8]), codes("q1", [2, 2]), codes("q2", [1, 1]), numeric("age", [30, 31]))
    const region = dataset(codes("id", [8, 2, 1]), codes("region", [3, 2, 1]))
    const others = new Map([["more.csv", { dataset: more, codebook: undefined }], ["region.csv", {
      dataset: region,
      codebook: undefined
    }]])
    const r = apply([{ op: "append", data: "more.csv" }, { op: "merge", data: "region.csv", by: "id" }], base, others)
    expect(col(r.all, "id")).toEqual([1, 2, 3, 3, 5, 6, 7, 8])
    expect(col(r.all, "region")).toEqual([1, 2, null, null, null, null, null, 3])
  })
})

describe("applyRecipe: validation before any data is touched", () => {
  const issues = (steps: Array<unknown>, others = new Map()) => {
    const r = applyRecipe(base, undefined, recipe(steps), others, "clean.json")
    if (Either.isRight(r)) throw new Error("expected an error")
    return { text: r.left.message, issues: r.left.issues }
  }

  it("names the step, the position in the expression and the variable", () => {
    const r = issues([{ op: "filter", expr: "age > 18" }, { op: "compute", target: "x", expr: "q1 + qq" }])
    expect(r.issues).toEqual([{
      path: "$.steps[1].expr",
      message: "compute: in \"q1 + qq\" at character 6: unknown variable \"qq\" (variable \"qq\")"
    }])
    expect(r.text).toMatch(/^invalid recipe clean\.json:/)
  })

  it("sees variables made by earlier steps and refuses those not made yet, type mismatches and cycles", () => {
    const r = issues([
      { op: "compute", target: "later", expr: "q1 + made" },
      { op: "compute", target: "made", expr: "1" },
      { op: "filter", expr: "q1 + 1" },
      { op: "compute", target: "z", expr: "z + 1" },
      { op: "recode", variables: ["nope"], rules: [{ from: 1, to: 2 }] },
      { op: "rename", names: { q1: "q2" } },
      { op: "merge", data: "missing.csv", by: "id" }
    ])
    expect(r.issues.map((i) => i.path)).toEqual([
      "$.steps[0].expr",
      "$.steps[2].expr",
      "$.steps[3].expr",
      "$.steps[4].variables[0]",
      "$.steps[5].names.q1",
      "$.steps[6].data"
    ])
    expect(r.issues[1]?.message).toMatch(/type mismatch/)
    expect(r.issues[2]?.message).toMatch(/cycle: "z" is defined in terms of itself/)
  })

  it("decodes recipe files with JSON-path errors", () => {
    const bad = decodeRecipe(
      { version: 1, steps: [{ op: "filter" }, { op: "recode", variables: ["q1"], rules: [] }] },
      "r.json"
    )
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) expect(bad.left.message).toMatch(/\$\.steps\[0\]/)
  })
})
