import { defineConfig } from "tsup"

export default defineConfig({
  // analysis-worker.js must sit next to the server's modules: workers.ts finds it relative to its own URL.
  // definition.js is the HttpApi description alone (no server code), for the web app's typed client.
  entry: {
    index: "src/index.ts",
    main: "src/main.ts",
    "analysis-worker": "src/worker/entry.ts",
    definition: "src/api.ts"
  },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts", definition: "src/api.ts" } },
  sourcemap: true,
  clean: true,
  target: "node20",
  // better-sqlite3 is a native addon: it is loaded from node_modules, never bundled.
  external: ["better-sqlite3"]
})
