import { readFileSync } from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// R survey's values (packages/stats/scripts/mmi-design.R writes packages/stats/test/fixtures/mmi-design.json)
interface Case {
  id: string
  statistic: number
  df: number
  p: number
  f: { statistic: number; df1: number; df2: number; p: number }
  designDf: number
}
type Column = "stratum" | "psu" | "group" | "y1" | "y2" | "y3" | "y4" | "w" | "inDomain"
const fx = JSON.parse(
  readFileSync(new URL("../../../packages/stats/test/fixtures/mmi-design.json", import.meta.url), "utf8")
) as { data: Record<Column, Array<number>>; cases: Array<Case> }
const domain = fx.cases.find((c) => c.id === "domain of strata and clusters")!

// y2 is blank outside the fixture's domain, so those respondents are left out (and stay in their PSU)
const columns = ["stratum", "psu", "group", "y1", "y2", "y3", "y4", "w"] as const
const csv = [
  columns.join(","),
  ...fx.data.w.map((_, k) =>
    columns.map((c) => (c === "y2" && fx.data.inDomain[k] === 0 ? "" : String(fx.data[c][k]))).join(",")
  )
].join("\n") + "\n"
const files = tempFiles({ "mr.csv": csv })
afterAll(files.cleanup)
const base = ["mr", "--data", files.paths["mr.csv"]!, "--group", "group", "--items", "y1,y2,y3,y4"]
const design = ["--weight", "w", "--strata", "stratum", "--cluster", "psu"]
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe("danvan mr with a sampling design", () => {
  it("the fixture holds its data", () => expect(fx.data.w).toHaveLength(163))
  it("--weight --strata --cluster: the design-based Rao-Scott test as R survey, and the JSON states the design", () => {
    const r = run([...base, ...design, "--format", "json"])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.design).toEqual({
      mode: "sampling",
      weight: "w",
      strata: "stratum",
      cluster: "psu",
      lonelyPsu: "fail",
      degreesOfFreedom: domain.designDf,
      psus: out.design.psus,
      strataCount: out.design.strataCount,
      df: domain.designDf,
      method: "Taylor linearization"
    })
    expect(out.design.psus - out.design.strataCount).toBe(domain.designDf)
    expect(out.itemTest).toBe("rao-scott-f")
    for (const k of ["statistic", "df1", "df2", "p"] as const) {
      expect(rel(out.raoScott[k], domain.f[k]), k).toBeLessThan(1e-8)
    }
    for (const k of ["statistic", "df", "p"] as const) expect(rel(out.rs2[k], domain[k]), k).toBeLessThan(1e-8)
    expect(typeof out.items[0].df2).toBe("number")
  })
  it("the text states the design in English and Vietnamese and fits 120 columns", () => {
    const en = run([...base, ...design])
    expect(en.code).toBe(0)
    // the one design statement of every analysis (report/src/text/design.ts)
    expect(en.stdout.replace(/\n/g, " ")).toMatch(
      /Design-based \(Taylor linearization\): weights w, strata stratum, clusters psu; lonely PSU: fail; \d+ PSUs, \d+ strata, design df = \d+\./
    )
    expect(en.stdout).toMatch(/Design-based second-order Rao-Scott \(F form.*\): F\(3\.41, 54\.6\) = 0\.383, p = \.791/)
    expect(en.stdout).not.toContain("frequency weights")
    const vi = run([...base, ...design, "--lang", "vi"])
    expect(vi.stdout).toContain(
      "Ước lượng theo thiết kế mẫu (tuyến tính hóa Taylor): trọng số w, tầng stratum, cụm psu"
    )
    expect(vi.stdout).toContain("Rao-Scott bậc hai theo thiết kế mẫu")
    for (const l of [...en.stdout.split("\n"), ...vi.stdout.split("\n")]) expect([...l].length).toBeLessThanOrEqual(120)
  })
  it("--weight-mode frequency keeps the SPSS frequency-weight tests and says so", () => {
    const r = run([...base, "--weight", "w", "--weight-mode", "frequency", "--format", "json"])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.design).toEqual({ mode: "frequency", weight: "w" })
    expect(out.itemTest).toBe("pearson")
    expect(out.raoScott).toBeUndefined()
    expect(run([...base, "--weight", "w", "--weight-mode", "frequency"]).stdout).toContain("frequency weights")
  })
  it("errors: the bootstrap with a design, frequency weights with strata, a lonely PSU; exit 1, no stack trace", () => {
    const boot = run([...base, "--cluster", "psu", "--method", "bootstrap"])
    expect(boot.stderr).toMatch(/bootstrap test does not take weights or a sampling design/)
    const freq = run([...base, "--weight", "w", "--weight-mode", "frequency", "--strata", "stratum"])
    expect(freq.stderr).toMatch(/frequency weights have no sampling design/)
    const lonely = run([...base, "--strata", "psu", "--cluster", "stratum"])
    expect(lonely.stderr).toMatch(/only one PSU/)
    for (const r of [boot, freq, lonely]) {
      expect(r.code).toBe(1)
      expect(r.stderr).not.toMatch(STACK_FRAME)
    }
  })
})
