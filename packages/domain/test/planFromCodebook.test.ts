import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  builtinCodebook,
  checkPlanNames,
  codebookFromDataset,
  decodeAnalysisPlan,
  decodeCodebook,
  makeDataset,
  plainLabel,
  planFromCodebook,
  SYSTEM_MISSING
} from "../src/index.js"

const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
const lbl = (s: string) => ({ vi: s, en: s })

describe("planFromCodebook", () => {
  it("hcmc-2024 by level: the profile of the attributes, the three MR sets and the difficulty scale", () => {
    const json = planFromCodebook(hcmc, { by: "level" })
    expect(json.sections.map((s) => s.id)).toEqual([
      "profile",
      "mr-purpose",
      "mr-content",
      "mr-method",
      "likert-difficulty"
    ])
    expect(json.sections[0]).toMatchObject({
      kind: "frequencies",
      variables: ["level", "sex", "age_group", "position"]
    })
    expect(json.codebook).toBe("hcmc-2024")
    const plan = Either.getOrThrow(decodeAnalysisPlan(json))
    expect(Either.isRight(checkPlanNames(plan, hcmc))).toBe(true)
  })

  it("never tabulates a respondent identifier of a bare CSV (named id, or role id in the codebook)", () => {
    const dataset = makeDataset([
      { name: "id", type: "codes", values: Int32Array.of(1, 2, 3, 4) },
      { name: "phieu", type: "codes", values: Int32Array.of(11, 12, 13, 14) },
      { name: "capbac", type: "codes", values: Int32Array.of(1, 2, 1, 2) },
      { name: "gioitinh", type: "codes", values: Int32Array.of(1, 1, 2, 2) }
    ])
    const bare = codebookFromDataset(dataset, { id: "survey", title: plainLabel("survey.csv") })
    const codebook = {
      ...bare,
      variables: bare.variables.map((v) => (v.name === "phieu" ? { ...v, role: "id" as const } : v))
    }
    const json = planFromCodebook(codebook, { by: "capbac" })
    expect(json.sections.map((s) => s.id)).toEqual(["profile", "crosstab-gioitinh"])
  })

  it("leaves out what the data lacks, and never profiles a variable the data does not hold", () => {
    const json = planFromCodebook(hcmc, { by: "level", columns: ["level", "sex"] })
    expect(json.sections.map((s) => s.id)).toEqual(["profile"])
    expect(json.sections[0]).toMatchObject({ variables: ["level", "sex"] })
  })

  it("crosstabs other single-choice questions, lists loose Likert items, describes numeric ones but not the weight or an id", () => {
    const codebook = Either.getOrThrow(decodeCodebook({
      id: "t",
      title: lbl("T"),
      weightVariable: "w",
      variables: [
        { name: "id", label: lbl("id"), kind: "numeric" },
        {
          name: "sex",
          label: lbl("Sex"),
          kind: "single",
          values: [{ code: 1, label: lbl("M") }, { code: 2, label: lbl("F") }]
        },
        {
          name: "grp",
          label: lbl("Group"),
          kind: "single",
          values: [{ code: 1, label: lbl("a") }, { code: 2, label: lbl("b") }]
        },
        { name: "m1", label: lbl("M1"), kind: "multiple-response-item", values: [{ code: 1, label: lbl("yes") }] },
        { name: "m2", label: lbl("M2"), kind: "multiple-response-item", values: [{ code: 1, label: lbl("yes") }] },
        {
          name: "q",
          label: lbl("Q"),
          kind: "single",
          values: [{ code: 1, label: lbl("y") }, { code: 2, label: lbl("n") }]
        },
        {
          name: "l1",
          label: lbl("L1"),
          kind: "likert-item",
          values: [{ code: 1, label: lbl("lo"), score: 1 }, { code: 2, label: lbl("hi"), score: 2 }]
        },
        { name: "age", label: lbl("Age"), kind: "numeric" },
        { name: "w", label: lbl("Weight"), kind: "numeric" }
      ],
      multipleResponseSets: [{ name: "ms", label: lbl("MS"), items: ["m1", "m2"], countedValue: 1 }]
    }, "t"))
    const json = planFromCodebook(codebook, { by: "grp" })
    expect(json.sections.map((s) => [s.kind, s.id])).toEqual([
      ["frequencies", "profile"],
      ["multiple-response", "mr-ms"],
      ["likert", "likert-items"],
      ["crosstab", "crosstab-q"],
      ["describe", "describe"]
    ])
    expect(json.sections[0]).toMatchObject({ variables: ["grp", "sex"] })
    expect(json.sections[2]).toMatchObject({ items: ["l1"], by: "grp" })
    expect(json.sections[3]).toMatchObject({ row: "grp", col: "q" })
    expect(json.sections[4]).toMatchObject({ variables: ["age"] })
    const plan = Either.getOrThrow(decodeAnalysisPlan(json))
    expect(Either.isRight(checkPlanNames(plan, codebook))).toBe(true)
  })
})

describe("plan sections added for generated plans", () => {
  const base = { id: "p", title: lbl("P") }
  it("a likert section takes items instead of a set, but not both or neither", () => {
    expect(
      Either.isRight(
        decodeAnalysisPlan({ ...base, sections: [{ kind: "likert", id: "a", items: ["q1"], by: "level" }] })
      )
    ).toBe(true)
    const both = decodeAnalysisPlan({
      ...base,
      sections: [{ kind: "likert", id: "a", set: "difficulty", items: ["q1"], by: "level" }]
    })
    expect(Either.isLeft(both) && both.left.message).toMatch(
      /\$\.sections\[0\]: a likert section names either a codebook set/
    )
    const neither = decodeAnalysisPlan({ ...base, sections: [{ kind: "likert", id: "a", by: "level" }] })
    expect(Either.isLeft(neither)).toBe(true)
  })
  it("checkPlanNames checks the items and the described variables", () => {
    const plan = Either.getOrThrow(
      decodeAnalysisPlan({
        ...base,
        sections: [{ kind: "likert", id: "a", items: ["nope"], by: "level" }, {
          kind: "describe",
          id: "d",
          variables: ["agee"]
        }]
      })
    )
    const checked = checkPlanNames(plan, hcmc)
    expect(Either.isLeft(checked) && checked.left.message).toMatch(
      /\$\.sections\[0\]\.items\[0\]: unknown variable "nope"[\s\S]*\$\.sections\[1\]\.variables\[0\]: unknown variable "agee"/
    )
  })
})

describe("codebookFromDataset", () => {
  it("codes become single-choice variables with their observed codes, numbers numeric variables", () => {
    const ds = makeDataset([
      { name: "level", type: "codes", values: Int32Array.of(3, 1, SYSTEM_MISSING, 1) },
      { name: "age", type: "numeric", values: Float64Array.of(1.5, 2, 3, Number.NaN) }
    ])
    const codebook = codebookFromDataset(ds, { id: "survey", title: plainLabel("survey.csv") })
    expect(codebook.variables.map((v) => [v.name, v.kind, v.values.map((x) => x.code)])).toEqual([["level", "single", [
      1,
      3
    ]], ["age", "numeric", []]])
  })
})
