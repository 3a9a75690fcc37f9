import { afterAll, describe, expect, it } from "vitest"
import { run, tempFiles } from "./run.js"

const DIFFICULTY = [
  "people_trust_limited",
  "qualifications_limited",
  "plans_not_localized",
  "methods_not_renewed",
  "working_conditions_limited"
]

// 12 respondents, 4 per level; codes 1 Difficult, 2 Normal, 3 Not difficult, 9 no answer (missing in hcmc-2024).
const rows = [
  "1,1,1,2,1,1",
  "1,1,2,2,1,2",
  "1,2,1,3,2,1",
  "1,1,1,2,1,9",
  "2,2,2,2,2,2",
  "2,2,1,1,2,3",
  "2,3,2,2,3,2",
  "2,2,2,3,2,2",
  "3,3,3,2,3,3",
  "3,2,3,1,3,3",
  "3,3,2,2,3,2",
  "3,3,3,3,2,3"
]
const files = tempFiles({ "difficulty.csv": [["level", ...DIFFICULTY].join(","), ...rows].join("\n") + "\n" })
afterAll(files.cleanup)

describe("danvan likert", () => {
  it("--set difficulty --codebook hcmc-2024 --format json scores Difficult = 3 and tests by level", () => {
    const r = run([
      "likert",
      "--data",
      files.paths["difficulty.csv"]!,
      "--set",
      "difficulty",
      "--by",
      "level",
      "--codebook",
      "hcmc-2024",
      "--format",
      "json"
    ])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.kind).toBe("likert")
    expect(out.scale.map((s: { code: number; score: number }) => [s.code, s.score])).toEqual([[1, 3], [2, 2], [3, 1]])
    const first = out.items[0]
    expect(first.name).toBe("people_trust_limited")
    expect(first.byGroup[0].distribution).toEqual([3, 1, 0])
    expect(first.byGroup[0].mean).toBeCloseTo(11 / 4, 12)
    expect(first.byGroup[0].netDifficulty).toBeCloseTo(75, 12)
    expect(typeof first.kruskalWallis.p).toBe("number")
    expect(typeof first.gamma.value).toBe("number")
    expect(out.items[4].total.n).toBe(11)
    expect(out.cronbach.n).toBe(11)
    expect(new Set(out.items.map((i: { rank: number }) => i.rank)).has(1)).toBe(true)
  })

  it("prints text tables and rejects a bad request", () => {
    const r = run([
      "likert",
      "--data",
      files.paths["difficulty.csv"]!,
      "--set",
      "difficulty",
      "--by",
      "level",
      "--codebook",
      "hcmc-2024"
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Kruskal-Wallis/)
    expect(r.stdout).toMatch(/Cronbach's alpha/)
    const bad = run(["likert", "--data", files.paths["difficulty.csv"]!, "--set", "difficulty", "--by", "level"])
    expect(bad.code).toBe(2)
    const unknown = run([
      "likert",
      "--data",
      files.paths["difficulty.csv"]!,
      "--set",
      "nope",
      "--by",
      "level",
      "--codebook",
      "hcmc-2024"
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no indicator set "nope"/)
  })
})
