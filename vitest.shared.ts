import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const root = fileURLToPath(new URL(".", import.meta.url))

/**
 * Tests run on source: workspace packages resolve to their `src/index.ts`, not to `dist/`.
 * Every package writes vitest's JSON report to `.vitest/results.json`, which `scripts/test-summary.mjs`
 * adds up into the plain `N passed, N failed` line that CI prints.
 */
export const sharedConfig = defineConfig({
  resolve: {
    alias: [
      { find: /^@danvan\/report\/text$/, replacement: `${root}packages/report/src/text/index.ts` },
      { find: /^@danvan\/report\/text\/width$/, replacement: `${root}packages/report/src/text/width.ts` },
      { find: /^@danvan\/(domain|stats|io|analysis|report)$/, replacement: `${root}packages/$1/src/index.ts` },
      { find: /^@danvan\/api$/, replacement: `${root}apps/api/src/index.ts` }
    ]
  },
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: ".vitest/results.json" },
    testTimeout: 30_000
  }
})
