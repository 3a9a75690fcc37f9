import { defineConfig } from "tsup"

export default defineConfig({
  // fp-ts is a separate entry so that the main entry never imports it (it is an optional peer).
  entry: { index: "src/index.ts", "fp-ts": "src/fp-ts/index.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20"
})
