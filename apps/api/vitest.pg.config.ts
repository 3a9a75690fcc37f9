import { defineConfig } from "vitest/config"
import { sharedConfig } from "../../vitest.shared.js"

/**
 * The API test suite's store-heavy files again, with every server on PostgreSQL instead of SQLite: one throwaway
 * PostgreSQL server for the run (test/pg/setup.ts), a new database per test file (tempDir in test/server.ts).
 * Its report is .vitest/results-pg.json, which scripts/test-summary.mjs adds in.
 */
export default defineConfig({
  ...sharedConfig,
  test: {
    ...sharedConfig.test,
    include: [
      "test/flow.test.ts",
      "test/access.test.ts",
      "test/analyses15.test.ts",
      "test/errors.test.ts",
      "test/report.test.ts",
      "test/hardening.test.ts",
      "test/web.test.ts",
      "test/sessions.test.ts",
      "test/sessionsShared.test.ts"
    ],
    globalSetup: ["test/pg/setup.ts"],
    outputFile: { json: ".vitest/results-pg.json" }
  }
})
