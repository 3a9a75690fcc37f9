import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { BIN, run, tempFiles } from "./run.js"

// The PSPP-made .sav saved with WEIGHT BY trongso (packages/analysis/scripts/weighted.sh) and R's
// frequency-weighted references for it (weighted.R -> weighted.json).
const SAV = fileURLToPath(new URL("../../../packages/analysis/test/fixtures/weighted/trongso.sav", import.meta.url))
const ref = JSON.parse(
  readFileSync(new URL("../../../packages/analysis/test/fixtures/weighted/weighted.json", import.meta.url), "utf8")
)
const EXAMPLE = fileURLToPath(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url))
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)
const json = (args: ReadonlyArray<string>) => {
  const r = run([...args, "--format", "json"])
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}

describe("a .sav saved with WEIGHT BY is weighted by default", () => {
  const kk1 = ref.crosstab[0]

  it("crosstab: weighted chi-square and N as R's, and the JSON says so", () => {
    expect(kk1.col).toBe("kk1")
    const out = json(["crosstab", "--data", SAV, "--row", "capbac", "--col", "kk1"])
    expect(out.weight.variable).toBe("trongso")
    expect(rel(out.weight.sum, kk1.n)).toBeLessThan(1e-12)
    expect(rel(out.tests.pearson.statistic, kk1.statistic)).toBeLessThan(1e-10)
    expect(rel(out.tests.pearson.p, kk1.p)).toBeLessThan(1e-10)
    expect(out.warnings.find((w: { code: string }) => w.code === "WEIGHT_EXCLUDED")).toMatchObject({
      blank: 2,
      zero: 3
    })
  })

  it("the text states the weight in English and Vietnamese; Fisher is marked not computed", () => {
    // SPSS's wording and tests: frequency weights (the default is now a sampling design, tested below)
    const en = run(["crosstab", "--data", SAV, "--row", "capbac", "--col", "kk1", "--weight-mode", "frequency"])
    expect(en.code).toBe(0)
    expect(en.stdout).toContain("Weighted by trongso, N = 788.0")
    expect(en.stdout).toMatch(/Fisher's Exact Test ᵇ\s+not computed/)
    expect(en.stdout).toContain("2 cases with a blank weight, 3 cases with a zero weight")
    const vi = run([
      "crosstab",
      "--data",
      SAV,
      "--row",
      "capbac",
      "--col",
      "kk1",
      "--lang",
      "vi",
      "--weight-mode",
      "frequency"
    ])
    expect(vi.stdout).toContain("Có trọng số theo trongso, N = 788.0")
    expect(vi.stdout).toMatch(/Kiểm định chính xác Fisher ᵇ\s+không tính/)
    expect(vi.stdout).toContain("2 trường hợp có trọng số trống, 3 trường hợp có trọng số bằng 0")
  })

  it("the codebook's weight is a sampling weight by default: Rao-Scott tests, the design stated", () => {
    const out = json(["crosstab", "--data", SAV, "--row", "capbac", "--col", "kk1"])
    expect(out.design).toMatchObject({ mode: "sampling", weight: "trongso", method: "Taylor linearization" })
    expect(out.tests.raoScott.p).toBeGreaterThan(0)
    expect(out.tests.raoScott.p).toBeLessThan(1)
    // the point estimates are SPSS's: only their variances change
    expect(rel(out.weight.sum, kk1.n)).toBeLessThan(1e-12)
    const en = run(["crosstab", "--data", SAV, "--row", "capbac", "--col", "kk1"])
    expect(en.stdout).toContain("Design-based (Taylor linearization): weights trongso")
    expect(en.stdout).not.toContain("Pearson Chi-Square")
  })

  it("--no-weight analyses unweighted; --weight with --no-weight is a usage error", () => {
    const out = json(["crosstab", "--data", SAV, "--row", "capbac", "--col", "kk1", "--no-weight"])
    expect(out.weight).toBeUndefined()
    expect(out.weighted).toBe(false)
    expect(Number.isInteger(out.n.valid)).toBe(true)
    const both = run([
      "crosstab",
      "--data",
      SAV,
      "--row",
      "capbac",
      "--col",
      "kk1",
      "--no-weight",
      "--weight",
      "trongso"
    ])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--weight trongso or --no-weight, not both/)
  })

  it("means, correlate, table and describe: weighted by default, --no-weight analyses unweighted, both flags a usage error", () => {
    for (
      const args of [["means", "--var", "kk1", "--by", "capbac"], ["correlate", "kk1", "kk2"], [
        "table",
        "--rows",
        "kk1",
        "--cols",
        "capbac"
      ], ["describe", "kk1"]]
    ) {
      const one = (x: any) => (Array.isArray(x) ? x[0] : x)
      const weighted = one(json([...args, "--data", SAV]))
      expect(weighted.weight.variable, args[0]).toBe("trongso")
      const plain = one(json([...args, "--data", SAV, "--no-weight"]))
      expect(plain.weight, args[0]).toBeUndefined()
      expect(plain.weighted, args[0]).toBe(false)
      const both = run([...args, "--data", SAV, "--no-weight", "--weight", "trongso"])
      expect(both.code, args[0]).toBe(2)
      expect(both.stderr).toMatch(/--weight trongso or --no-weight, not both/)
    }
  })

  it("frequencies, mr and likert are weighted too", () => {
    const f = json(["frequencies", "--data", SAV, "capbac"])
    expect(f[0].weight.variable).toBe("trongso")
    expect(rel(f[0].n.valid, ref.frequencies.total)).toBeLessThan(1e-12)
    const frequency = ["--weight-mode", "frequency"]
    const csv = run(["frequencies", "--data", SAV, "capbac", "--format", "csv", ...frequency]).stdout
    expect(csv).toContain("\r\n\"Weighted by trongso, N = 799.6")
    expect(run(["frequencies", "--data", SAV, "capbac", "--format", "md", ...frequency]).stdout).toContain(
      "Weighted by trongso, N = 799.6"
    )
    // SPSS frequency weights on request; weights alone are sampling weights by default (test/mrDesign.test.ts)
    const mr = json(["mr", "--data", SAV, "--group", "capbac", "--set", "phuongthuc", "--weight-mode", "frequency"])
    expect(mr.weight.variable).toBe("trongso")
    expect(rel(mr.items[0].p, ref.mr.items[0].p)).toBeLessThan(1e-10)
    const lk = json(["likert", "--data", SAV, "--items", "kk1,kk2,kk3,kk4", "--by", "capbac"])
    expect(lk.weight.variable).toBe("trongso")
    expect(rel(lk.items[0].total.mean, ref.likert[0].total.mean)).toBeLessThan(1e-12)
    expect(rel(lk.items[0].kruskalWallis.p, ref.likert[0].kruskalWallis.p)).toBeLessThan(1e-10)
  })

  it("mr text of the built-in example fits 120 columns in both languages (long labels wrap)", () => {
    for (const lang of ["en", "vi"]) {
      const r = run([
        "mr",
        "--data",
        EXAMPLE,
        "--codebook",
        "hcmc-2024",
        "--group",
        "level",
        "--set",
        "purpose",
        "--lang",
        lang
      ])
      expect(r.code).toBe(0)
      const lines = r.stdout.split("\n")
      expect(lines.length).toBeGreaterThan(20)
      for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(120)
      expect(r.stdout).toContain(
        lang === "en" ? "Building an independent, democratic, prosperous, just and" : "Xây dựng"
      )
    }
  })

  it("mr text fits 120 columns and states the frequency weights", () => {
    const r = run([
      "mr",
      "--data",
      SAV,
      "--group",
      "capbac",
      "--set",
      "phuongthuc",
      "--lang",
      "vi",
      "--weight-mode",
      "frequency"
    ])
    expect(r.code).toBe(0)
    const lines = r.stdout.split("\n")
    expect(lines.length).toBeGreaterThan(20)
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(120)
    expect(r.stdout).toContain("Có trọng số theo trongso")
    expect(r.stdout).toContain("kiểm định tính như SPSS với trọng số tần suất")
  })
})

