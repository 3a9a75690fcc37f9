import { execFileSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig, type Options } from "tsup"

type Plugin = NonNullable<Options["esbuildPlugins"]>[number]

const PACKAGES = /^@danvan\/(analysis|domain|io|report|stats)(\/[^"']*)?$/
const packagesDir = fileURLToPath(new URL("../../packages/", import.meta.url))

/** `@danvan/x` is packages/x/src/index.ts, `@danvan/x/sub` packages/x/src/sub/index.ts or packages/x/src/sub.ts. */
const sourceOf = (spec: string): string | undefined => {
  const m = PACKAGES.exec(spec)
  if (m === null) return undefined
  const src = join(packagesDir, m[1]!, "src", m[2] ?? "")
  return [join(src, "index.ts"), `${src}.ts`].find((f) => existsSync(f))
}

/** Where a name a module exports is defined: the file, the name there, and whether it is a type only. */
interface Origin {
  readonly file: string
  readonly name: string
  readonly type: boolean
}

const IDENT = "[A-Za-z_$][\\w$]*"
const LOCAL_DECL = new RegExp(
  `^export\\s+(?:declare\\s+)?(?:async\\s+)?(const|let|var|function\\*?|class|abstract\\s+class|enum|interface|type)\\s+(${IDENT})`,
  "gm"
)
const NAMED = /^export\s+(type\s+)?\{([^}]*)\}(?:\s*from\s*["']([^"']+)["'])?/gm
const STAR = /^export\s+\*\s+from\s*["']([^"']+)["']/gm

/** The file an `export … from` names: relative, or another package's barrel; undefined for anything else. */
const relative = (from: string, spec: string): string | undefined =>
  spec.startsWith(".") ? join(dirname(from), spec.replace(/\.js$/, ".ts")) : sourceOf(spec)

const exportCache = new Map<string, Map<string, Origin>>()

/**
 * The names a package source file exports, each traced through `export … from` and `export *` to the file
 * that defines it. Read with regular expressions over the repository's own export statements (one statement
 * per line start, as the formatter writes them); a name not found here is imported from the barrel as before.
 */
const exportsOf = (file: string): Map<string, Origin> => {
  const known = exportCache.get(file)
  if (known !== undefined) return known
  const out = new Map<string, Origin>()
  exportCache.set(file, out)
  if (!existsSync(file)) return out
  const text = readFileSync(file, "utf8")
  // A name declared as a value and as a type (a schema and its type) is a value: its import brings both.
  const declare = (name: string, type: boolean) =>
    out.set(name, { file, name, type: type && out.get(name)?.type !== false })
  for (const m of text.matchAll(LOCAL_DECL)) declare(m[2]!, m[1] === "interface" || m[1] === "type")
  for (const m of text.matchAll(NAMED)) {
    const from = m[3] === undefined ? undefined : relative(file, m[3])
    for (const part of m[2]!.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
      const spec = /^(type\s+)?(\S+)(?:\s+as\s+(\S+))?$/.exec(part)
      if (spec === null) continue
      const type = m[1] !== undefined || spec[1] !== undefined
      const [name, alias = name] = [spec[2]!, spec[3]]
      if (m[3] === undefined) declare(alias, type)
      else if (from !== undefined) {
        const origin = exportsOf(from).get(name)
        out.set(alias, origin === undefined ? { file: from, name, type } : { ...origin, type: type || origin.type })
      }
    }
  }
  for (const m of text.matchAll(STAR)) {
    const from = relative(file, m[1]!)
    if (from === undefined) continue
    for (const [name, origin] of exportsOf(from)) if (!out.has(name)) out.set(name, origin)
  }
  return out
}

const importLine = (names: ReadonlyArray<readonly [Origin, string]>, type: boolean) => {
  const byFile = new Map<string, Array<string>>()
  for (const [o, local] of names) {
    byFile.set(o.file, [...(byFile.get(o.file) ?? []), o.name === local ? o.name : `${o.name} as ${local}`])
  }
  return [...byFile].map(([f, list]) => `import ${type ? "type " : ""}{ ${list.join(", ")} } from ${JSON.stringify(f)}`)
    .join("; ")
}

/** `import { a, type B } from "@danvan/x"` as imports from the files that define a and B (same line count). */
const rewriteNamed = (stmt: string, typeOnly: string | undefined, list: string, spec: string): string => {
  const barrel = sourceOf(spec)
  if (barrel === undefined) return stmt
  const table = exportsOf(barrel)
  const values: Array<readonly [Origin, string]> = []
  const types: Array<readonly [Origin, string]> = []
  const rest: Array<string> = []
  for (const part of list.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const m = /^(type\s+)?(\S+)(?:\s+as\s+(\S+))?$/.exec(part)
    const origin = m === null ? undefined : table.get(m[2]!)
    if (m === null || origin === undefined) rest.push(part)
    else (typeOnly !== undefined || m[1] !== undefined || origin.type ? types : values).push([origin, m[3] ?? m[2]!])
  }
  const lines = [
    ...(rest.length > 0 ? [`import ${typeOnly ?? ""}{ ${rest.join(", ")} } from ${JSON.stringify(spec)}`] : []),
    importLine(values, false),
    importLine(types, true)
  ].filter((l) => l !== "")
  return lines.join("; ") + "\n".repeat((stmt.match(/\n/g) ?? []).length)
}

/** `import * as Stats from "@danvan/stats"` with `Stats.x` read as imports of each x from its file. */
const rewriteNamespace = (text: string, stmt: string, ns: string, spec: string): string | undefined => {
  const barrel = sourceOf(spec)
  if (barrel === undefined) return undefined
  const table = exportsOf(barrel)
  const used = new Set([...text.matchAll(new RegExp(`(?<![\\w$.])${ns}\\.(${IDENT})`, "g"))].map((m) => m[1]!))
  if ([...used].some((name) => !table.has(name))) return undefined
  const names = [...used].map((name) => [table.get(name)!, `__${ns}_${name}`] as const)
  const imports = [importLine(names.filter(([o]) => !o.type), false), importLine(names.filter(([o]) => o.type), true)]
    .filter((l) => l !== "").join("; ")
  return text.replace(stmt, imports + "\n".repeat((stmt.match(/\n/g) ?? []).length))
    .replace(new RegExp(`(?<![\\w$.])${ns}\\.(${IDENT})`, "g"), `__${ns}_$1`)
}

/**
 * The workspace packages bundled from their TypeScript sources (not their dist bundles), each import from a
 * package's barrel (`@danvan/analysis`, its index.ts) read as imports of the files that define the names. A
 * package's dist is one file whose top-level statements all run once anything in it is used, and esbuild's
 * chunks follow files: every file a barrel re-exports went into the chunks of every command importing it. So
 * `danvan crosstab` loaded all of analysis, io, report and domain (~750 KB, with schema decoding at import).
 * Now a command's chunks hold the files it reaches (the packages declare `"sideEffects": false`).
 */
const fromSources: Plugin = {
  name: "danvan-sources",
  setup(build) {
    build.onResolve({ filter: PACKAGES }, (args) => {
      const file = sourceOf(args.path)
      return file === undefined ? undefined : { path: file, sideEffects: false }
    })
    build.onLoad({ filter: /[\\/](packages[\\/][a-z]+|apps[\\/]cli)[\\/]src[\\/].*\.ts$/ }, (args) => {
      let text = readFileSync(args.path, "utf8")
      for (const m of [...text.matchAll(/^import\s+\*\s+as\s+(\w+)\s+from\s*"(@danvan\/[^"]+)"/gm)]) {
        text = rewriteNamespace(text, m[0], m[1]!, m[2]!) ?? text
      }
      text = text.replace(
        /^import\s+(type\s+)?\{([^}]*)\}\s*from\s*"(@danvan\/[^"]+)"/gm,
        (stmt, type: string | undefined, list: string, spec: string) => rewriteNamed(stmt, type, list, spec)
      )
      return { contents: text, loader: "ts" }
    })
  }
}

