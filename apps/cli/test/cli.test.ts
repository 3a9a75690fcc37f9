import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { BIN, run, STACK_FRAME, tempFiles } from "./run.js"

const EXAMPLE = "66,209,35;158,177,41;163,216,31"
const NO_DOT_000 = /(^|[^0-9])\.000([^0-9]|$)/m

/** Every bad-input failure: exit 1, one "danvan: error:" message, no stack trace, nothing on stdout. */
const expectBadInput = (r: ReturnType<typeof run>, ...mentions: ReadonlyArray<string | RegExp>) => {
  expect(r.stderr).toMatch(/^danvan: error: /)
  for (const m of mentions) {
    expect(r.stderr).toMatch(typeof m === "string" ? new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : m)
  }
  expect(r.stderr).not.toMatch(STACK_FRAME)
  expect(r.stderr).not.toMatch(/internal error/)
  expect(r.stdout).toBe("")
  expect(r.code).toBe(1)
}

/** Every usage failure: exit 2, an error line and a usage hint, no stack trace. */
const expectUsage = (r: ReturnType<typeof run>, mention?: RegExp) => {
  expect(r.stderr).toMatch(/^danvan: error: /)
  if (mention !== undefined) expect(r.stderr).toMatch(mention)
  expect(r.stderr).toMatch(/^usage: danvan/m)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  expect(r.stdout).toBe("")
  expect(r.code).toBe(2)
}

const files = tempFiles({
  // level 9 = no answer (made missing with --missing), a blank trust is system-missing, w is a case weight
  "survey.csv": [
    "level,trust,w",
    "1,1,1.5",
    "1,2,1",
    "1,2,1",
    "2,1,2",
    "2,2,1",
    "2,1,1",
    "3,1,1",
    "3,2,0.5",
    "3,2,1",
    "9,1,1",
    "1,,1"
  ].join("\n") + "\n",
  // the same respondents without the weight column (an unweighted file needs no numeric column)
  "plain.csv": ["level,trust", "1,1", "1,2", "1,2", "2,1", "2,2", "2,1", "3,1", "3,2", "3,2", "9,1", "1,"].join("\n") +
    "\n",
  "hcmc.csv": [
    "level,people_trust_limited,sex",
    "1,1,1",
    "1,2,2",
    "1,3,1",
    "2,1,1",
    "2,2,2",
    "2,2,1",
    "3,1,2",
    "3,3,1",
    "3,2,9",
    "9,1,1"
  ].join("\n") + "\n",
  "ragged.csv": "level,trust\n1,2\n2\n3,1\n",
  "noninteger.csv": "level,trust\n1,2\n1.5,2\n3,1\n",
  "unlisted.csv": "level,people_trust_limited\n1,1\n7,2\n3,1\n",
  "bad.codebook.json":
    "{ \"id\": \"bad\", \"title\": { \"vi\": \"X\", \"en\": \"X\" }, \"variables\": [ { \"name\": \"level\", \"label\": { \"vi\": \"Cấp\", \"en\": \"Level\" }, \"kind\": \"single\", \"values\": [ { \"code\": \"one\", \"label\": { \"vi\": \"a\", \"en\": \"a\" } } ] } ] }",
  "syntax.codebook.json": "{ \"id\": \"bad\", ",
  "small.codebook.json": JSON.stringify({
    id: "small",
    title: { vi: "Khảo sát nhỏ", en: "Small survey" },
    variables: [
      {
        name: "level",
        label: { vi: "Cấp cán bộ", en: "Cadre level" },
        kind: "single",
        measure: "ordinal",
        values: [
          { code: 1, label: { vi: "Thành phố", en: "City" } },
          { code: 2, label: { vi: "Quận/Huyện", en: "District" } },
          { code: 3, label: { vi: "Phường/Xã", en: "Ward/Commune" } },
          { code: 9, label: { vi: "Không trả lời", en: "No answer" } }
        ],
        missing: { values: [9] }
      },
      {
        name: "trust",
        label: { vi: "Tin tưởng", en: "Trust" },
        kind: "single",
        values: [{ code: 1, label: { vi: "Có", en: "Yes" } }, { code: 2, label: { vi: "Không", en: "No" } }]
      },
      { name: "w", label: { vi: "Trọng số", en: "Weight" }, kind: "numeric", measure: "scale" }
    ]
  })
})
afterAll(files.cleanup)
const f = files.paths

