import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

/** Spawns the built CLI (`dist/bin.js`; turbo builds it before these tests, locally run `npx tsup` first). */

export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url))

export interface RunResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export const run = (args: ReadonlyArray<string>, env: Readonly<Record<string, string | undefined>> = {}): RunResult => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the CLI first (cd apps/cli && npx tsup)`)
  const merged: Record<string, string> = {}
  for (
    const [k, v] of Object.entries({
      ...process.env,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      DANVAN_DEBUG: undefined,
      ...env
    })
  ) {
    if (v !== undefined) merged[k] = v
  }
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: merged, timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A stack frame line as Node prints it ("    at foo (file.js:1:2)"). */
export const STACK_FRAME = /^\s+at\s/m

/** A temporary directory with the given files; returns their paths and a cleanup. */
export const tempFiles = (files: Readonly<Record<string, string>>) => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-cli-"))
  const paths: Record<string, string> = {}
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name)
    writeFileSync(p, content)
    paths[name] = p
  }
  return { dir, paths, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
