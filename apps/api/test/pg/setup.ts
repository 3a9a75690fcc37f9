import type { TestProject } from "vitest/node"
import { startPostgres } from "../postgres.js"

/**
 * vitest globalSetup of `vitest.pg.config.ts`: one PostgreSQL server for the run (scripts/postgres.mjs), whose
 * connection details the test files get with `inject("postgres")`; `tempDir()` (test/server.ts) then makes a new
 * database on it for each test file. Stopped and removed after the run.
 */
export default async function setup(project: TestProject) {
  const server = await startPostgres()
  project.provide("postgres", { host: server.host, port: server.port, user: server.user, password: server.password })
  return () => server.stop()
}
