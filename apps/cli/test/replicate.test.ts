import { readFileSync } from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const shipped = (): any =>
  JSON.parse(
    readFileSync(new URL("../../../packages/domain/data/hcmc-2024-published-tables.json", import.meta.url), "utf8")
  )

describe("replicate", () => {
  const bad = shipped()
  bad.tables[0].items[1].counts[2] = 500
  const files = tempFiles({
    "bad.json": JSON.stringify(bad),
    "syntax.json": "{ not json",
    "ok.json": JSON.stringify(shipped())
  })
  afterAll(files.cleanup)

  it("--format json gives DESIGN's Replicate JSON for the 25 items", () => {
    const r = run(["replicate", "hcmc-2024", "--format", "json"])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe("")
    const json = JSON.parse(r.stdout)
    expect(json.tables.map((t: any) => t.id)).toEqual([
      "table1-purpose",
      "table2-content",
      "table3-method",
      "table4-difficulty"
    ])
    expect(json.tables.map((t: any) => t.kind)).toEqual([
      "multiple-response",
      "multiple-response",
      "multiple-response",
      "likert"
    ])
    const items = json.tables.flatMap((t: any) => t.items)
    expect(items).toHaveLength(25)
    for (const item of items) {
      expect(Object.keys(item.test).sort()).toEqual(["df", "p", "pAdjusted", "statistic"])
      for (const v of Object.values(item.test)) expect(typeof v).toBe("number")
      expect(item.label).toEqual({ vi: expect.any(String), en: expect.any(String) })
    }
    const party = json.tables[0].items.find((i: any) => i.key === "clean_strong_party")
    expect(party.label.vi).toBe("Xây dựng Đảng trong sạch, vững mạnh")
    expect(party.test.statistic).toBeCloseTo(4.048326999991324, 10)
    expect(party.test.pAdjusted).toBeGreaterThan(0.05)
    expect(json.tables.map((t: any) => t.reportedSignificance)).toEqual(["0.000", "0.000", "0.000", "0.000"])
    expect(json.tables.map((t: any) => t.audit)).toEqual([[], [], [], []])
  })

  it("text prints the table as published beside the tests, the paper's reported significance, a summary and the audit", () => {
    const r = run(["replicate", "hcmc-2024"])
    expect(r.code).toBe(0)
    const out = r.stdout
    expect(out).toMatch(
      /Building a clean and strong Party\s+174\s+56\.1\s+223\s+59\.3\s+214\s+52\.2\s+611\s+55\.7\s+4\.048\s+2\s+\.132\s+\.329/
    )
    expect(out).toMatch(/Building an independent, .*20\.740\s+2\s+< \.001\s+< \.001/)
    expect(out).not.toMatch(/\s\.000\b/)
    expect(out).toContain("Published: \"Significant = 0.000\" under the whole table")
    expect(out).toContain(
      "1 of 5 items differ by cadre level at p < .05 after Holm's adjustment (1 without adjustment)"
    )
    expect(out).toContain(
      "\"Programs and plans that have not been implemented in accordance with localities\" (p = .125 Holm)"
    )
    expect(out).toContain("Overall: 14 of 25 items in 4 tables differ by level after Holm's adjustment")
    expect(out).toContain("194 printed numbers (percents, totals, bases) checked against count/base: all agree.")
  })

  it("--lang vi labels items and levels in Vietnamese; --format md gives Markdown tables", () => {
    const vi = run(["replicate", "hcmc-2024", "--lang", "vi"])
    expect(vi.code).toBe(0)
    expect(vi.stdout).toContain("Xây dựng Đảng trong sạch, vững mạnh")
    expect(vi.stdout).toContain("Thành phố")
    const md = run(["replicate", "hcmc-2024", "--format", "md"])
    expect(md.code).toBe(0)
    expect(md.stdout).toContain("| Item | City N | City % |")
  })

  it("reads a published-tables file", () => {
    const r = run(["replicate", files.paths["ok.json"], "--format", "json"])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).tables[0].items[1].label).toEqual({
      vi: "Building a clean and strong Party",
      en: "Building a clean and strong Party"
    })
  })

  it("a count above its base: exit 1, the JSON path, table, item and level, no stack trace", () => {
    const r = run(["replicate", files.paths["bad.json"]])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe("")
    expect(r.stderr).toBe(
      `danvan: error: invalid published tables ${files.paths["bad.json"]}:\n` +
        "  $.tables[0].items[1].counts[2]: table \"table1-purpose\", item \"clean_strong_party\", level \"ward_commune\": count 500 exceeds the base 410 (respondents at that level)\n"
    )
    expect(r.stderr).not.toMatch(STACK_FRAME)
  })

  it("not JSON, or not a file: exit 1 with a clear message", () => {
    const syntax = run(["replicate", files.paths["syntax.json"]])
    expect(syntax.code).toBe(1)
    expect(syntax.stderr).toMatch(/^danvan: error: invalid published tables .*syntax\.json:\n {2}\$: not valid JSON/)
    const missing = run(["replicate", "hcmc-2025"])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(
      "danvan: error: cannot read hcmc-2025: no such file, and not built-in published tables (built-in: hcmc-2024)\n"
    )
    expect(missing.stderr).not.toMatch(STACK_FRAME)
  })
})