describe("help and version", () => {
  it("danvan --help lists the commands, exit 0", () => {
    const r = run(["--help"])
    expect(r.code).toBe(0)
    for (const c of ["crosstab", "frequencies", "codebook show"]) expect(r.stdout).toContain(c)
  })
  it("danvan --version prints the version", () => {
    const r = run(["--version"])
    expect(r.code).toBe(0)
    const pkg = JSON.parse(readFileSync(join(dirname(BIN), "..", "package.json"), "utf8")) as { version: string }
    expect(r.stdout.trim()).toBe(pkg.version)
  })
  it.each([["crosstab"], ["frequencies"], ["codebook", "show"]])("danvan %s --help documents its flags", (...cmd) => {
    const r = run([...cmd.filter((x): x is string => typeof x === "string"), "--help"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("--format")
    expect(r.stdout).toContain("--lang")
  })
  it("help through a pipe has no ANSI codes", () => {
    expect(run(["crosstab", "--help"]).stdout).not.toContain("\u001b")
    expect(run(["--help"], { NO_COLOR: "1" }).stdout).not.toContain("\u001b")
  })
  it("the start-up path does not load the analysis or io packages (light start-up)", () => {
    // bin.js imports the command-line definitions dynamically (after the pre-rendered help check); they and
    // the chunks they import statically hold neither the analysis nor the io code: those load lazily
    // (dynamic import) when a command runs.
    const seen = new Set<string>()
    const visit = (file: string, followDynamic: boolean) => {
      if (seen.has(file)) return
      seen.add(file)
      const code = readFileSync(file, "utf8")
      expect(code).not.toMatch(/\b(crosstabFromCounts|readCsvFile|renderCrosstabText)\s*=/)
      expect(code).not.toMatch(/from\s*["']@danvan\/(analysis|io)["']/)
      for (const m of code.matchAll(/^(?:import|export)\b[^;]*?from\s*["'](\.\/[^"']+)["']/gm)) {
        visit(join(dirname(BIN), m[1]), false)
      }
      if (followDynamic) {
        for (const m of code.matchAll(/import\(\s*["'](\.\/[^"']+)["']\s*\)/g)) visit(join(dirname(BIN), m[1]), false)
      }
    }
    visit(BIN, true)
    expect(seen.size).toBeGreaterThan(2)
  })
  it.each([
    ["plain", {}],
    ["coloured (FORCE_COLOR)", { FORCE_COLOR: "1" }],
    ["NO_COLOR", { NO_COLOR: "1", FORCE_COLOR: "1" }]
  ])("the pre-rendered danvan --help equals the one @effect/cli builds (%s)", (_name, env) => {
    const fast = run(["--help"], env)
    const full = run(["--help"], { ...env, DANVAN_FULL_HELP: "1" })
    expect(fast.code).toBe(0)
    expect(full.code).toBe(0)
    expect(fast.stdout).toBe(full.stdout)
    expect(run(["-h"], env).stdout).toBe(full.stdout)
  })
  it("the fast danvan --version prints what @effect/cli prints", () => {
    const fast = run(["--version"], { FORCE_COLOR: "1" })
    const full = run(["--version"], { FORCE_COLOR: "1", DANVAN_FULL_HELP: "1" })
    expect(fast.code).toBe(0)
    expect(full.code).toBe(0)
    expect(full.stdout).toMatch(/^\d+\.\d+\.\d+/)
    expect(fast.stdout).toBe(full.stdout)
  })
  it("FORCE_COLOR colours the help and NO_COLOR wins over it", () => {
    expect(run(["--help"], { FORCE_COLOR: "1" }).stdout).toContain("\u001b[")
    expect(run(["--help"], { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toContain("\u001b")
  })
})

describe("crosstab --counts", () => {
  it("--format json gives DESIGN's crosstab JSON", () => {
    const r = run(["crosstab", "--counts", EXAMPLE, "--format", "json"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.kind).toBe("crosstab")
    for (const v of [j.row, j.col]) {
      expect(typeof v.name).toBe("string")
      expect(v.label).toHaveProperty("en")
      expect(v.categories).toHaveLength(3)
      for (const c of v.categories) {
        expect(typeof c.code).toBe("number")
        expect(c).toHaveProperty("label")
      }
    }
    expect(j.n).toEqual({ valid: 1096, missing: 0, total: 1096 })
    expect(j.counts).toEqual([[66, 209, 35], [158, 177, 41], [163, 216, 31]])
    for (
      const m of [
        j.expected,
        j.percents.row,
        j.percents.col,
        j.percents.total,
        j.residuals.raw,
        j.residuals.standardized,
        j.residuals.adjusted
      ]
    ) {
      expect(m).toHaveLength(3)
      for (const row of m) expect(row.every((x: unknown) => typeof x === "number")).toBe(true)
    }
    for (const k of ["pearson", "likelihoodRatio", "linearByLinear"]) {
      expect(typeof j.tests[k].statistic).toBe("number")
      expect(typeof j.tests[k].df).toBe("number")
      expect(typeof j.tests[k].p).toBe("number")
    }
    expect(j.tests.pearson.df).toBe(4)
    expect(j.tests.yates).toBeUndefined()
    expect(typeof j.tests.fisherExact.p).toBe("number")
    expect(["exact", "monte-carlo"]).toContain(j.tests.fisherExact.method)
    for (const k of ["phi", "cramersV", "contingencyCoefficient"]) expect(typeof j.measures[k]).toBe("number")
    for (const k of ["gamma", "kendallTauB", "kendallTauC", "somersD"]) {
      expect(typeof j.measures[k].value).toBe("number")
      expect(typeof j.measures[k].ase).toBe("number")
      expect(typeof j.measures[k].p).toBe("number")
    }
    expect(Array.isArray(j.warnings)).toBe(true)
    // Pearson's X² of the table, from its definition
    const N = 1096
    const rows = j.counts.map((r: Array<number>) => r.reduce((a, b) => a + b, 0))
    const cols = [0, 1, 2].map((c) => j.counts.reduce((a: number, r: Array<number>) => a + r[c], 0))
    let x2 = 0
    j.counts.forEach((r: Array<number>, a: number) =>
      r.forEach((o, b) => (x2 += (o - (rows[a] * cols[b]) / N) ** 2 / ((rows[a] * cols[b]) / N)))
    )
    expect(j.tests.pearson.statistic).toBeCloseTo(x2, 9)
    expect(j.tests.pearson.p).toBeGreaterThan(0)
    expect(j.tests.pearson.p).toBeLessThan(0.001)
  })

  it("text output follows SPSS CROSSTABS order, with < .001 and never .000", () => {
    const r = run(["crosstab", "--counts", EXAMPLE])
    expect(r.code).toBe(0)
    const at = [
      "Case Processing Summary",
      "Crosstabulation",
      "Chi-Square Tests",
      "Symmetric Measures",
      "Directional Measures"
    ].map((s) => r.stdout.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    for (
      const s of [
        "Pearson Chi-Square",
        "Likelihood Ratio",
        "Fisher's Exact Test",
        "Linear-by-Linear Association",
        "N of Valid Cases",
        "Adjusted Residual",
        "Expected Count"
      ]
    ) expect(r.stdout).toContain(s)
    expect(r.stdout).toContain("< .001")
    expect(r.stdout).not.toMatch(NO_DOT_000)
    expect(r.stdout).not.toContain("\u001b")
  })

  it("NO_COLOR and pipes give no ANSI codes", () => {
    for (const env of [{}, { NO_COLOR: "1" }]) {
      const r = run(["crosstab", "--counts", EXAMPLE], env)
      expect(r.stdout + r.stderr).not.toContain("\u001b")
    }
  })

  it("labels the typed table from a codebook with --lang vi headings", () => {
    const r = run([
      "crosstab",
      "--counts",
      EXAMPLE,
      "--codebook",
      "hcmc-2024",
      "--row",
      "level",
      "--col",
      "people_trust_limited",
      "--lang",
      "vi"
    ])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    for (
      const s of [
        "Tóm tắt xử lý trường hợp",
        "Kiểm định Chi bình phương",
        "Đo lường đối xứng",
        "Tổng",
        "Thành phố",
        "Quận/Huyện",
        "Phường/Xã",
        "Khó khăn",
        "Cấp cán bộ"
      ]
    ) expect(r.stdout).toContain(s)
    expect(r.stdout).not.toContain("Case Processing Summary")
    expect(r.stdout).not.toMatch(NO_DOT_000)
  })

  it("--format md gives GitHub tables with the footnotes", () => {
    const r = run(["crosstab", "--counts", "3,7;8,2", "--format", "md"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^### .*Crosstabulation$/m)
    expect(r.stdout).toMatch(/^\| --- \| --- \| ---: \| ---: \| ---: \|$/m)
    expect(r.stdout).toMatch(/^\| .* \| Count \| 3 \| 7 \| 10 \|$/m)
    expect(r.stdout).toContain("### Chi-Square Tests")
    expect(r.stdout).toContain("Continuity Correction")
    expect(r.stdout).toMatch(/^a\. .*expected count less than 5/m)
    expect(r.stdout).not.toMatch(NO_DOT_000)
  })

  it("--format csv gives UTF-8 with BOM: counts, a blank line, the tests", () => {
    const r = run([
      "crosstab",
      "--counts",
      EXAMPLE,
      "--format",
      "csv",
      "--codebook",
      "hcmc-2024",
      "--row",
      "level",
      "--col",
      "people_trust_limited",
      "--lang",
      "vi"
    ])
    expect(r.code).toBe(0)
    expect(r.stdout.charCodeAt(0)).toBe(0xfeff)
    const lines = r.stdout.slice(1).split("\r\n")
    expect(lines[0].endsWith(",Tổng")).toBe(true)
    expect(lines[1]).toBe("Thành phố,66,209,35,310")
    expect(lines[4]).toBe("Tổng,387,602,107,1096")
    expect(lines[5]).toBe("")
    const pearson = lines.find((l) => l.startsWith("Chi bình phương Pearson,"))!.split(",")
    expect(Number(pearson[2])).toBe(4)
    expect(Number(pearson[3])).toBeGreaterThan(0)
    expect(Number(pearson[3])).toBeLessThan(0.001)
  })

  it("runs a Monte Carlo Fisher test with a seed and says so", () => {
    const r = run(["crosstab", "--counts", EXAMPLE, "--exact", "monte-carlo", "--seed", "42", "--resamples", "2000"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Monte Carlo, B = 2000, seed 42/)
  })
})

describe("crosstab --data", () => {
  it("reads a CSV without a codebook, with --missing and --weight", () => {
    const r = run([
      "crosstab",
      "--data",
      f["survey.csv"],
      "--row",
      "level",
      "--col",
      "trust",
      "--missing",
      "level=9",
      "--weight",
      "w",
      "--format",
      "json"
    ])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.weighted).toBe(true)
    expect(j.row.name).toBe("level")
    expect(j.row.categories.map((c: { code: number }) => c.code)).toEqual([1, 2, 3])
    expect(j.col.categories.map((c: { code: number }) => c.code)).toEqual([1, 2])
    expect(j.counts[0][0]).toBeCloseTo(1.5, 12)
    expect(j.counts[2][1]).toBeCloseTo(1.5, 12)
    const total = j.counts.flat().reduce((a: number, b: number) => a + b, 0)
    expect(total).toBeCloseTo(j.n.valid, 12)
    expect(j.n.valid).toBeCloseTo(10, 12)
    expect(j.n.missing).toBeGreaterThan(0)
    expect(j.missingByCode).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ variable: "level", code: 9 }),
        expect.objectContaining({ variable: "trust", code: "system" })
      ])
    )
  })

  it("unweighted text output counts cases", () => {
    const r = run(["crosstab", "--data", f["plain.csv"], "--row", "level", "--col", "trust", "--missing", "level=9"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/level \* trust\s+9\s+81\.8%\s+2\s+18\.2%\s+11\s+100\.0%/)
  })

  it("reads a CSV against a codebook (labels, codebook missing codes)", () => {
    const r = run([
      "crosstab",
      "--data",
      f["hcmc.csv"],
      "--codebook",
      "hcmc-2024",
      "--row",
      "level",
      "--col",
      "people_trust_limited",
      "--format",
      "md"
    ])
    // a file holding only some of the codebook's variables is normal: no warning about the others
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("| City | Count |")
    expect(r.stdout).toContain("Ward/Commune")
  })

  it("takes a codebook file", () => {
    const r = run([
      "crosstab",
      "--data",
      f["survey.csv"],
      "--codebook",
      f["small.codebook.json"],
      "--row",
      "level",
      "--col",
      "trust",
      "--weight",
      "w",
      "--lang",
      "vi"
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Bảng chéo Cấp cán bộ * Tin tưởng")
    expect(r.stdout).toContain("Thành phố")
  })
})

describe("frequencies", () => {
  it("prints SPSS FREQUENCIES for each variable", () => {
    const r = run(["frequencies", "--data", f["hcmc.csv"], "--codebook", "hcmc-2024", "level", "sex"])
    expect(r.code).toBe(0)
    for (
      const s of [
        "Statistics",
        "Cadre level (level)",
        "Sex (sex)",
        "Frequency",
        "Valid Percent",
        "Cumulative Percent",
        "No answer",
        "Missing",
        "Total"
      ]
    ) expect(r.stdout).toContain(s)
    expect(r.stdout).toMatch(/City\s+3\s+30\.0\s+33\.3\s+33\.3/)
  })
  it("--lang vi and --format json", () => {
    const vi = run(["frequencies", "--data", f["hcmc.csv"], "--codebook", "hcmc-2024", "--lang", "vi", "level"])
    expect(vi.code).toBe(0)
    for (const s of ["Tần số", "Phần trăm", "Phần trăm hợp lệ", "Phần trăm tích lũy", "Thiếu", "Tổng"]) {
      expect(vi.stdout).toContain(s)
    }
    const j = run([
      "frequencies",
      "--data",
      f["plain.csv"],
      "--missing",
      "level=9",
      "--format",
      "json",
      "level",
      "trust"
    ])
    expect(j.code).toBe(0)
    const results = JSON.parse(j.stdout)
    expect(results).toHaveLength(2)
    expect(results[0].kind).toBe("frequencies")
    expect(results[0].n).toEqual({ valid: 10, missing: 1, total: 11 })
    expect(results[1].rows.some((x: { code: unknown }) => x.code === "system")).toBe(true)
  })
  it("csv and md", () => {
    const csv = run(["frequencies", "--data", f["plain.csv"], "--format", "csv", "level"])
    expect(csv.code).toBe(0)
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff)
    const md = run(["frequencies", "--data", f["plain.csv"], "--format", "md", "level"])
    expect(md.code).toBe(0)
    expect(md.stdout).toMatch(/^\| --- \| --- \| ---: \| ---: \| ---: \| ---: \|$/m)
  })
})

describe("codebook show", () => {
  it("lists the built-in codebook", () => {
    const r = run(["codebook", "show", "hcmc-2024"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Codebook hcmc-2024")
    expect(r.stdout).toMatch(/^level {2}Cadre level/m)
    expect(r.stdout).toContain("Missing codes: 9")
    expect(r.stdout).toContain("Multiple-response sets")
  })
  it("--format json prints the built-in's JSON form", () => {
    const r = run(["codebook", "show", "hcmc-2024", "--format", "json"])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.id).toBe("hcmc-2024")
    expect(j.scales).toHaveProperty("difficulty3")
  })
  it("shows a codebook file, in Vietnamese", () => {
    const r = run(["codebook", "show", f["small.codebook.json"], "--lang", "vi"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Sổ mã small: Khảo sát nhỏ")
    const j = JSON.parse(run(["codebook", "show", f["small.codebook.json"], "--format", "json"]).stdout)
    expect(j.variables.map((v: { name: string }) => v.name)).toEqual(["level", "trust", "w"])
  })
})

describe("bad input: exit 1, a message naming where and what, no stack trace", () => {
  it("a ragged CSV row", () => {
    expectBadInput(
      run(["crosstab", "--data", f["ragged.csv"], "--row", "level", "--col", "trust"]),
      "ragged.csv",
      /row 3/
    )
  })
  it("an unknown column in --row", () => {
    expectBadInput(
      run(["crosstab", "--data", f["plain.csv"], "--row", "nosuch", "--col", "trust"]),
      "\"nosuch\"",
      /level/
    )
  })
  it("a fractional column used as categories (no codebook): typed as numbers, the analysis names it and why", () => {
    expectBadInput(
      run(["crosstab", "--data", f["survey.csv"], "--row", "w", "--col", "trust"]),
      "survey.csv",
      /row 2/,
      /"w"/,
      /1\.5/,
      /not integer codes/
    )
  })
  it("an unknown variable in frequencies", () => {
    expectBadInput(run(["frequencies", "--data", f["plain.csv"], "nosuch"]), "\"nosuch\"")
  })
  it("a non-integer code", () => {
    expectBadInput(
      run(["crosstab", "--data", f["noninteger.csv"], "--row", "level", "--col", "trust"]),
      "noninteger.csv",
      /row 3/,
      /level/,
      /1\.5/
    )
  })
  it("a code the codebook does not list", () => {
    expectBadInput(
      run([
        "crosstab",
        "--data",
        f["unlisted.csv"],
        "--codebook",
        "hcmc-2024",
        "--row",
        "level",
        "--col",
        "people_trust_limited"
      ]),
      "unlisted.csv",
      /row 3/,
      /level/,
      /7/
    )
  })
  it("an empty table in --counts", () => {
    expectBadInput(run(["crosstab", "--counts", "0,0;0,0"]), /empty|no cases|zero|total/i)
  })
  it("a zero margin in --counts", () => {
    expectBadInput(run(["crosstab", "--counts", "0,0;1,2"]), /row 1/i)
  })
  it("a negative count in --counts", () => {
    expectBadInput(run(["crosstab", "--counts", "1,-2;3,4"]), /row 1, column 2/, /-2/)
  })
  it("a non-numeric count in --counts", () => {
    expectBadInput(run(["crosstab", "--counts", "1,2;3,x"]), /row 2, column 2/, /"x"/)
  })
  it("rows of different lengths in --counts", () => {
    expectBadInput(run(["crosstab", "--counts", "1,2,3;4,5"]), /row 2/)
  })
  it("a missing data file", () => {
    const missing = join(files.dir, "nope.csv")
    expectBadInput(
      run(["crosstab", "--data", missing, "--row", "level", "--col", "trust"]),
      missing,
      /no such file|not found|does not exist/i
    )
  })
  it("a missing codebook file", () => {
    expectBadInput(run(["codebook", "show", join(files.dir, "nope.json")]), "nope.json", /hcmc-2024/)
  })
  it("an invalid codebook JSON (wrong type, with its JSON path)", () => {
    expectBadInput(
      run(["codebook", "show", f["bad.codebook.json"]]),
      "bad.codebook.json",
      /\$\.variables\[0\]\.values\[0\]\.code/
    )
    expectBadInput(
      run([
        "crosstab",
        "--data",
        f["survey.csv"],
        "--codebook",
        f["bad.codebook.json"],
        "--row",
        "level",
        "--col",
        "trust"
      ]),
      "bad.codebook.json"
    )
  })
  it("a codebook that is not JSON", () => {
    expectBadInput(run(["codebook", "show", f["syntax.codebook.json"]]), "syntax.codebook.json", /JSON/)
  })
  it("--counts with codebook variables whose categories do not fit the table", () => {
    expectBadInput(
      run([
        "crosstab",
        "--counts",
        "1,2;3,4",
        "--codebook",
        "hcmc-2024",
        "--row",
        "level",
        "--col",
        "people_trust_limited"
      ]),
      /level/
    )
  })
})

describe("bad usage: exit 2 with a usage hint", () => {
  it("an unknown flag", () => expectUsage(run(["crosstab", "--counts", EXAMPLE, "--bogus"]), /--bogus/))
  it("an unknown command", () => expectUsage(run(["crosstabz"])))
  it("no command", () => expectUsage(run([])))
  it("a missing required flag", () => expectUsage(run(["frequencies", "level"]), /--data/))
  it("a missing VAR argument", () => expectUsage(run(["frequencies", "--data", f["survey.csv"]]), /VAR/))
  it("an invalid --format", () =>
    expectUsage(run(["crosstab", "--counts", EXAMPLE, "--format", "xml"]), /text, json, csv, md/))
  it("an invalid --lang", () => expectUsage(run(["crosstab", "--counts", EXAMPLE, "--lang", "fr"])))
  it("a malformed --missing", () =>
    expectUsage(
      run(["crosstab", "--data", f["survey.csv"], "--row", "level", "--col", "trust", "--missing", "level"]),
      /--missing/
    ))
  it("a non-integer --missing code", () =>
    expectUsage(
      run(["crosstab", "--data", f["survey.csv"], "--row", "level", "--col", "trust", "--missing", "level=x"]),
      /not an integer/
    ))
  it("both --counts and --data", () =>
    expectUsage(run(["crosstab", "--counts", EXAMPLE, "--data", f["survey.csv"]]), /not both/))
  it("neither --counts nor --data", () => expectUsage(run(["crosstab", "--row", "level"]), /--counts/))
  it("--data without --row/--col", () =>
    expectUsage(run(["crosstab", "--data", f["survey.csv"], "--row", "level"]), /--col/))
  it("--row/--col with --counts but no codebook", () =>
    expectUsage(run(["crosstab", "--counts", EXAMPLE, "--row", "level", "--col", "trust"]), /--codebook/))
  it("--codebook with --counts but no --row/--col", () =>
    expectUsage(run(["crosstab", "--counts", EXAMPLE, "--codebook", "hcmc-2024"]), /--row/))
  it("--weight with --counts", () => expectUsage(run(["crosstab", "--counts", EXAMPLE, "--weight", "w"]), /--weight/))
  it("a non-integer --seed", () => expectUsage(run(["crosstab", "--counts", EXAMPLE, "--seed", "abc"])))
  it("codebook without a subcommand", () => expectUsage(run(["codebook"]), /show/))
  it("usage errors through a pipe have no ANSI codes", () => {
    expect(run(["crosstab", "--format", "xml"]).stderr).not.toContain("\u001b")
  })
})
