import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { decodeAnalysisPlan, type Excerpt, selectExcerpts } from "../src/index.js"

const x = (row: number, theme: string | undefined, attributes: Record<string, string>): Excerpt => ({
  row,
  text: `quote ${row}`,
  ...(theme !== undefined ? { theme } : {}),
  attributes: { text: `quote ${row}`, ...(theme !== undefined ? { theme } : {}), ...attributes }
})
const all = [
  x(2, "content", { sex: "Nam", level: "3", age: "45" }),
  x(3, "difficulty", { sex: "Nữ", level: "2", age: "44" }),
  x(4, "Difficulty", { sex: "nam", level: "2", age: "57" }),
  x(5, undefined, { sex: "nữ", level: "1" })
]

describe("selectExcerpts", () => {
  it("by theme (case-insensitive), by attributes (each key must match, a list accepts any value), in file order, up to limit", () => {
    expect(all.length).toBe(4)
    expect(selectExcerpts(all, {}).map((e) => e.row)).toEqual([2, 3, 4, 5])
    expect(selectExcerpts(all, { theme: "difficulty" }).map((e) => e.row)).toEqual([3, 4])
    expect(selectExcerpts(all, { theme: ["content", "difficulty"], filter: { sex: "NAM" } }).map((e) => e.row)).toEqual(
      [2, 4]
    )
    // Vietnamese values match whatever their Unicode form (NFD "Nữ" here) and case
    expect(selectExcerpts(all, { filter: { sex: "Nữ".normalize("NFD") } }).map((e) => e.row)).toEqual([3, 5])
    expect(selectExcerpts(all, { filter: { level: [2, 3], sex: "nam" } }).map((e) => e.row)).toEqual([2, 4])
    expect(selectExcerpts(all, { filter: { role: "x" } })).toEqual([])
    expect(selectExcerpts(all, { theme: "difficulty", limit: 1 }).map((e) => e.row)).toEqual([3])
  })

  it("a plan section may name an excerpts file with themes and a filter; a bad one is rejected with its JSON path", () => {
    const section = { kind: "crosstab", id: "a", row: "level", col: "x" }
    const ok = decodeAnalysisPlan({
      id: "p",
      title: { vi: "Báo cáo", en: "Report" },
      sections: [{
        ...section,
        excerpts: { file: "e.csv", theme: ["difficulty"], filter: { level: [2, 3], sex: "nữ" }, limit: 2 }
      }]
    })
    expect(Either.isRight(ok) && ok.right.sections[0].excerpts).toEqual({
      file: "e.csv",
      theme: ["difficulty"],
      filter: { level: [2, 3], sex: "nữ" },
      limit: 2
    })
    const bad = decodeAnalysisPlan({
      id: "p",
      title: { vi: "B", en: "R" },
      sections: [{ ...section, excerpts: { file: "", limit: 0 } }]
    })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) expect(bad.left.issues.map((i) => i.path).join(" ")).toContain("excerpts")
  })
})
