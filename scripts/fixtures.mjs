#!/usr/bin/env node
// `pnpm fixtures`: runs every generator of committed test fixtures, each in its own folder, stopping at the first
// that fails. A generator is a file in packages/<name>/scripts/ that writes under test/fixtures: R scripts
// (Rscript; r-base-core, r-cran-jsonlite, r-cran-survey), Python scripts (python3 with mpmath) and shell scripts
// (sh; PSPP, LibreOffice). Found by that rule, so a new generator is run without editing this file.
// `node scripts/fixtures.mjs --list` prints them; `node scripts/fixtures.mjs NAME...` runs only those files.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const RUNNERS = { ".R": "Rscript", ".py": "python3", ".sh": "sh" }
// stats first: analysis and report tests read its fixtures; the others in name order
const order = (name) => (name === "stats" ? 0 : 1)

export const generators = () =>
  readdirSync(join(root, "packages"))
    .filter((name) => existsSync(join(root, "packages", name, "scripts")))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .flatMap((name) => {
      const dir = join(root, "packages", name, "scripts")
      return readdirSync(dir)
        .sort()
        .filter((file) => Object.keys(RUNNERS).some((ext) => file.endsWith(ext)))
        .filter((file) => /test\/fixtures/.test(readFileSync(join(dir, file), "utf8")))
        .map((file) => ({ dir, file, runner: RUNNERS[file.slice(file.lastIndexOf("."))] }))
    })

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const all = generators()
  if (args[0] === "--list") {
    for (const g of all) console.log(`${g.runner} ${relative(root, join(g.dir, g.file))}`)
    process.exit(0)
  }
  const chosen = args.length === 0 ? all : all.filter((g) => args.includes(g.file))
  for (const g of chosen) {
    console.log(`fixtures: ${g.runner} ${relative(root, join(g.dir, g.file))}`)
    const run = spawnSync(g.runner, [g.file], { cwd: g.dir, stdio: "inherit" })
    if (run.status !== 0) {
      console.error(`fixtures: ${g.file} failed (exit ${run.status ?? run.signal}); fixtures after it were not made`)
      process.exit(1)
    }
  }
}
