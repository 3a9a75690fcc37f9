import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const root = fileURLToPath(new URL(".", import.meta.url))

/**
 * `TEST_DIST=1`: the tests run against the BUILT packages (`dist/*.js`, what npm users get) instead of `src/`:
 * `@danvan/*` and the package's own `../src/index.js` resolve to `dist/`. Build first (`turbo run build`).
 * `pnpm test` runs the analysis tests this way once (`test:dist`), which also loads domain's and stats' builds.
 */
const dist = process.env.TEST_DIST === "1"
const entry = (dir: string, name: string) => (dist ? `${root}${dir}/dist/${name}.js` : `${root}${dir}/src/${name}.ts`)

/**
 * Tests run on source: workspace packages resolve to their `src/index.ts`, not to `dist/`.
 * Every package writes vitest's JSON report to `.vitest/results.json` (`.vitest/results-dist.json` under
 * TEST_DIST), which `scripts/test-summary.mjs` adds up into the plain `N passed, N failed` line that CI prints.
 */
export const sharedConfig = defineConfig({
  resolve: {
    alias: [
      { find: /^@danvan\/report\/text$/, replacement: entry("packages/report", "text/index") },
      { find: /^@danvan\/report\/text\/width$/, replacement: entry("packages/report", "text/width") },
      { find: /^@danvan\/report\/sentences$/, replacement: entry("packages/report", "sentences") },
      ...["domain", "stats", "io", "analysis", "report"].map((name) => ({
        find: new RegExp(`^@danvan/${name}$`),
        replacement: entry(`packages/${name}`, "index")
      })),
      { find: /^@danvan\/api$/, replacement: entry("apps/api", "index") },
      ...(dist ? [{ find: /^\.\.\/src\/index\.js$/, replacement: join(process.cwd(), "dist", "index.js") }] : []),
      ...(dist
        ? [{ find: /^\.\.\/src\/duckdb\/index\.js$/, replacement: join(process.cwd(), "dist", "duckdb", "index.js") }]
        : [])
    ]
  },
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: dist ? ".vitest/results-dist.json" : ".vitest/results.json" },
    testTimeout: 30_000
  }
})
