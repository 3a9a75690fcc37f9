#!/usr/bin/env node
// Checks that turbo never replays a stale pass: every file a task reads is one of that task's hashed inputs.
//
// 1. A scan finds the files each package's sources and tests read: every relative path literal ("./x", "../y",
//    `./fixtures/${name}` counts as the folder "./fixtures/") in `src/`, `test/` and `scripts/`, resolved from the
//    file that holds it, plus each package's README (read by the readme tests). Paths under node_modules, dist
//    (built by a task the reader depends on), .vitest/.artifacts (outputs) and paths that do not exist are left out.
// 2. `turbo run build typecheck test --dry=json` lists, per task, the files whose hashes make the task's hash.
// 3. Every scanned file must be in that list for the tasks that read it (build: what src and the tsup/vitest
//    configs read; typecheck: what src and test import; test: everything src, test and scripts read). A file in
//    the list changes the task's hash when its content changes, so its cache entry is not replayed.
//
// `node scripts/turbo-inputs.mjs` prints the misses and exits 1 when there are any; tests/repo runs it as a test.
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"

export const root = fileURLToPath(new URL("..", import.meta.url))
const SKIP = /(^|\/)(node_modules|dist|\.vitest|\.artifacts|\.turbo)(\/|$)/
const CODE = /\.(ts|mts|mjs|js|tsx)$/

const walk = (dir) => {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return SKIP.test(e.name) ? [] : walk(path)
    return [path]
  })
}

/** Workspace packages: `{ name, dir }` for each package.json under packages/, apps/, tests/. */
export const workspacePackages = () =>
  ["packages", "apps", "tests"].flatMap((group) => {
    const base = join(root, group)
    if (!existsSync(base)) return []
    return readdirSync(base)
      .filter((name) => existsSync(join(base, name, "package.json")))
      .map((name) => ({
        name: JSON.parse(readFileSync(join(base, name, "package.json"), "utf8")).name,
        dir: join(base, name)
      }))
  })

/**
 * Relative path literals in one source file, resolved to existing files (a folder gives all files under it).
 * A template literal whose fixed part names a folder that holds the package (`../../${path}`) is completed with
 * the string literals of the package's code (`fixture("stats/test/fixtures/chisq.json")`).
 */
export const pathsReadBy = (file, pkgDir, literals) => {
  const text = readFileSync(file, "utf8")
  const found = new Set()
  for (const m of text.matchAll(/["'`](\.\.?\/[^"'`$\n]*)(\$\{)?/g)) {
    let target = resolve(dirname(file), m[1])
    if (m[2] !== undefined && (pkgDir + sep).startsWith(target.endsWith(sep) ? target : target + sep)) {
      for (const lit of literals) {
        const f = resolve(target, lit)
        if (!SKIP.test(relative(root, f)) && existsSync(f) && statSync(f).isFile()) found.add(f)
      }
      continue
    }
    if (SKIP.test(relative(root, target).split(sep).join("/"))) continue
    if (!existsSync(target) && /\.js$/.test(target) && existsSync(target.replace(/\.js$/, ".ts"))) {
      target = target.replace(/\.js$/, ".ts")
    }
    if (!existsSync(target)) continue
    if (target === root || target === root.replace(/\/$/, "")) continue
    const files = statSync(target).isDirectory() ? walk(target) : [target]
    for (const f of files) found.add(f)
  }
  return [...found]
}

/** For each package and folder (src, test, scripts): every file its code reads, as repo-relative paths. */
export const scanReads = () =>
  workspacePackages().map(({ name, dir }) => {
    const code = ["src", "test", "scripts"].flatMap((sub) => walk(join(dir, sub)).filter((f) => CODE.test(f)))
    const literals = new Set(
      code.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/"([\w@.-][^"\n]*)"/g)].map((m) => m[1]))
    )
    const reads = (sub) => {
      const all = new Set()
      for (const file of walk(join(dir, sub)).filter((f) => CODE.test(f))) {
        for (const f of pathsReadBy(file, dir, literals)) all.add(relative(root, f).split(sep).join("/"))
      }
      return [...all].sort()
    }
    const rel = (f) => relative(root, f).split(sep).join("/")
    const readme = existsSync(join(dir, "README.md")) ? [rel(join(dir, "README.md"))] : []
    const configReads = (name) =>
      existsSync(join(dir, name)) ? pathsReadBy(join(dir, name), dir, literals).map(rel) : []
    const tsconfig = join(dir, "tsconfig.json")
    const extended = existsSync(tsconfig) ? JSON.parse(readFileSync(tsconfig, "utf8")).extends : undefined
    const base = typeof extended === "string" ? [rel(resolve(dir, extended))] : []
    const imports = (subs) => {
      const all = new Set()
      for (const file of subs.flatMap((sub) => walk(join(dir, sub))).filter((f) => CODE.test(f))) {
        const text = readFileSync(file, "utf8")
        for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)["'](\.\.?\/[^"']+)["']/g)) {
          let f = resolve(dirname(file), m[1])
          if (!existsSync(f) && f.endsWith(".js")) f = f.replace(/\.js$/, ".ts")
          if (existsSync(f) && statSync(f).isFile() && !SKIP.test(rel(f))) all.add(rel(f))
        }
      }
      return [...all]
    }
    return {
      name,
      dir: rel(dir),
      src: [...new Set([...reads("src"), ...configReads("tsup.config.ts"), ...base])].sort(),
      typecheck: [...new Set([...imports(["src", "test"]), ...base])].sort(),
      test: [
        ...new Set([
          ...reads("src"),
          ...reads("test"),
          ...reads("scripts"),
          ...readme,
          ...configReads("vitest.config.ts")
        ])
      ].sort()
    }
  })

/** turbo's dry run: `{ [taskId]: { cache, inputs: repo-relative paths } }`. */
export const turboInputs = () => {
  const out = execFileSync("npx", ["turbo", "run", "build", "typecheck", "test", "--dry=json"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024
  })
  const json = JSON.parse(out)
  const tasks = {}
  for (const t of json.tasks) {
    const dir = t.directory
    const inputs = new Set(Object.keys(t.inputs).map((p) => relative(root, resolve(root, dir, p)).split(sep).join("/")))
    for (const g of Object.keys(json.globalCacheInputs?.files ?? {})) inputs.add(g)
    if (t.command === "<NONEXISTENT>") continue
    tasks[t.taskId] = { cache: t.resolvedTaskDefinition?.cache !== false, inputs }
  }
  return tasks
}

/** Files read by a task but absent from its hashed inputs, as `task: file` lines. */
export const misses = (scan = scanReads(), tasks = turboInputs()) => {
  const lines = []
  for (const pkg of scan) {
    const wants = { build: pkg.src, typecheck: pkg.typecheck, test: pkg.test }
    for (const [task, files] of Object.entries(wants)) {
      const t = tasks[`${pkg.name}#${task}`]
      if (t === undefined || t.cache === false) continue
      for (const f of files) if (!t.inputs.has(f)) lines.push(`${pkg.name}#${task}: ${f}`)
    }
  }
  return lines
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = misses()
  for (const line of found) console.error(line)
  console.log(found.length === 0 ? "turbo inputs cover every file the tasks read" : `${found.length} files missing`)
  process.exit(found.length === 0 ? 0 : 1)
}