describe("likert direction comes from the labels", () => {
  const items = ["--items", "kk1,kk2,kk3,kk4", "--by", "capbac", "--no-weight"]

  it("the .sav scores each answer by its code: a higher mean is nearer “Không khó khăn”", () => {
    const out = json(["likert", "--data", SAV, ...items])
    expect(out.direction.high).toEqual({ code: 3, label: { vi: "Không khó khăn", en: "Không khó khăn" }, score: 3 })
    expect(out.direction.low.code).toBe(1)
    const text = run(["likert", "--data", SAV, ...items]).stdout
    expect(text).toContain("A higher mean is nearer “Không khó khăn”")
    expect(text).toContain("Net = % “Không khó khăn” − % “Khó khăn”")
    expect(text).not.toMatch(/more difficult/)
    expect(run(["likert", "--data", SAV, ...items, "--lang", "vi"]).stdout).toContain(
      "Điểm trung bình cao hơn là gần “Không khó khăn” hơn"
    )
  })

  it("--reverse reverses scores, direction and ranks", () => {
    const plain = json(["likert", "--data", SAV, ...items])
    const rev = json(["likert", "--data", SAV, ...items, "--reverse"])
    expect(rev.reversed).toBe(true)
    expect(rev.direction.high.code).toBe(1)
    rev.items.forEach((item: { rank: number }, j: number) =>
      expect(item.rank).toBe(plain.items.length + 1 - plain.items[j].rank)
    )
  })

  it("--format md and csv", () => {
    const md = run(["likert", "--data", SAV, ...items, "--format", "md"])
    expect(md.code).toBe(0)
    expect(md.stdout).toMatch(/^### /)
    expect(md.stdout).toContain("| --- |")
    const csv = run(["likert", "--data", SAV, ...items, "--format", "csv"])
    expect(csv.code).toBe(0)
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.stdout.slice(1).split("\r\n")
    expect(lines[0].split(",").slice(0, 3)).toEqual(["Item", "Group", "N"])
    expect(lines.filter((l) => l.startsWith("Khó khăn về nguồn lực,"))).toHaveLength(4)
  })
})

describe("large typed tables and the default Fisher setting", () => {
  it("prints the table and the chi-square tests, with Fisher not computed and why", () => {
    const r = run(["crosstab", "--counts", "60000000,1000;2000,50000000"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Fisher's Exact Test ᶜ\s+not computed/)
    expect(r.stdout).toContain(
      "c. Fisher's exact test not computed: the table has 110003000 cases, too many for the exact algorithm"
    )
    expect(r.stdout).toMatch(/Pearson Chi-Square\s+109990900\.375/)
    const out = json(["crosstab", "--counts", "60000000,1000;2000,50000000"])
    expect(out.tests.fisherExact).toBeUndefined()
    expect(out.warnings).toContainEqual(
      expect.objectContaining({ code: "TEST_NOT_COMPUTED", test: "fisherExact", reasonCode: "TOO_LARGE" })
    )
  })
})

describe("help", () => {
  it.each([[[]], [["crosstab"]], [["likert"]], [["codebook", "show"]]])(
    "%s --help: no generic type line, usage names danvan",
    (cmd) => {
      const r = run([...cmd, "--help"], { DANVAN_FULL_HELP: "1" })
      expect(r.code).toBe(0)
      expect(r.stdout).not.toContain("A user-defined piece of text.")
      expect(r.stdout).toContain(cmd.length === 0 ? "$ danvan <command> [options]" : `$ danvan ${cmd.join(" ")} `)
    }
  )
})

describe("pnpm danvan resolves relative paths from the directory the user ran it in", () => {
  const files = tempFiles({ "t.csv": "a,b\n1,1\n1,2\n2,1\n2,2\n1,1\n" })
  afterAll(files.cleanup)
  it("uses INIT_CWD when run as the root `danvan` script", () => {
    const env = { ...process.env, INIT_CWD: files.dir, npm_lifecycle_event: "danvan", NO_COLOR: "1" }
    const root = dirname(dirname(dirname(BIN)))
    const r = spawnSync(process.execPath, [BIN, "frequencies", "--data", "t.csv", "a", "--format", "json"], {
      cwd: root,
      env,
      encoding: "utf8"
    })
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)[0].n.valid).toBe(5)
  })
})

describe("reports are weighted by the file, the plan or the command line", () => {
  const plan = (weight?: string | null) =>
    JSON.stringify({
      id: "w",
      title: { vi: "Báo cáo", en: "Report" },
      ...(weight !== undefined ? { weight } : {}),
      sections: [
        { kind: "crosstab", id: "kk1", row: "capbac", col: "kk1" },
        { kind: "multiple-response", id: "pt", set: "phuongthuc", by: "capbac" }
      ]
    })
  const tmp = tempFiles({ "plan.json": plan(), "plan-none.json": plan(null), "plan-w.json": plan("trongso") })
  afterAll(tmp.cleanup)
  const codebook = `${tmp.dir}/codebook.json`
  const report = (planFile: string, ...extra: Array<string>) => {
    const out = `${tmp.dir}/r-${planFile}-${extra.join("")}.md`
    const r = run([
      "report",
      "--data",
      SAV,
      "--codebook",
      codebook,
      "--plan",
      `${tmp.dir}/${planFile}`,
      "--out",
      out,
      ...extra
    ])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    return readFileSync(out, "utf8")
  }

  it("states the weight of every section; plan `weight: null` and --no-weight switch it off", () => {
    expect(run(["codebook", "from", SAV, "--out", codebook]).code).toBe(0)
    // SPSS's frequency weights on request; the default is a sampling design (with weights only: each case a PSU)
    const md = report("plan.json", "--weight-mode", "frequency")
    expect(md.match(/Weighted by trongso, N = 788\.0/g)).toHaveLength(1)
    expect(md).toContain("Weighted by trongso, N = 799.6")
    const sampled = report("plan.json")
    expect(sampled).toContain("Design-based (Taylor linearization): weights trongso; lonely PSU: fail")
    // the crosstab and the multiple-response section state their designs with the one sentence
    expect(
      sampled.match(
        /Design-based \(Taylor linearization\): weights trongso; lonely PSU: fail; \d+ PSUs, 1 stratum, design df = \d+\./g
      )
    ).toHaveLength(2)
    expect(sampled).toContain("Rao-Scott F (second order) = ")
    expect(sampled).not.toMatch(/Weighted by trongso, N = 788\.0/)
    expect(report("plan-w.json")).toContain("Design-based (Taylor linearization): weights trongso")
    expect(report("plan-none.json")).not.toContain("Weighted by")
    expect(report("plan.json", "--no-weight")).not.toContain("Weighted by")
    expect(report("plan-none.json", "--lang", "vi", "--weight", "trongso", "--weight-mode", "frequency")).toContain(
      "Có trọng số theo trongso, N = 788,0"
    )
  })

  it("a Likert section states the scale's direction from its labels (APA and notes)", () => {
    const out = `${tmp.dir}/hcmc.md`
    const r = run(["report", "--data", EXAMPLE, "--codebook", "hcmc-2024", "--plan", "hcmc-2024", "--out", out])
    expect(r.code).toBe(0)
    expect(readFileSync(out, "utf8")).toContain(
      "A higher mean score is nearer “Difficult” (3); a lower one nearer “Not difficult” (1)."
    )
  })
})
