import { afterAll, describe, expect, it } from "vitest"
import { run, tempFiles } from "./run.js"

// Two groups {1, 2, 3} and {4, 5, 6} (plus a blank and a no-answer 99): means 2 and 5, variances 1, so
// SS_between = 13.5, SS_within = 4, F = 13.5 on (1, 4) df, eta squared = 13.5/17.5.
const files = tempFiles({
  "ages.csv":
    ["level,age,tenure,w", "1,1,2,1", "1,2,1,2", "1,3,4,1", "2,4,3,1", "2,5,6,1", "2,6,5,1", "2,,1,1", "1,99,3,1"].join(
      "\n"
    ) + "\n",
  "bad.csv": ["level,age", "1,1", "1,abc", "2,3"].join("\n") + "\n"
})
afterAll(files.cleanup)
const data = () => files.paths["ages.csv"]!

describe("danvan means", () => {
  it("--format json: groups, ANOVA, Welch, post-hoc", () => {
    const r = run([
      "means",
      "--data",
      data(),
      "--var",
      "age",
      "--by",
      "level",
      "--missing",
      "age=99",
      "--format",
      "json"
    ])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.kind).toBe("means")
    expect(out.groups.map((g: { code: number; n: number; mean: number }) => [g.code, g.n, g.mean])).toEqual([
      [1, 3, 2],
      [2, 3, 5]
    ])
    expect(out.n).toEqual({ valid: 6, missing: 2, total: 8 })
    expect(out.tests.anova.statistic).toBeCloseTo(13.5, 12)
    expect([out.tests.anova.df1, out.tests.anova.df2]).toEqual([1, 4])
    expect(out.effectSizes.etaSquared).toBeCloseTo(13.5 / 17.5, 12)
    expect(typeof out.tests.welch.p).toBe("number")
    expect(typeof out.tests.kruskalWallis.p).toBe("number")
    expect(out.postHoc.tukey[0]).toMatchObject({ i: 1, j: 2, difference: 3 })
    expect(out.postHoc.gamesHowell).toHaveLength(1)
  })
  it("weighted: n is the sum of weights and the weight is stated", () => {
    const r = run([
      "means",
      "--data",
      data(),
      "--var",
      "age",
      "--by",
      "level",
      "--missing",
      "age=99",
      "--weight",
      "w",
      "--weight-mode",
      "frequency"
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Weighted by w/)
    const sampled = run([
      "means",
      "--data",
      data(),
      "--var",
      "age",
      "--by",
      "level",
      "--missing",
      "age=99",
      "--weight",
      "w"
    ])
    expect(sampled.stdout).toMatch(/Design-based \(Taylor linearization\): weights w/)
    const j = JSON.parse(
      run([
        "means",
        "--data",
        data(),
        "--var",
        "age",
        "--by",
        "level",
        "--missing",
        "age=99",
        "--weight",
        "w",
        "--format",
        "json"
      ]).stdout
    )
    expect(j.groups[0].n).toBe(4)
    expect(j.weight).toEqual({ variable: "w", sum: 7 })
  })
  it("text output in Vietnamese with p-values never .000", () => {
    const r = run(["means", "--data", data(), "--var", "age", "--by", "level", "--lang", "vi"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/ANOVA một yếu tố/)
    expect(r.stdout).toMatch(/Games-Howell/)
    expect(r.stdout).not.toMatch(/\.000\b/)
  })
  it("--format md and csv: the same tables in Markdown, full-precision numbers in CSV", () => {
    const args = ["means", "--data", data(), "--var", "age", "--by", "level", "--missing", "age=99"]
    const md = run([...args, "--format", "md"])
    expect(md.code).toBe(0)
    expect(md.stdout).toContain("### Tests of equality of means and variances")
    expect(md.stdout).toMatch(/^\| One-way ANOVA \(F\) \| 13\.500 \| 1 \| 4 \|/m)
    const csv = run([...args, "--format", "csv"])
    expect(csv.code).toBe(0)
    const lines = csv.stdout.replace(/^\uFEFF/, "").split("\r\n")
    expect(lines[0]).toBe("variable,by,code,group,n,mean,sd,se,ciLower,ciUpper,median,min,max")
    expect(lines[1].split(",").slice(0, 7)).toEqual(["age", "level", "1", "1", "3", "2", "1"])
    expect(lines.find((l) => l.startsWith("anova,"))!.split(",").slice(0, 4)).toEqual(["anova", "13.5", "1", "4"])
    const cor = run(["correlate", "--data", data(), "--missing", "age=99", "--format", "csv", "age", "tenure"])
    expect(cor.code).toBe(0)
    const row = cor.stdout.split("\r\n")[1].split(",")
    expect(row.slice(0, 3)).toEqual(["age", "tenure", "6"])
    expect(Number(row[7])).toBeCloseTo(29 / 35, 12)
    expect(run(["correlate", "--data", data(), "--format", "md", "age", "tenure"]).stdout).toContain("### Correlations")
  })
  it("bad input: unknown variable, non-numeric value", () => {
    const unknown = run(["means", "--data", data(), "--var", "agee", "--by", "level"])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/unknown variable "agee"/)
    const bad = run(["means", "--data", files.paths["bad.csv"]!, "--var", "age", "--by", "level"])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/abc/)
    expect(bad.stdout).toBe("")
  })
})

describe("danvan correlate", () => {
  it("Pearson and Spearman of two columns", () => {
    const r = run(["correlate", "--data", data(), "--missing", "age=99", "--format", "json", "age", "tenure"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.kind).toBe("correlation")
    expect(out.pairs).toHaveLength(1)
    expect(out.pairs[0]).toMatchObject({ x: "age", y: "tenure", n: 6 })
    // ranks of age 1..6 and tenure 2,1,4,3,6,5: rho = 1 − 6·6/(6·35) = 29/35
    expect(out.pairs[0].spearman.r).toBeCloseTo(29 / 35, 12)
    expect(typeof out.pairs[0].pearson.p).toBe("number")
    const text = run(["correlate", "--data", data(), "age", "tenure"])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/Pearson r/)
  })
  it("needs two variables (usage error)", () => {
    const r = run(["correlate", "--data", data(), "age"])
    expect(r.code).toBe(2)
  })
})
