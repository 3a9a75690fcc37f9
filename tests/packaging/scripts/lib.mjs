// Shared by the packaging tests (test/*.test.ts) and `pnpm release:dry` (scripts/pack-check.mjs).
// Everything is discovered: a published package is any package under packages/* whose package.json is not
// "private", so a new package is packed, linted and install-tested without touching this file.
import { execFile } from "node:child_process"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

// Everything that runs a process is asynchronous: a test worker blocked for minutes misses vitest's RPC heartbeat.
const run = promisify(execFile)

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))

/** Non-private packages under packages/*, sorted by directory: `{ name, dir, relDir, manifest }`. */
export const publishedPackages = () =>
  readdirSync(join(repoRoot, "packages"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(repoRoot, "packages", d.name, "package.json")))
    .map((d) => {
      const dir = join(repoRoot, "packages", d.name)
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
      return { name: manifest.name, dir, relDir: `packages/${d.name}`, manifest }
    })
    .filter((p) => p.manifest.private !== true)
    .sort((a, b) => a.relDir.localeCompare(b.relDir))

/**
 * How to run pnpm: the pnpm that runs us (turbo under `pnpm test` sets npm_execpath), else `npx --yes pnpm@10`
 * as the README says. pnpm (not npm) packs, because it rewrites `workspace:*` to real versions.
 */
const pnpm = () => {
  const execPath = process.env.npm_execpath ?? ""
  return /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ["npx", ["--yes", "pnpm@10"]]
}

/**
 * Builds every published package (turbo: a cache hit when nothing changed). The packaging tests build for
 * themselves rather than list the packages as workspace dependencies, so a new package needs no entry here.
 */
export const buildAll = async () => {
  const [cmd, prefix] = pnpm()
  await run(cmd, [...prefix, "exec", "turbo", "run", "build", "--filter=./packages/*", "--output-logs=errors-only"], {
    cwd: repoRoot,
    maxBuffer: 64 << 20
  })
}

/** `pnpm pack` of every published package (built beforehand) into `dest`: `[{ ...package, tarball }]`. */
export const packAll = async (dest) => {
  const packed = []
  for (const p of publishedPackages()) {
    const [cmd, prefix] = pnpm()
    const { stdout: out } = await run(cmd, [...prefix, "pack", "--pack-destination", dest], {
      cwd: p.dir,
      maxBuffer: 64 << 20
    })
    const tarball = out.trim().split("\n").map((l) => l.trim()).reverse().find((l) => l.endsWith(".tgz"))
    if (tarball === undefined || !existsSync(tarball)) {
      throw new Error(`pnpm pack in ${p.relDir} printed no tarball:\n${out}`)
    }
    packed.push({ ...p, tarball })
  }
  return packed
}

/** publint on a packed tarball: every message as `{ type, text }` (type error | warning | suggestion). */
export const publintTarball = async (tarball) => {
  const { publint } = await import("publint")
  const { formatMessage } = await import("publint/utils")
  const bytes = readFileSync(tarball)
  const result = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion"
  })
  return result.messages.map((m) => ({
    type: m.type,
    code: m.code,
    text: formatMessage(m, result.pkg, { color: false }) ?? m.code
  }))
}

// The resolution modes the esm-only profile of attw does not check (an ESM-only package cannot serve them).
const ESM_ONLY_IGNORED = new Set(["node10", "node16-cjs"])

/** arethetypeswrong (profile esm-only) on a packed tarball: the problems that count, as text, and the exit code. */
export const attwTarball = async (tarball) => {
  const bin = fileURLToPath(new URL("../node_modules/@arethetypeswrong/cli/dist/index.js", import.meta.url))
  const result = await run(process.execPath, [bin, tarball, "--profile", "esm-only", "--format", "json"], {
    maxBuffer: 64 << 20
  })
    .then(
      (r) => ({ ...r, status: 0 }),
      (e) => ({ stdout: e.stdout ?? "", stderr: e.stderr ?? String(e), status: e.code ?? 1 })
    )
  let problems = []
  try {
    const json = JSON.parse(result.stdout)
    problems = Object.values(json.problems ?? {}).flat()
      .filter((p) => !ESM_ONLY_IGNORED.has(p.resolutionKind))
      .map((p) => `${p.kind} at "${p.entrypoint ?? ""}" (${p.resolutionKind ?? "any resolution"})`)
  } catch {
    problems = [`attw printed no JSON (exit ${result.status}): ${result.stderr || result.stdout}`]
  }
  return { status: result.status, problems }
}
