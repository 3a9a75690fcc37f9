import { execFileSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { defineConfig } from "tsup"

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
  // Render `danvan --help` once, with colour codes, for the fast path in src/bin.ts.
  onSuccess: async () => {
    const { NO_COLOR: _ignored, ...env } = process.env
    const help = execFileSync(process.execPath, ["dist/bin.js", "--help"], {
      env: { ...env, DANVAN_FULL_HELP: "1", FORCE_COLOR: "1" }
    })
    writeFileSync("dist/help.ansi", help)
  }
})
