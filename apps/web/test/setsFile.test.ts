import { describe, expect, it } from "vitest"
import type { CodebookFile } from "../src/codebookFile.js"
import { setDrafts, withoutSet, withSet } from "../src/setsFile.js"

// The Variable View's set edits (no browser): a codebook's sets listed, replaced, moved between lists, removed.

const label = { vi: "Nhãn", en: "Label" }
const codebook: CodebookFile = {
  id: "x",
  variables: [],
  multipleResponseSets: [{ name: "purpose", label, items: ["a", "b"], countedValue: 1 } as never],
  indicatorSets: [
    { name: "purpose", label, kind: "multiple-response", items: ["a", "b"] },
    { name: "difficulty", label, kind: "likert", items: ["q1", "q2", "q3"] }
  ]
}

describe("sets of a codebook", () => {
  it("lists multiple-response sets first, then indicator sets by kind", () => {
    expect(setDrafts(codebook).map((s) => `${s.type}:${s.name}`)).toEqual([
      "mr:purpose",
      "mr-indicator:purpose",
      "likert:difficulty"
    ])
    expect(setDrafts(codebook)[0]!.countedValue).toBe(1)
  })

  it("adds, replaces in place, moves between lists and removes only the named set", () => {
    const added = withSet(codebook, { type: "likert", name: "trust", label, items: ["q1"] })
    expect(added.indicatorSets!.map((s) => s.name)).toEqual(["purpose", "difficulty", "trust"])
    const replaced = withSet(codebook, { type: "likert", name: "difficulty", label, items: ["q2"] }, {
      type: "likert",
      name: "difficulty"
    })
    expect(replaced.indicatorSets![1]).toEqual({ name: "difficulty", label, kind: "likert", items: ["q2"] })
    const moved = withSet(codebook, { type: "mr", name: "difficulty", label, items: ["q1"], countedValue: 2 }, {
      type: "likert",
      name: "difficulty"
    })
    expect(moved.indicatorSets!.map((s) => s.name)).toEqual(["purpose"])
    expect(moved.multipleResponseSets).toEqual([
      codebook.multipleResponseSets![0],
      { name: "difficulty", label, items: ["q1"], countedValue: 2 }
    ])
    const removed = withoutSet(codebook, "mr", "purpose")
    expect(removed.multipleResponseSets).toEqual([])
    expect(removed.indicatorSets).toHaveLength(2)
  })
})
