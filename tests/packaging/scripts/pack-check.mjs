#!/usr/bin/env node
// `pnpm release:dry`: what `pnpm release` would publish, checked offline. Packs every published package
// (packages/*, not private; built here with turbo) into a temporary directory, lists each tarball's files, and runs
// publint and arethetypeswrong (profile esm-only) on it. Exit 1 on any publint error or attw problem.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { attwTarball, buildAll, packAll, publintTarball } from "./lib.mjs"

await buildAll()
const dest = mkdtempSync(join(tmpdir(), "danvan-pack-"))
let failed = false
try {
  for (const p of await packAll(dest)) {
    const lint = await publintTarball(p.tarball)
    const attw = await attwTarball(p.tarball)
    const errors = lint.filter((m) => m.type === "error")
    failed ||= errors.length > 0 || attw.problems.length > 0 || attw.status !== 0
    console.log(`${p.name}@${p.manifest.version}  ${p.tarball.split("/").pop()}`)
    console.log(`  publint: ${errors.length} errors, ${lint.length - errors.length} warnings/suggestions`)
    for (const m of lint) console.log(`    ${m.type}: ${m.text}`)
    console.log(
      `  attw (esm-only): ${attw.problems.length === 0 && attw.status === 0 ? "no problems" : attw.problems.join("; ")}`
    )
  }
} finally {
  rmSync(dest, { recursive: true, force: true })
}
console.log(failed ? "release dry run: problems found" : "release dry run: every package is ready to publish")
process.exit(failed ? 1 : 0)
