import { describe, expect, it } from "vitest"
import { determinedCells, matrixLines, suppressResult } from "../src/index.js"

// The API's server-wide minimum cell size (DANVAN_MIN_CELL) over analysis results as the CLI prints them.

describe("suppressResult", () => {
  it("a crosstab: small counts and the cells that give them away are null in counts, expected, percents and residuals", () => {
    const counts = [
      [3, 40, 12],
      [50, 60, 14],
      [20, 0, 9]
    ]
    const same = () => counts.map((row) => row.map((c) => c / 2))
    const result = {
      kind: "crosstab",
      counts: counts.map((r) => [...r]),
      expected: same(),
      percents: { row: same(), col: same(), total: same() },
      residuals: { raw: same(), adjusted: same() },
      n: { valid: 208 }
    }
    const cells = suppressResult(result, 5)
    const hidden = result.counts.map((row) => row.map((c) => c === null))
    // The 3 is hidden, the zero is not (it reveals no one); nothing hidden can be worked out from the margins.
    expect(hidden[0]![0]).toBe(true)
    expect(hidden[2]![1]).toBe(false)
    expect(cells).toBe(hidden.flat().filter(Boolean).length)
    expect(cells).toBeGreaterThanOrEqual(4)
    expect(determinedCells(matrixLines(3, 3), hidden.flat()).some(Boolean)).toBe(false)
    for (
      const m of [
        result.expected,
        result.percents.row,
        result.percents.col,
        result.percents.total,
        result.residuals.raw,
        result.residuals.adjusted
      ]
    ) {
      expect(m.map((row) => row.map((c) => c === null))).toEqual(hidden)
    }
    expect(result.n.valid).toBe(208)
  })

  it("frequencies: small rows hidden with a second one (the total is shown), running percents dropped", () => {
    const row = (code: number, count: number) => ({
      code,
      missing: false,
      count,
      percent: count,
      validPercent: count,
      cumulativePercent: count
    })
    const result = { kind: "frequencies", rows: [row(1, 2), row(2, 50), row(3, 30)] }
    expect(suppressResult(result, 5)).toBe(2)
    expect(result.rows.map((r) => r.count)).toEqual([null, 50, null])
    expect(result.rows.map((r) => r.cumulativePercent)).toEqual([null, null, null])
  })

  it("multiple-response and Likert vectors, and nothing to do at or below 1", () => {
    const mr = {
      kind: "multiple-response",
      items: [{ counts: [4, 20, 30], percentOfCases: [1, 2, 3], total: { count: 54 } }]
    }
    expect(suppressResult(mr, 5)).toBe(2)
    expect(mr.items[0]!.counts).toEqual([null, null, 30])
    expect(mr.items[0]!.percentOfCases).toEqual([null, null, 3])
    const likert = { items: [{ byGroup: [{ distribution: [1, 9, 9], percents: [5, 45, 45] }] }] }
    expect(suppressResult(likert, 5)).toBe(2)
    expect(likert.items[0]!.byGroup[0]!.distribution[0]).toBeNull()
    const untouched = {
      counts: [
        [1, 2],
        [3, 4]
      ]
    }
    expect(suppressResult(untouched, 1)).toBe(0)
    expect(untouched.counts).toEqual([
      [1, 2],
      [3, 4]
    ])
  })
})
