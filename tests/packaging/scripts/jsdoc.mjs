// Which exported functions of the published packages lack a doc comment or an `@example`, read with the
// TypeScript compiler API from source (no build needed). Used by test/jsdoc.test.ts and runnable alone:
// `node tests/packaging/scripts/jsdoc.mjs` lists them.
import { existsSync } from "node:fs"
import { join, relative } from "node:path"
import ts from "typescript"
import { publishedPackages, repoRoot } from "./lib.mjs"

/** The source file of an export subpath: "." -> src/index.ts, "./x" -> src/x/index.ts or src/x.ts. */
export const sourceEntry = (dir, subpath) => {
  const candidates = subpath === "."
    ? ["src/index.ts"]
    : [`src/${subpath.slice(2)}/index.ts`, `src/${subpath.slice(2)}.ts`]
  return candidates.map((c) => join(dir, c)).find((f) => existsSync(f))
}

/** Every published entry point with its source file: `[{ spec, file }]` (a missing source is `file: undefined`). */
export const entryPoints = () =>
  publishedPackages().flatMap((p) =>
    Object.keys(p.manifest.exports ?? { ".": {} })
      .filter((s) => s !== "./package.json")
      .map((s) => ({ spec: s === "." ? p.name : `${p.name}/${s.slice(2)}`, file: sourceEntry(p.dir, s) }))
  )

const isFunction = (checker, symbol, decl) => {
  if (symbol.flags & ts.SymbolFlags.Function) return true
  if (symbol.flags & ts.SymbolFlags.Class) return false
  if (!(symbol.flags & ts.SymbolFlags.Variable)) return false
  const type = checker.getTypeOfSymbolAtLocation(symbol, decl)
  return type.getCallSignatures().length > 0 && type.getConstructSignatures().length === 0
}

/**
 * `{ entries, functions, missing }`: the number of entry points, of exported functions checked, and each
 * function without a one-line description or without an `@example` tag, as
 * `{ name, file, line, spec, lacks: ["doc comment" | "@example"] }`.
 */
export const undocumentedFunctions = () => {
  const entries = entryPoints()
  const program = ts.createProgram(entries.map((e) => e.file).filter(Boolean), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    baseUrl: repoRoot,
    paths: { "@danvan/*": ["packages/*/src/index.ts"] }
  })
  const checker = program.getTypeChecker()
  const seen = new Set()
  const missing = []
  let functions = 0
  const visit = (moduleSymbol, spec, depth) => {
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      const decl = symbol.valueDeclaration ?? symbol.declarations?.[0]
      if (decl === undefined) continue
      if (symbol.flags & ts.SymbolFlags.ValueModule && depth < 3) {
        visit(symbol, spec, depth + 1)
        continue
      }
      if (!isFunction(checker, symbol, decl)) continue
      const file = decl.getSourceFile()
      const key = `${file.fileName}:${decl.pos}`
      if (seen.has(key)) continue
      seen.add(key)
      functions++
      const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim()
      const hasExample = symbol.getJsDocTags(checker).some((t) =>
        t.name === "example" && ts.displayPartsToString(t.text).trim() !== ""
      )
      const lacks = [...(doc === "" ? ["doc comment"] : []), ...(hasExample ? [] : ["@example"])]
      if (lacks.length > 0) {
        const line = file.getLineAndCharacterOfPosition(decl.getStart()).line + 1
        missing.push({ name: exported.name, file: relative(repoRoot, file.fileName), line, spec, lacks })
      }
    }
  }
  for (const e of entries) {
    const source = e.file && program.getSourceFile(e.file)
    const moduleSymbol = source && checker.getSymbolAtLocation(source)
    if (moduleSymbol) visit(moduleSymbol, e.spec, 0)
  }
  missing.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  return { entries: entries.length, functions, missing }
}

/** One line per function: `packages/x/src/f.ts:12 name (@danvan/x) lacks @example`. */
export const formatMissing = (missing) =>
  missing.map((m) => `${m.file}:${m.line} ${m.name} (${m.spec}) lacks ${m.lacks.join(" and ")}`)

if (import.meta.url === `file://${process.argv[1]}`) {
  const { entries, functions, missing } = undocumentedFunctions()
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ entries, functions, missing }))
    process.exit(0)
  }
  for (const line of formatMissing(missing)) console.log(line)
  console.log(
    `${functions} exported functions in ${entries} entry points, ${missing.length} without a doc comment or @example`
  )
  process.exit(missing.length > 0 ? 1 : 0)
}
