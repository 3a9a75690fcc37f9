import { readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const SURVEY = fileURLToPath(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url))
const files = tempFiles({
  "weighted.csv": "level,q1,w\n1,1,0.1\n1,1,0.2\n1,2,0.3\n2,1,1.5\n2,2,1/3\n2,2,2.25\n3,1,0\n3,9,1\n3,2,\n"
    .replace("1/3", String(1 / 3))
})
afterAll(files.cleanup)
const at = (name: string) => join(files.dir, name)

const ok = (args: ReadonlyArray<string>) => {
  const r = run(args)
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  return r
}
const crosstab = (data: string, ...extra: ReadonlyArray<string>) =>
  JSON.parse(
    ok([
      "crosstab",
      "--data",
      data,
      "--codebook",
      "hcmc-2024",
      "--row",
      "level",
      "--col",
      "people_trust_limited",
      "--format",
      "json",
      ...extra
    ]).stdout
  )

describe("--engine memory|duckdb", () => {
  it("crosstab of the synthetic survey: the same JSON with either engine and without --engine", () => {
    const plain = crosstab(SURVEY)
    expect(plain.n.valid).toBeGreaterThan(1000)
    expect(crosstab(SURVEY, "--engine", "duckdb")).toStrictEqual(plain)
    expect(crosstab(SURVEY, "--engine", "memory")).toStrictEqual(plain)
  })

  it("weighted, the engines agree bit for bit (exactly rounded sums) and state the weight", () => {
    const args = ["crosstab", "--data", at("weighted.csv"), "--row", "level", "--col", "q1", "--weight", "w"]
    const extra = ["--missing", "q1=9", "--format", "json", "--weight-mode", "frequency"]
    const memory = JSON.parse(ok([...args, ...extra, "--engine", "memory"]).stdout)
    const duck = JSON.parse(ok([...args, ...extra, "--engine", "duckdb"]).stdout)
    expect(duck).toStrictEqual(memory)
    // level 1: weights 0.1 + 0.2 (the double nearest their exact sum) and 0.3; the zero and blank weights are left out
    expect(memory.counts[0]).toStrictEqual([0.30000000000000004, 0.3])
    expect(memory.warnings.map((w: { code: string }) => w.code)).toContain("WEIGHT_EXCLUDED")
    expect(memory.weight.variable).toBe("w")
  })

  it("a sampling weight (the default mode) or a design with --engine: exit 1 saying what to do", () => {
    const args = ["crosstab", "--data", at("weighted.csv"), "--row", "level", "--col", "q1", "--engine", "memory"]
    const sampling = run([...args, "--weight", "w"])
    expect(sampling.code).toBe(1)
    expect(sampling.stderr).toMatch(/sampling weight by default .* add --weight-mode frequency/)
    expect(sampling.stderr).not.toMatch(/\n\s+at /)
    const design = run([...args, "--strata", "level"])
    expect(design.code).toBe(1)
    expect(design.stderr).toMatch(/carry no sampling design: leave out --engine/)
  })

  it("frequencies: the same JSON with either engine, from the CSV and from its Parquet copy", () => {
    const args = ["frequencies", "--codebook", "hcmc-2024", "level", "people_trust_limited", "--format", "json"]
    const plain = JSON.parse(ok([...args, "--data", SURVEY]).stdout)
    expect(plain).toHaveLength(2)
    expect(JSON.parse(ok([...args, "--data", SURVEY, "--engine", "duckdb"]).stdout)).toStrictEqual(plain)
    const parquet = at("freq.parquet")
    ok(["convert", SURVEY, "--out", parquet])
    expect(JSON.parse(ok([...args, "--data", parquet, "--engine", "duckdb"]).stdout)).toStrictEqual(plain)
    expect(JSON.parse(ok([...args, "--data", parquet, "--engine", "memory"]).stdout)).toStrictEqual(plain)
  })

  it("likert and mr: the same JSON with either engine (both computed from the cells)", () => {
    const likert = ["likert", "--data", SURVEY, "--codebook", "hcmc-2024", "--set", "difficulty", "--by", "level"]
    const memory = JSON.parse(ok([...likert, "--format", "json", "--engine", "memory"]).stdout)
    expect(memory.items).toHaveLength(5)
    expect(JSON.parse(ok([...likert, "--format", "json", "--engine", "duckdb"]).stdout)).toStrictEqual(memory)
    // the case-level path adds the same numbers in file order: equal up to rounding
    const plain = JSON.parse(ok([...likert, "--format", "json"]).stdout)
    expect(memory.cronbach.alpha).toBeCloseTo(plain.cronbach.alpha, 12)
    expect(memory.items.map((i: { total: { n: number } }) => i.total.n)).toStrictEqual(
      plain.items.map((i: { total: { n: number } }) => i.total.n)
    )
    const mr = ["mr", "--data", SURVEY, "--codebook", "hcmc-2024", "--set", "purpose", "--group", "level"]
    const mrPlain = JSON.parse(ok([...mr, "--method", "rs2", "--format", "json"]).stdout)
    expect(mrPlain.items).toHaveLength(5)
    expect(JSON.parse(ok([...mr, "--method", "rs2", "--format", "json", "--engine", "duckdb"]).stdout)).toStrictEqual(
      mrPlain
    )
  })

  it("--engine with --counts is a usage error", () => {
    const r = run(["crosstab", "--counts", "1,2;3,4", "--engine", "duckdb"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--engine applies to --data")
  })
})

describe("Parquet", () => {
  it("convert writes .parquet; crosstab reads it with either engine, equal to the CSV's", () => {
    const out = at("survey.parquet")
    const r = ok(["convert", SURVEY, "--out", out])
    expect(r.stderr).toContain("1096 rows")
    expect(readdirSync(files.dir).filter((f) => f.includes(".tmp-"))).toStrictEqual([])
    const fromCsv = crosstab(SURVEY)
    expect(crosstab(out)).toStrictEqual(fromCsv)
    expect(crosstab(out, "--engine", "memory")).toStrictEqual(fromCsv)
    expect(crosstab(out, "--engine", "duckdb")).toStrictEqual(fromCsv)
  })

  it("a broken Parquet file or an unknown column: exit 1, a message naming the file, no stack trace", () => {
    const broken = at("broken.parquet")
    writeFileSync(broken, Buffer.concat([Buffer.from("PAR1"), Buffer.alloc(64, 7), Buffer.from("PAR1")]))
    for (const engine of [[], ["--engine", "memory"], ["--engine", "duckdb"]]) {
      const r = run(["crosstab", "--data", broken, "--row", "level", "--col", "q1", ...engine])
      expect(r.code, r.stderr).toBe(1)
      expect(r.stderr).toContain(broken)
      expect(r.stderr).toMatch(/Parquet/)
      expect(r.stderr).not.toMatch(STACK_FRAME)
      expect(r.stdout).toBe("")
    }
    const good = at("good.parquet")
    ok(["convert", SURVEY, "--out", good])
    const r = run(["crosstab", "--data", good, "--row", "level", "--col", "nope", "--engine", "duckdb"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`unknown variable "nope": ${good} has the columns id, level`)
    expect(r.stderr).not.toMatch(STACK_FRAME)
  })

  it("convert --out X.parquet from a broken input writes nothing", () => {
    const bad = at("bad.csv")
    writeFileSync(bad, "level,people_trust_limited\n1,1\n7,2\n")
    const out = at("never.parquet")
    const r = run(["convert", bad, "--out", out, "--codebook", "hcmc-2024"])
    expect(r.code).toBe(1)
    expect(readdirSync(files.dir)).not.toContain("never.parquet")
    expect(r.stderr).toContain(`row 3, column "level": value "7"`)
    const nowhere = run(["convert", SURVEY, "--out", join(files.dir, "no-such-folder", "x.parquet")])
    expect(nowhere.code).toBe(1)
    expect(nowhere.stderr).toContain("cannot write")
    expect(nowhere.stderr).not.toMatch(STACK_FRAME)
  })
})
