import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // exceljs is loaded lazily by the XLSX renderer only; it stays a runtime dependency, never bundled.
  external: ["exceljs"]
})
