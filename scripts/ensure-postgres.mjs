#!/usr/bin/env node
// Makes sure the API's PostgreSQL tests can start a throwaway server before `pnpm test` runs them (none is ever
// skipped): PostgreSQL's server binaries (initdb, pg_ctl, postgres) and psql, found the way
// apps/api/scripts/postgres.mjs finds them ($PG_BIN, /usr/lib/postgresql/N/bin, `pg_config --bindir`, PATH).
//
// - found: nothing to do.
// - else, when running as root on a system with apt-get (a Debian/Ubuntu CI container): installs Debian's
//   `postgresql` (which also creates the `postgres` user the tests run the server as, PostgreSQL refusing root).
// - else exits 1 naming what to install.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { join } from "node:path"

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0

const serverBinaries = () => {
  const dirs = []
  if (process.env.PG_BIN) dirs.push(process.env.PG_BIN)
  if (existsSync("/usr/lib/postgresql")) {
    for (const v of readdirSync("/usr/lib/postgresql")) dirs.push(join("/usr/lib/postgresql", v, "bin"))
  }
  const r = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" })
  if (r.status === 0) dirs.push(r.stdout.trim())
  if (dirs.some((d) => ["initdb", "pg_ctl", "postgres", "psql"].every((b) => existsSync(join(d, b))))) return true
  return has("initdb") && has("pg_ctl") && has("psql")
}

const fail = (message) => {
  console.error(`ensure-postgres: ${message}`)
  process.exit(1)
}

if (serverBinaries()) process.exit(0)

const root = typeof process.getuid === "function" && process.getuid() === 0
if (!root || !has("apt-get")) {
  fail(
    "the API's PostgreSQL tests need PostgreSQL's server binaries (initdb, pg_ctl, postgres, psql).\n" +
      "  Debian/Ubuntu: sudo apt-get install -y postgresql\n" +
      "  elsewhere: install PostgreSQL (14 or later) and set PG_BIN to the directory holding initdb and pg_ctl."
  )
}

console.log("ensure-postgres: installing postgresql with apt-get (Debian package for the API's PostgreSQL tests)")
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
const run = (args) => spawnSync("apt-get", args, { stdio: "inherit", env }).status === 0
if (!run(["update"]) || !run(["install", "-y", "postgresql"])) {
  fail("apt-get install postgresql failed; install it and run the tests again.")
}
if (!serverBinaries()) fail("apt-get installed postgresql but initdb/pg_ctl are still not found.")
