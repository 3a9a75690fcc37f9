import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const NO_DOT_000 = /(^|[^0-9])\.000([^0-9]|$)/m
const PURPOSE = [
  "independent_democratic_society",
  "clean_strong_party",
  "cadre_quality",
  "people_party_relations",
  "people_living_standards"
]

// 18 respondents, 6 per level; people_party_relations is ticked by every City cadre and almost no one else.
const rows = [
  "1,1,1,0,1,0",
  "1,1,0,1,1,0",
  "1,1,1,0,1,1",
  "1,1,0,0,1,0",
  "1,0,1,1,1,0",
  "1,1,1,0,1,1",
  "2,0,1,1,0,1",
  "2,1,0,1,0,0",
  "2,0,1,0,0,1",
  "2,0,0,1,1,1",
  "2,1,1,0,0,0",
  "2,0,1,1,0,1",
  "3,0,0,1,0,1",
  "3,0,1,0,0,0",
  "3,1,0,1,0,1",
  "3,0,1,1,0,1",
  "3,0,0,0,0,1",
  "3,0,1,1,0,0"
]
const files = tempFiles({
  "purpose.csv": [["level", ...PURPOSE].join(","), ...rows].join("\n") + "\n",
  "plain.csv": ["g,a,b,c", ...rows.map((r) => r.split(",").slice(0, 4).join(","))].join("\n") + "\n",
  // row 4 of the file (data row 4 counting the header as row 1) has b = 2
  // g = 9 (no answer) is made missing with --missing; it would otherwise be a third group
  "missing.csv": "g,a,b\n1,1,0\n1,1,1\n1,0,1\n2,0,1\n2,0,0\n2,1,1\n9,1,1\n",
  "bad.csv": "g,a,b\n1,1,0\n2,0,1\n1,0,2\n2,1,1\n"
})
afterAll(files.cleanup)
const f = files.paths

const json = (args: ReadonlyArray<string>) => {
  const r = run(["mr", ...args, "--format", "json"])
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as Record<string, any>
}

