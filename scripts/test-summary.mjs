#!/usr/bin/env node
// Adds up vitest's JSON reports (one per workspace package) into the plain line CI reads:
// "N passed, N failed" (the TEST_DIST run of analysis against its build included). Exits 1 when any test failed
// or a package with tests left no report.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
let passed = 0
let failed = 0
const problems = []
for (const group of ["packages", "apps", "tests"]) {
  const dir = join(root, group)
  if (!existsSync(dir)) continue
  for (const name of readdirSync(dir)) {
    const pkg = join(dir, name)
    if (!existsSync(join(pkg, "test"))) continue
    const report = join(pkg, ".vitest", "results.json")
    if (!existsSync(report)) {
      problems.push(`${group}/${name}: no vitest report (did its tests run?)`)
      continue
    }
    // results-dist.json: the same tests run against the built package (TEST_DIST=1), where `pnpm test` does that
    const dist = join(pkg, ".vitest", "results-dist.json")
    // results-pg.json: the API's store-heavy tests again with the store on PostgreSQL (apps/api/vitest.pg.config.ts)
    const pg = join(pkg, ".vitest", "results-pg.json")
    for (const [file, what] of [[report, ""], [dist, " (built package)"], [pg, " (PostgreSQL store)"]]) {
      if (file !== report && !existsSync(file)) continue
      const json = JSON.parse(readFileSync(file, "utf8"))
      passed += json.numPassedTests
      failed += json.numFailedTests
      if (json.numFailedTests > 0 || json.success === false) problems.push(`${group}/${name}${what}: failures`)
    }
  }
}
for (const p of problems) console.error(p)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || problems.length > 0 || passed === 0 ? 1 : 0)
