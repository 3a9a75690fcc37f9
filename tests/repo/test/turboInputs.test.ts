import { describe, expect, it } from "vitest"
import { misses, scanReads, turboInputs } from "../../../scripts/turbo-inputs.mjs"

describe("turbo inputs", () => {
  const scan = scanReads()
  const tasks = turboInputs() as Record<string, { cache: boolean; inputs: Set<string> }>

  it("the scan finds the files the tests read outside their package", () => {
    expect(scan.length).toBeGreaterThanOrEqual(8)
    const reads = (name: string) => scan.find((p) => p.name === name)!.test
    expect(reads("@danvan/analysis")).toContain("packages/stats/test/fixtures/chisq.json")
    expect(reads("@danvan/analysis")).toContain("examples/hcmc-2024-synthetic.csv")
    expect(reads("@danvan/cli")).toContain("packages/io/test/fixtures/sav/survey-utf8.zsav")
    expect(reads("@danvan/report")).toContain("packages/analysis/test/fixtures/replicate.json")
    expect(scan.find((p) => p.name === "@danvan/domain")!.src).toContain(
      "packages/domain/data/hcmc-2024-published-tables.json"
    )
  })

  it("a file read from outside the package is hashed into the test task (so changing it changes the hash)", () => {
    expect(tasks["@danvan/analysis#test"].inputs.has("packages/stats/test/fixtures/chisq.json")).toBe(true)
    expect(tasks["@danvan/domain#build"].inputs.has("packages/domain/data/hcmc-2024-published-tables.json")).toBe(true)
    expect(tasks["@danvan/cli#test"].inputs.has("packages/io/test/fixtures/sav/survey-utf8.zsav")).toBe(true)
  })

  it("every file each build, typecheck and test task reads is one of its hashed inputs", () => {
    expect(misses(scan, tasks)).toEqual([])
  })
})
