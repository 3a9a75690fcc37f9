import { execFile } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { promisify } from "node:util"
import ts from "typescript"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { attwTarball, buildAll, packAll, publintTarball, repoRoot } from "../scripts/lib.mjs"
import { importsPackage, readmeExamples, relativeImports } from "./examples.js"

/**
 * Packs every published package, installs the tarballs with npm into a fresh project outside the workspace
 * (once, for every check below), and uses them as a downstream app would: ESM import + README examples,
 * require() from CommonJS, and `tsc --noEmit` under moduleResolution bundler and node16.
 */
type Packed = { name: string; dir: string; relDir: string; manifest: Record<string, any>; tarball: string }

let work: string
let app: string
let packed: Array<Packed>
const subpaths = (p: Packed) => Object.keys(p.manifest.exports).filter((s) => s !== "./package.json")
const specifier = (p: Packed, subpath: string) => (subpath === "." ? p.name : `${p.name}/${subpath.slice(2)}`)
const entries = () => packed.flatMap((p) => subpaths(p).map((s) => ({ p, subpath: s, spec: specifier(p, s) })))
const examples = () =>
  packed.flatMap((p) =>
    readmeExamples(readFileSync(join(p.dir, "README.md"), "utf8")).map((code, i) => ({
      p,
      code,
      file: `${p.relDir.split("/").pop()}-${i + 1}`
    }))
  )
// asynchronous only: a worker blocked on a long synchronous child process misses vitest's RPC heartbeat
const exec = (cmd: string, args: Array<string>, cwd?: string) =>
  promisify(execFile)(cmd, args, { cwd, maxBuffer: 64 << 20 }).then(
    (r) => ({ status: 0, stdout: r.stdout, stderr: r.stderr }),
    (e) => ({
      status: typeof e.code === "number" ? e.code : 1,
      stdout: String(e.stdout ?? ""),
      stderr: String(e.stderr ?? e.message)
    })
  )
const node = (args: Array<string>) => exec(process.execPath, args, app)

