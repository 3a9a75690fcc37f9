import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts", "src/main.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
  target: "node20",
  // better-sqlite3 is a native addon: it is loaded from node_modules, never bundled.
  external: ["better-sqlite3"]
})
