import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "node20",
  // The createRequire line lets bundled CommonJS dependencies of the HTTP server (ws, better-sqlite3's
  // loader) call require() for Node built-ins from ESM chunks.
  banner: { js: '#!/usr/bin/env node\nimport { createRequire as __danvanCreateRequire } from "node:module";\nconst require = __danvanCreateRequire(import.meta.url);' },
  // One self-contained bundle (dependencies included, split into lazily loaded chunks): `danvan --help`
  // starts in ~0.2 s instead of ~0.9 s spent resolving hundreds of ESM files of effect and @effect/cli.
  // Native or CommonJS dependencies stay runtime dependencies, loaded from node_modules: better-sqlite3 (behind
  // @danvan/api, loaded only by `serve` and `api-key`) is a native addon, and exceljs (loaded only when an XLSX
  // report is written) bundled into ESM would fail on its require() calls of Node built-ins.
  noExternal: [/^(?!(better-sqlite3|exceljs)(\/|$))/],
  external: ["better-sqlite3", "exceljs"]
})