beforeAll(async () => {
  await buildAll()
  work = mkdtempSync(join(tmpdir(), "danvan-install-"))
  mkdirSync(join(work, "tarballs"))
  packed = await packAll(join(work, "tarballs"))
  app = join(work, "app")
  mkdirSync(app)
  const rootDev = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).devDependencies
  // optional peers (fp-ts) at the version the workspace tests against; required peers (effect) come from npm
  const optionalPeers = Object.fromEntries(
    packed.flatMap((p) =>
      Object.keys(p.manifest.peerDependenciesMeta ?? {}).map((peer) => [peer, p.manifest.devDependencies[peer]])
    )
  )
  const dependencies = {
    ...Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`])),
    ...optionalPeers,
    "@types/node": rootDev["@types/node"]
  }
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "danvan-consumer", private: true, type: "module", dependencies }, null, 2)
  )
  // one install for all checks; --prefer-offline reuses npm's cache, so a warm machine hardly touches the registry
  const install = await exec("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], app)
  if (install.status !== 0) throw new Error(`npm install of the tarballs failed:\n${install.stderr}`)

  for (const { file, code } of examples()) {
    mkdirSync(join(app, "examples"), { recursive: true })
    writeFileSync(join(app, "examples", `${file}.ts`), code)
    const js = ts.transpileModule(code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true }
    })
    writeFileSync(join(app, "examples", `${file}.mjs`), js.outputText)
  }
  const all = entries()
  writeFileSync(
    join(app, "import-all.mjs"),
    `${
      all.map((e, i) => `import * as m${i} from ${JSON.stringify(e.spec)}`).join("\n")
    }\nconsole.log(JSON.stringify({ ${
      all.map((e, i) => `${JSON.stringify(e.spec)}: Object.keys(m${i}).sort()`).join(", ")
    } }))\n`
  )
  writeFileSync(
    join(app, "require-all.cjs"),
    `console.log(JSON.stringify({ requireModule: process.features.require_module, ${
      all.map((e) => `${JSON.stringify(e.spec)}: Object.keys(require(${JSON.stringify(e.spec)})).sort()`).join(", ")
    } }))\n`
  )
  mkdirSync(join(app, "consumer"), { recursive: true })
  writeFileSync(
    join(app, "consumer", "all-entries.ts"),
    `${
      all.map((e, i) => `import * as m${i} from ${JSON.stringify(e.spec)}`).join("\n")
    }\nexport const entries: ReadonlyArray<object> = [${all.map((_, i) => `m${i}`).join(", ")}]\n`
  )
})

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
})

describe("packed tarballs", () => {
  it("publint: no errors, no warnings", async () => {
    for (const p of packed) {
      const messages = (await publintTarball(p.tarball)).filter((m: { type: string }) => m.type !== "suggestion")
      expect(messages.map((m: { text: string }) => `${p.name}: ${m.text}`)).toEqual([])
    }
  })

  it("arethetypeswrong (profile esm-only): no problems", async () => {
    for (const p of packed) {
      const { status, problems } = await attwTarball(p.tarball)
      expect(problems.map((x: string) => `${p.name}: ${x}`)).toEqual([])
      expect(status, `${p.name}: attw exit code`).toBe(0)
    }
  })

  it("hold dist, README, CHANGELOG, LICENSE and package.json, and no sources or tests", async () => {
    for (const p of packed) {
      const files = (await exec("tar", ["-tzf", p.tarball])).stdout.trim().split("\n").map((f) =>
        f.replace(/^package\//, "")
      )
      expect(files, p.name).toEqual(
        expect.arrayContaining([
          "package.json",
          "README.md",
          "CHANGELOG.md",
          "LICENSE",
          "dist/index.js",
          "dist/index.d.ts",
          "dist/index.js.map"
        ])
      )
      expect(files.filter((f) => /^(src|test|scripts)\//.test(f) || f.endsWith(".test.ts")), p.name).toEqual([])
    }
  })
})

describe("installed from the tarballs with npm", () => {
  it("every entry point imports from ESM", async () => {
    const run = await node(["import-all.mjs"])
    expect(run.stderr).toBe("")
    const keys = JSON.parse(run.stdout)
    for (const e of entries()) expect(keys[e.spec].length, `${e.spec} exports nothing`).toBeGreaterThan(0)
  })

  it("every README example runs as written", async () => {
    expect(examples().length).toBeGreaterThanOrEqual(packed.length)
    for (const { file } of examples()) {
      const run = await node([join("examples", `${file}.mjs`)])
      expect(run.status, `examples/${file}.ts failed:\n${run.stderr}`).toBe(0)
      expect(run.stderr, `examples/${file}.ts`).not.toMatch(/\n\s+at /) // no stack trace
    }
  })

  it("every entry point require()s from CommonJS on this Node (require(esm)), with the same exports", async () => {
    const run = await node(["require-all.cjs"])
    expect(run.status, run.stderr).toBe(0)
    // Node 20.19+ loads ESM with require() unflagged; a require from outside node_modules may print one
    // ExperimentalWarning, which is all stderr may hold.
    const stderr = run.stderr.split("\n").filter((l) =>
      l.trim() !== "" && !/ExperimentalWarning|--trace-warnings/.test(l)
    )
    expect(stderr).toEqual([])
    const required = JSON.parse(run.stdout)
    expect(required.requireModule).toBe(true)
    const imported = JSON.parse((await node(["import-all.mjs"])).stdout)
    for (const e of entries()) expect(required[e.spec], e.spec).toEqual(imported[e.spec])
  })

  it.each(["bundler", "node16"] as const)(
    "type-checks a TypeScript consumer (README examples + every entry) with moduleResolution %s",
    async (resolution) => {
      const module = resolution === "bundler" ? "preserve" : "node16"
      const tsconfig = `tsconfig.${resolution}.json`
      writeFileSync(
        join(app, tsconfig),
        JSON.stringify(
          {
            compilerOptions: {
              target: "ES2022",
              lib: ["ES2022"],
              module,
              moduleResolution: resolution,
              strict: true,
              noEmit: true,
              types: ["node"],
              skipLibCheck: false,
              exactOptionalPropertyTypes: false
            },
            include: ["examples/*.ts", "consumer/*.ts"]
          },
          null,
          2
        )
      )
      const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc")
      const run = await exec(process.execPath, [tsc, "-p", tsconfig], app)
      expect(run.stdout + run.stderr).toBe("")
      expect(run.status).toBe(0)
    }
  )

  it("an optional peer dependency is imported only by its own entry point (fp-ts never by @danvan/stats)", () => {
    let checked = 0
    for (const p of packed) {
      const installed = join(app, "node_modules", p.name)
      const graph = (start: string) => {
        const seen = new Set<string>()
        const todo = [join(installed, start)]
        while (todo.length > 0) {
          const file = todo.pop()!
          if (seen.has(file)) continue
          seen.add(file)
          for (const rel of relativeImports(readFileSync(file, "utf8"))) todo.push(join(dirname(file), rel))
        }
        return [...seen]
      }
      for (const peer of Object.keys(p.manifest.peerDependenciesMeta ?? {})) {
        for (const subpath of subpaths(p)) {
          const files = graph(p.manifest.exports[subpath].default)
          const importers = files.filter((f) => importsPackage(readFileSync(f, "utf8"), peer))
          if (subpath === `./${peer}`) expect(importers.length, `${p.name}/${peer} imports ${peer}`).toBeGreaterThan(0)
          else {expect(
              importers.map((f) => f.slice(installed.length)),
              `${specifier(p, subpath)} must not import ${peer}`
            ).toEqual([])}
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
