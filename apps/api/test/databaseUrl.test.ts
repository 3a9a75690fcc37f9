import { describe, expect, it } from "vitest"
import { configFromEnv } from "../src/config.js"
import { isPostgresUrl, redactUrl } from "../src/databaseUrl.js"
import { poolSizeOf, setupMessage, unreachableMessage } from "../src/postgres.js"

// Which store the environment selects, and that a database URL's password never reaches a message.

describe("configFromEnv: the store", () => {
  it("is the SQLite file of DANVAN_DB (default: the data folder in local mode, ./data in server mode) unless DANVAN_DATABASE_URL is set", () => {
    expect(configFromEnv({ DANVAN_DATA_DIR: "/home/u/danvan" }).database).toBe("/home/u/danvan/danvan.sqlite")
    expect(configFromEnv({ DANVAN_MODE: "server" }).database).toBe("./data/danvan.sqlite")
    expect(configFromEnv({ DANVAN_DB: "/srv/d.sqlite" }).database).toBe("/srv/d.sqlite")
    expect(configFromEnv({ DANVAN_DB: "/srv/d.sqlite", DANVAN_DATABASE_URL: " " }).database).toBe("/srv/d.sqlite")
    const url = "postgres://danvan:pw@db.internal:5432/danvan"
    expect(configFromEnv({ DANVAN_DB: "/srv/d.sqlite", DANVAN_DATABASE_URL: url }).database).toBe(url)
    expect(configFromEnv({ DANVAN_DATABASE_URL: "postgresql://u@/db?host=/run/postgresql" }).database)
      .toBe("postgresql://u@/db?host=/run/postgresql")
  })

  it("refuses a DANVAN_DATABASE_URL that is not a PostgreSQL URL, without repeating its password", () => {
    for (const bad of ["mysql://root:hunter2@db/x", "db.internal:5432", "/srv/danvan.sqlite"]) {
      expect(() => configFromEnv({ DANVAN_DATABASE_URL: bad })).toThrow(/DANVAN_DATABASE_URL must be a PostgreSQL URL/)
    }
    expect(() => configFromEnv({ DANVAN_DATABASE_URL: "mysql://root:hunter2@db/x" })).toThrow(
      "not \"mysql://root:***@db/x\""
    )
  })
})

describe("database URLs in messages", () => {
  it("isPostgresUrl tells a URL from a file name", () => {
    expect([
      "postgres://h/d",
      "POSTGRESQL://h/d",
      "./data/danvan.sqlite",
      "postgres.sqlite",
      "/tmp/postgres://x"
    ].map(isPostgresUrl)).toEqual([true, true, false, false, false])
  })

  it("redactUrl hides the password, and only the password", () => {
    expect(redactUrl("postgres://danvan:s3cret@db:5432/danvan")).toBe("postgres://danvan:***@db:5432/danvan")
    expect(redactUrl("postgres://danvan@db/danvan")).toBe("postgres://danvan@db/danvan")
    expect(redactUrl("postgres://u:p%40ss@db/x?sslmode=require")).toBe("postgres://u:***@db/x?sslmode=require")
  })

  it("the startup messages name the URL without its password, even when the reason repeats it", () => {
    const url = "postgres://danvan:s3cret@db:5432/danvan"
    const cause = { cause: new Error("connect ECONNREFUSED (tried postgres://danvan:s3cret@db:5432/danvan)") }
    const unreachable = unreachableMessage(url, cause)
    expect(unreachable).toContain(
      "cannot connect to PostgreSQL at postgres://danvan:***@db:5432/danvan: connect ECONNREFUSED"
    )
    expect(unreachable).not.toContain("s3cret")
    const setup = setupMessage(url, { cause: { cause: new Error("permission denied for schema public s3cret") } })
    expect(setup).toContain(
      "cannot set up the store in PostgreSQL at postgres://danvan:***@db:5432/danvan (migrations)"
    )
    expect(setup).toContain("permission denied for schema public ***")
  })
})

describe("DANVAN_DATABASE_POOL_SIZE", () => {
  it("is 10 by default, a whole number from 1 to 10000 when set, else a message naming it and its value", () => {
    expect([undefined, "", " 25 ", "1", "10000"].map(poolSizeOf)).toStrictEqual(
      [{ size: 10 }, { size: 10 }, { size: 25 }, { size: 1 }, { size: 10000 }]
    )
    const bad = ["0", "-3", "2.5", "ten", "1e3", "10001", "0x10"]
    expect(bad.length).toBe(7)
    for (const text of bad) {
      const r = poolSizeOf(text)
      expect("error" in r ? r.error : "").toContain(`DANVAN_DATABASE_POOL_SIZE=${JSON.stringify(text)} must be a whole`)
    }
  })
})
