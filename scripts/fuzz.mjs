#!/usr/bin/env node
// The long fuzzing run (issue 20): the seeded property tests of the readers (packages/io), the CLI's flags
// (apps/cli) and the API's bodies (apps/api), with a new seed and many more runs than CI's.
//
//   node scripts/fuzz.mjs                     # random seed, 50x the CI runs (a few minutes)
//   node scripts/fuzz.mjs --seed 1234 --scale 200
//   node scripts/fuzz.mjs --only io           # io | cli | api (repeatable)
//
// Build first (`npx --yes pnpm@10 build`): the CLI and API tests spawn the built dist. A failure prints
// fast-check's counterexample and seed; re-run with that --seed to reproduce it, then add the case as a
// regression test. Exit code: 0 when every suite passed, 1 otherwise.
import { spawnSync } from "node:child_process"
import { randomInt } from "node:crypto"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const args = process.argv.slice(2)
const option = (name) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : undefined
}
const seed = option("seed") ?? String(randomInt(2 ** 31))
const scale = option("scale") ?? "50"
const suites = { io: "packages/io", cli: "apps/cli", api: "apps/api" }
const only = args.flatMap((a, i) => (a === "--only" ? [args[i + 1]] : []))
const chosen = only.length > 0 ? only : Object.keys(suites)

for (const name of chosen) {
  if (!(name in suites)) {
    console.error(`unknown suite ${name}: choose from ${Object.keys(suites).join(", ")}`)
    process.exit(2)
  }
}

console.log(`fuzz: seed ${seed}, scale ${scale}, suites ${chosen.join(", ")}`)
let failed = 0
for (const name of chosen) {
  const started = Date.now()
  const r = spawnSync("npx", ["vitest", "run", "test/fuzz.test.ts"], {
    cwd: join(root, suites[name]),
    env: { ...process.env, FUZZ_SEED: seed, FUZZ_SCALE: scale },
    stdio: "inherit"
  })
  const ok = r.status === 0
  if (!ok) failed++
  console.log(
    `fuzz: ${name} ${ok ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed})`
  )
}
process.exit(failed === 0 ? 0 : 1)
