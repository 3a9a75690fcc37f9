import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// 80 cases: q1 = 4 in few cases and q1 = 1 / 2 split so that some cells of level and sex fall below 5.
const rows: Array<string> = []
for (let i = 0; i < 80; i++) {
  const q1 = [5, 17, 29].includes(i) ? 4 : i % 4 === 0 ? 1 : i % 4 === 1 ? 2 : i % 9 !== 0 ? 3 : 4
  rows.push(`${1 + (i % 3)},${q1},${1 + (Math.floor(i / 3) % 2)}`)
}
const files = tempFiles({ "s.csv": ["level,q1,sex", ...rows].join("\n") + "\n" })
afterAll(files.cleanup)

const K = 5
const args = [
  "table",
  "--data",
  files.paths["s.csv"]!,
  "--rows",
  "q1",
  "--cols",
  "level,sex",
  "--net",
  "q1:Top=1,2",
  "--lang",
  "en",
  "--suppress-below",
  String(K)
]
const ok = (format: string) => {
  const r = run([...args, "--format", format])
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  return r.stdout
}

interface Cell {
  count: number | null
  percent: number | null
  letters: string
}
interface Banner {
  stub: Array<{ base: Array<number>; rows: Array<{ kind: string; cells: Array<Cell> }> }>
  suppression: { k: number; hidden: number }
}

/** The Markdown table's data rows after the Base row, as [count row, percent row] per stub row; data cells only. */
const markdownHidden = (md: string): Array<Array<boolean>> => {
  const lines = md.split("\n").filter((l) => l.startsWith("|"))
  const body = lines.slice(lines.findIndex((l) => l.includes("Base (N)")) + 1)
  return body.map((l) => {
    const cells = l.split("|").slice(1, -1).map((c) => c.trim())
    // label, row kind, Total, then each category followed by its letters column
    return [cells[2], ...cells.slice(3).filter((_, j) => j % 2 === 0)].map((c) => c === "\\[c\\]")
  })
}

describe("danvan table --suppress-below with --format json and text", () => {
  const json = JSON.parse(ok("json")) as Banner
  const cells = json.stub.flatMap((st) => st.rows.flatMap((row) => row.cells))

  it("hides exactly the cells the rendered Markdown table hides", () => {
    const md = markdownHidden(ok("md"))
    const rows = json.stub[0]!.rows
    expect(rows).toHaveLength(5)
    expect(md).toHaveLength(2 * rows.length)
    rows.forEach((row, i) => {
      expect(row.cells.map((c) => c.count === null), `row ${i} counts`).toEqual(md[2 * i])
      expect(row.cells.map((c) => c.percent === null), `row ${i} percents`).toEqual(md[2 * i + 1])
    })
    const hidden = cells.filter((c) => c.count === null).length
    expect(json.suppression).toEqual({ k: K, hidden })
    // against the unsuppressed table: every count below K is hidden (primary), and some larger ones too (secondary)
    const r = run([...args.slice(0, -2), "--format", "json"])
    expect(r.code, r.stderr).toBe(0)
    const plain = (JSON.parse(r.stdout) as Banner).stub.flatMap((st) => st.rows.flatMap((row) => row.cells))
    expect(plain).toHaveLength(cells.length)
    const small = plain.flatMap((c, j) => (c.count! < K ? [j] : []))
    expect(small.length).toBeGreaterThan(0)
    for (const j of small) expect(cells[j]!.count).toBeNull()
    expect(plain.some((c, j) => c.count! >= K && cells[j]!.count === null)).toBe(true)
    plain.forEach((c, j) => cells[j]!.count !== null && expect(cells[j]!.count).toBe(c.count))
  })

  it("no count below K appears anywhere in the JSON, and hidden cells carry no letters", () => {
    expect(cells.length).toBe(5 * 6)
    const counts: Array<number> = []
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk)
      if (typeof node !== "object" || node === null) return
      for (const [key, v] of Object.entries(node)) {
        if ((key === "count" || key === "base") && typeof v === "number") counts.push(v)
        if (key === "base" && Array.isArray(v)) counts.push(...v)
        walk(v)
      }
    }
    walk(json)
    expect(counts.length).toBeGreaterThan(0)
    expect(counts.filter((c) => c < K)).toEqual([])
    for (const c of cells.filter((c) => c.count === null)) {
      expect(c).toEqual({ count: null, percent: null, letters: "" })
    }
  })

  it("text marks the same cells [c] and states the rule", () => {
    const text = ok("text")
    // a count and a percent per hidden cell, and the "([c])" of the note
    expect(text.match(/\[c\]/g)?.length).toBe(2 * json.suppression.hidden + 1)
    expect(text).toContain(`counts below ${K} are hidden ([c])`)
    expect(text).toContain(`${json.suppression.hidden} cells hidden`)
  })
})
