import { describe, expect, it } from "vitest"
import { type Codebook, codebookMismatches, makeDataset, plainLabel, SYSTEM_MISSING } from "../src/index.js"

const dataset = makeDataset([
  { name: "q", type: "codes", values: Int32Array.of(1, 2, 2, 7, SYSTEM_MISSING, 9) },
  { name: "w", type: "numeric", values: Float64Array.of(1, 1, 1, 1, 1, 1) }
])
const codebook = (over: Partial<Codebook["variables"][number]> = {}): Codebook => ({
  id: "t",
  title: plainLabel("t"),
  variables: [
    {
      name: "q",
      label: plainLabel("q"),
      kind: "single",
      measure: "nominal",
      values: [1, 2, 7].map((code) => ({ code, label: plainLabel(String(code)) })),
      missing: { values: [9], ranges: [] },
      ...over
    }
  ],
  multipleResponseSets: [],
  indicatorSets: []
})

describe("codebookMismatches", () => {
  it("accepts a codebook that labels or marks missing every stored code", () => {
    expect(codebookMismatches(codebook(), dataset, new Set())).toEqual([])
  })

  it("names the variable, the unlabelled code and its rows", () => {
    const problems = codebookMismatches(
      codebook({
        values: [{ code: 1, label: plainLabel("1") }],
        missing: { values: [], ranges: [{ low: 8, high: 9 }] }
      }),
      dataset,
      new Set()
    )
    expect(problems.map((p) => [p.variable, p.value, p.rows])).toEqual([["q", 2, 2], ["q", 7, 1]])
    expect(problems[0]!.message).toBe(
      "variable \"q\": code 2 is held by 2 rows but has no value label; label it or mark it as a missing code"
    )
  })

  it("refuses a kind that does not fit the stored column and a variable that is no column, unless known", () => {
    expect(codebookMismatches(codebook({ kind: "numeric", values: [] }), dataset, new Set())[0]!.message).toContain(
      "\"q\" is stored as integer codes"
    )
    const extra = { ...codebook(), variables: [...codebook().variables, { ...codebook().variables[0]!, name: "x" }] }
    expect(codebookMismatches(extra, dataset, new Set()).map((p) => p.variable)).toEqual(["x"])
    expect(codebookMismatches(extra, dataset, new Set(["x"]))).toEqual([])
  })
})
