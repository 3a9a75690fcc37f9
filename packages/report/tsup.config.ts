import { defineConfig } from "tsup"

export default defineConfig({
  // Entry points: the report (vega, exceljs); `text`, the terminal renderers of single commands; and `text/width`
  // (display width, ANSI stripping), which the CLI needs at start-up without loading any renderer.
  // `sentences`: the APA sentences and number formats only, for the browser (the web app).
  entry: {
    index: "src/index.ts",
    "text/index": "src/text/index.ts",
    "text/width": "src/text/width.ts",
    sentences: "src/sentences.ts"
  },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // exceljs is loaded lazily by the XLSX renderer only; it stays a runtime dependency, never bundled.
  external: ["exceljs"]
})