export default defineConfig({
  // The API's analysis worker, bundled next to bin.js: the server code inside this bundle (`danvan serve`)
  // starts it from its own directory.
  entry: { bin: "src/bin.ts", "analysis-worker": "src/analysis-worker.ts" },
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "node20",
  // exceljs (lazily loaded for .xlsx) and the HTTP server's CommonJS dependencies (ws, …) call require("crypto")
  // etc.: give the ESM chunks a real `require` so esbuild's shim can delegate to it.
  banner: {
    js:
      "#!/usr/bin/env node\nimport { createRequire as __danvanCreateRequire } from \"node:module\";\nconst require = __danvanCreateRequire(import.meta.url);"
  },
  // One self-contained bundle (dependencies included, split into lazily loaded chunks): `danvan --help`
  // starts in ~0.2 s instead of ~0.9 s spent resolving hundreds of ESM files of effect and @effect/cli.
  // better-sqlite3 (behind @danvan/api, loaded only by `serve` and `api-key`) is a native addon: it is loaded
  // from node_modules at run time, never bundled.
  // playwright-core (loaded only to print a PDF or chart PNGs) reads its own files next to it: never bundled either.
  // @duckdb/node-api (loaded only by --engine duckdb and .parquet files) loads DuckDB's native binary: the same.
  noExternal: [/^(?!(better-sqlite3|playwright-core|@duckdb\/node-api)(\/|$))/],
  external: ["better-sqlite3", "playwright-core", "@duckdb/node-api"],
  esbuildPlugins: [fromSources],
  // Render `danvan --help` once, with colour codes, for the fast path in src/bin.ts.
  onSuccess: async () => {
    const { NO_COLOR: _ignored, ...env } = process.env
    const help = execFileSync(process.execPath, ["dist/bin.js", "--help"], {
      env: { ...env, DANVAN_FULL_HELP: "1", FORCE_COLOR: "1" }
    })
    writeFileSync("dist/help.ansi", help)
  }
})