describe("danvan mr", () => {
  it("--format json has DESIGN.md's multiple-response shape", () => {
    const r = json(["--data", f["plain.csv"]!, "--group", "g", "--items", "a,b,c"])
    expect(r.kind).toBe("multiple-response")
    expect(r.items.map((i: { name: string }) => i.name)).toEqual(["a", "b", "c"])
    for (const i of r.items) {
      for (const k of ["statistic", "p", "pBonferroni"]) expect(typeof i[k]).toBe("number")
      expect(i.pBonferroni).toBeGreaterThanOrEqual(i.p)
    }
    expect(r.sumStatistic).toBeCloseTo(r.items.reduce((s: number, i: { statistic: number }) => s + i.statistic, 0), 10)
    expect(typeof r.bonferroni.p).toBe("number")
    for (const k of ["statistic", "df", "p"]) expect(typeof r.rs2[k]).toBe("number")
    expect(r.bootstrap).toBeUndefined()
  })

  it("--method bootstrap --resamples 199 --seed 1 is reproducible", () => {
    const args = [
      "--data",
      f["plain.csv"]!,
      "--group",
      "g",
      "--items",
      "a,b,c",
      "--method",
      "bootstrap",
      "--resamples",
      "199",
      "--seed",
      "1"
    ]
    const a = json(args)
    const b = json(args)
    expect(a.method).toBe("bootstrap")
    expect(typeof a.bootstrap.p).toBe("number")
    expect(a.bootstrap.resamples).toBeGreaterThan(0)
    expect(a.bootstrap.resamples + a.bootstrap.discarded).toBe(199)
    expect(b.bootstrap).toEqual(a.bootstrap)
    const text = run(["mr", ...args])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/valid resamples, \d+ discarded/)
  })

  it("--set purpose --codebook hcmc-2024 takes the codebook's items and labels", () => {
    const r = json(["--data", f["purpose.csv"]!, "--group", "level", "--set", "purpose", "--codebook", "hcmc-2024"])
    expect(r.items.map((i: { name: string }) => i.name)).toEqual(PURPOSE)
    const relations = r.items.find((i: { name: string }) => i.name === "people_party_relations")
    expect(relations.p).toBeLessThan(0.001)
    expect(relations.largerThan[0]).toBe("BC")
    const text = run([
      "mr",
      "--data",
      f["purpose.csv"]!,
      "--group",
      "level",
      "--set",
      "purpose",
      "--codebook",
      "hcmc-2024"
    ])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain("Purpose of mass mobilization work by Cadre level")
    expect(text.stdout).toContain("< .001")
    expect(text.stdout).toMatch(/Sum of item X² = [\d.]+, Bonferroni p (< \.001|= \d?\.\d{3})/)
    expect(text.stdout).toMatch(/Second-order Rao-Scott X² = [\d.]+, df = [\d.]+, p (< \.001|= \d?\.\d{3})/)
    expect(text.stdout).toContain("Each letter marks a group whose proportion is significantly smaller")
    expect(text.stdout).not.toMatch(NO_DOT_000)
    expect(text.stdout).not.toContain("= <")
    const vi = run([
      "mr",
      "--data",
      f["purpose.csv"]!,
      "--group",
      "level",
      "--set",
      "purpose",
      "--codebook",
      "hcmc-2024",
      "--lang",
      "vi"
    ])
    expect(vi.stdout).toContain("Mục đích của công tác dân vận theo")
    expect(vi.stdout).not.toMatch(NO_DOT_000)
    const md = run([
      "mr",
      "--data",
      f["purpose.csv"]!,
      "--group",
      "level",
      "--set",
      "purpose",
      "--codebook",
      "hcmc-2024",
      "--format",
      "md"
    ])
    expect(md.code).toBe(0)
    expect(md.stdout).toMatch(/^\| Item \|/m)
    expect(md.stdout).not.toMatch(NO_DOT_000)
  })

  it("--missing leaves user-missing groups out and counts them; --help lists mr", () => {
    const r = json(["--data", f["missing.csv"]!, "--group", "g", "--items", "a,b", "--missing", "g=9"])
    expect(r.n).toEqual({ valid: 6, missing: 1, total: 7, byGroup: [3, 3] })
    expect(r.group.categories.map((c: { code: number }) => c.code)).toEqual([1, 2])
    const help = run(["--help"])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("mr")
  })

  it("an unknown set is exit 1 listing the codebook's sets", () => {
    const r = run(["mr", "--data", f["purpose.csv"]!, "--group", "level", "--set", "nope", "--codebook", "hcmc-2024"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^danvan: error: .*"nope".*purpose, content, method/)
    expect(r.stderr).not.toMatch(STACK_FRAME)
  })

  it("an item that is not 0/1 is exit 1 naming the item and the data row, no stack trace", () => {
    const r = run(["mr", "--data", f["bad.csv"]!, "--group", "g", "--items", "a,b"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^danvan: error: /)
    expect(r.stderr).toContain("item \"b\"")
    expect(r.stderr).toContain("row 4")
    expect(r.stderr).not.toMatch(STACK_FRAME)
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.stdout).toBe("")
  })

  it("usage errors are exit 2: missing --group, neither or both of --items/--set, --set without --codebook", () => {
    for (
      const args of [
        ["--data", f["plain.csv"]!, "--items", "a,b"],
        ["--data", f["plain.csv"]!, "--group", "g"],
        [
          "--data",
          f["purpose.csv"]!,
          "--group",
          "level",
          "--items",
          "clean_strong_party",
          "--set",
          "purpose",
          "--codebook",
          "hcmc-2024"
        ],
        ["--data", f["purpose.csv"]!, "--group", "level", "--set", "purpose"]
      ]
    ) {
      const r = run(["mr", ...args])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^danvan: error: /)
      expect(r.stderr).toMatch(/^usage: danvan mr/m)
      expect(r.stderr).not.toMatch(STACK_FRAME)
      expect(r.stdout).toBe("")
    }
  })
})
