import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const published = JSON.parse(
  readFileSync(new URL("../../../packages/domain/data/hcmc-2024-published-tables.json", import.meta.url), "utf8")
)
const tmp = tempFiles({})
afterAll(() => tmp.cleanup())

describe("danvan synth", () => {
  const out = join(tmp.dir, "synthetic.csv")
  const r = run(["synth", "hcmc-2024", "--seed", "7", "--out", out])

  it("writes the CSV and a sidecar that marks it synthetic", () => {
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("wrote 1096 synthetic respondents")
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, "utf8"))
    expect(meta).toMatchObject({ synthetic: true, seed: 7, rows: 1096 })
  })

  it("gives back the published Table 4 item 1 counts through danvan crosstab, with no reader warning", () => {
    const x = run([
      "crosstab",
      "--data",
      out,
      "--codebook",
      "hcmc-2024",
      "--row",
      "level",
      "--col",
      "people_trust_limited",
      "--format",
      "json",
      "--exact",
      "none"
    ])
    expect(x.stderr).toBe("")
    const item = published.tables[3].items[0]
    const byLevel = [0, 1, 2].map((l) => item.rows.map((row: { counts: Array<number> }) => row.counts[l]))
    expect(JSON.parse(x.stdout).counts).toEqual(byLevel)
  })

  it("writes nothing and exits 1 when the folder does not exist", () => {
    const bad = join(tmp.dir, "missing", "x.csv")
    const x = run(["synth", "hcmc-2024", "--out", bad])
    expect(x.code).toBe(1)
    expect(x.stderr).toBe(`danvan: error: cannot write ${bad}: the folder does not exist\n`)
    expect(x.stderr).not.toMatch(STACK_FRAME)
    expect(readdirSync(tmp.dir).sort()).toEqual(["synthetic.csv", "synthetic.csv.meta.json"])
    expect(existsSync(bad)).toBe(false)
  })

  it("needs --out (usage, exit 2)", () => {
    expect(run(["synth", "hcmc-2024"]).code).toBe(2)
  })
})
