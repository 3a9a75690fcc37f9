import { readFileSync } from "node:fs"
import { type PlanResult, replicate, runPlan } from "@danvan/analysis"
import { builtinCodebook, builtinPlan, builtinPublishedTables, makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"

/** The shipped synthetic example (plain integer CSV): its counts by level equal the paper's tables. */
export const exampleDataset = () => {
  const lines = readFileSync(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url), "utf8").trim()
    .split(/\r?\n/)
  const header = lines[0].split(",")
  const rows = lines.slice(1).map((l) => l.split(","))
  return makeDataset(
    header.map((name, j) => ({
      name,
      type: "codes" as const,
      values: Int32Array.from(rows, (r) => (r[j] === "" ? SYSTEM_MISSING : Number(r[j])))
    }))
  )
}

export const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
export const plan = Either.getOrThrow(builtinPlan("hcmc-2024"))

let cached: PlanResult | undefined
/** The built-in plan run on the synthetic example (computed once per test file). */
export const examplePlanResult =
  (): PlanResult => (cached ??= Either.getOrThrow(runPlan(exampleDataset(), codebook, plan)))

export const publishedResult = () => replicate(Either.getOrThrow(builtinPublishedTables("hcmc-2024")), { codebook })

/** R's reference values (committed fixtures written by the R scripts). */
export const fixture = (path: string): any =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"))
