// A throwaway PostgreSQL server for the API's tests and bench/api.mjs: `initdb` in a new temporary directory,
// `postgres` on 127.0.0.1 with a free port (its unix socket in the same directory), password authentication
// (scram-sha-256) for the superuser `danvan`, stopped and removed by `stop()`.
//
// PostgreSQL refuses to run as root. As root (a CI container), the directory is handed to the `postgres` system
// user (which Debian's `postgresql` package creates) and initdb / pg_ctl run as that user through `runuser -u
// postgres --`; as any other user they run as that user. Clients (psql, the API) connect over TCP with the
// password either way. The binaries come from $PG_BIN, else the newest /usr/lib/postgresql/N/bin (Debian), else
// `pg_config --bindir`, else PATH.
import { spawnSync } from "node:child_process"
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

const USER = "danvan"

/** The directory holding initdb, pg_ctl and psql, or a message saying how to install them. */
export const postgresBin = () => {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const debian = "/usr/lib/postgresql"
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, "bin", "initdb")))
    versions.sort((a, b) => Number(b) - Number(a))
    if (versions.length > 0) return join(debian, versions[0], "bin")
  }
  const r = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" })
  if (r.status === 0 && existsSync(join(r.stdout.trim(), "initdb"))) return r.stdout.trim()
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" })
  if (which.status === 0) return join(which.stdout.trim(), "..")
  throw new Error(
    "PostgreSQL's server binaries (initdb, pg_ctl) were not found: install Debian's `postgresql` package " +
      "(node scripts/ensure-postgres.mjs does as root) or set PG_BIN to their directory."
  )
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

// runuser lives in /usr/sbin (util-linux), which a root shell's PATH usually has but not always.
const runuser = () => ["/usr/sbin/runuser", "/sbin/runuser"].find((p) => existsSync(p)) ?? "runuser"

/** Runs a server binary as the user PostgreSQL accepts (see above); throws with its output on failure. */
const runAsOwner = (bin, args) => {
  const [command, argv] = isRoot() ? [runuser(), ["-u", "postgres", "--", bin, ...args]] : [bin, args]
  const r = spawnSync(command, argv, { encoding: "utf8", timeout: 120_000 })
  if (r.status !== 0) {
    throw new Error(`${[command, ...argv].join(" ")} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`)
  }
  return r
}

/**
 * Starts a PostgreSQL server and resolves with its connection details. `url(db)` is the URL of database `db`,
 * `createDatabase(name)` creates one (synchronously, with psql), `stop()` stops the server and removes its files.
 *
 * @example
 * const pg = await startPostgres()
 * pg.createDatabase("t1") // then DANVAN_DATABASE_URL=pg.url("t1")
 * pg.stop()
 */
export const startPostgres = async () => {
  const bin = postgresBin()
  // As root the directory must be reachable by the postgres user: /tmp is, a root-only $TMPDIR may not be.
  const dir = mkdtempSync(join(isRoot() && existsSync("/tmp") ? "/tmp" : tmpdir(), "danvan-pg-"))
  const password = `pw-${Math.random().toString(36).slice(2)}`
  const data = join(dir, "data")
  const pwfile = join(dir, "password")
  writeFileSync(pwfile, `${password}\n`)
  if (isRoot()) {
    const id = (flag) => {
      const r = spawnSync("id", [flag, "postgres"], { encoding: "utf8" })
      if (r.status !== 0) {
        rmSync(dir, { recursive: true, force: true })
        throw new Error(
          "PostgreSQL refuses to run as root and there is no `postgres` user to run it as: install Debian's " +
            "`postgresql` package (which creates it), or run the tests as a normal user."
        )
      }
      return Number(r.stdout.trim())
    }
    const uid = id("-u")
    const gid = id("-g")
    chownSync(dir, uid, gid)
    chownSync(pwfile, uid, gid)
  }
  const log = join(dir, "server.log")
  let running = false
  const stop = () => {
    if (running) {
      running = false
      try {
        runAsOwner(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"])
      } catch {
        // Already gone: nothing to stop.
      }
    }
    rmSync(dir, { recursive: true, force: true })
  }
  // A caller that exits without stop() (an uncaught error, process.exit) still stops its server.
  process.once("exit", stop)
  try {
    runAsOwner(join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      USER,
      "--pwfile",
      pwfile,
      "--auth",
      "scram-sha-256",
      "--encoding",
      "UTF8",
      "--no-locale",
      "--no-sync"
    ])
    let port = 0
    const pgStart = () => {
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off ` +
        "-c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB"
      runAsOwner(join(bin, "pg_ctl"), ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"])
      running = true
    }
    for (let attempt = 0; attempt < 5 && !running; attempt++) {
      port = await freePort()
      try {
        pgStart()
      } catch (e) {
        // Another process took the port between freePort and the start: try another.
        const text = existsSync(log) ? readFileSync(log, "utf8") : ""
        if (!/could not bind|address already in use/i.test(text) || attempt === 4) throw e
      }
    }
    const url = (db) => `postgres://${USER}:${password}@127.0.0.1:${port}/${db}`
    const createDatabase = (name) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name}: use a-z, 0-9 and _`)
      const r = spawnSync(join(bin, "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", `CREATE DATABASE ${name}`], {
        encoding: "utf8",
        env: {
          ...process.env,
          PGHOST: "127.0.0.1",
          PGPORT: String(port),
          PGUSER: USER,
          PGPASSWORD: password,
          PGDATABASE: "postgres"
        },
        timeout: 60_000
      })
      if (r.status !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${r.stderr}`)
      return url(name)
    }
    // Stops the server but keeps its files, then starts it again on the same port: a database outage.
    const pause = () => {
      runAsOwner(join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"])
      running = false
    }
    const resume = () => pgStart()
    return { host: "127.0.0.1", port, user: USER, password, dir, bin, url, createDatabase, pause, resume, stop }
  } catch (e) {
    stop()
    throw e
  }
}
