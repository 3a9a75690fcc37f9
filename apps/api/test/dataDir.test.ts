import { existsSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { configFromEnv } from "../src/config.js"
import { userDataDir } from "../src/dataDir.js"
import { startServer, tempDir } from "./server.js"

// Local mode keeps its database in the user's data folder (DANVAN_DATA_DIR overrides it) and says where at
// start-up; server mode keeps its configured path; DANVAN_DB wins in both.

describe("the user's data folder", () => {
  it("follows each system's convention", () => {
    expect(userDataDir({}, "linux", "/home/an")).toBe("/home/an/.local/share/danvan")
    expect(userDataDir({ XDG_DATA_HOME: "/srv/xdg" }, "linux", "/home/an")).toBe("/srv/xdg/danvan")
    // A relative XDG_DATA_HOME is ignored, as the XDG Base Directory spec says.
    expect(userDataDir({ XDG_DATA_HOME: "rel" }, "linux", "/home/an")).toBe("/home/an/.local/share/danvan")
    expect(userDataDir({}, "darwin", "/Users/an")).toBe("/Users/an/Library/Application Support/danvan")
    expect(userDataDir({ APPDATA: "C:\\Users\\an\\AppData\\Roaming" }, "win32", "C:\\Users\\an")).toBe(
      "C:\\Users\\an\\AppData\\Roaming\\danvan"
    )
    expect(userDataDir({}, "win32", "C:\\Users\\an")).toBe("C:\\Users\\an\\AppData\\Roaming\\danvan")
    expect(userDataDir({ DANVAN_DATA_DIR: "/tmp/dv", XDG_DATA_HOME: "/srv/xdg" }, "linux", "/home/an")).toBe("/tmp/dv")
  })

  it("is where local mode puts its database; server mode and DANVAN_DB keep theirs", () => {
    expect(configFromEnv({ DANVAN_DATA_DIR: "/tmp/dv" }).database).toBe(join("/tmp/dv", "danvan.sqlite"))
    expect(configFromEnv({ DANVAN_DATA_DIR: "/tmp/dv", DANVAN_MODE: "server" }).database).toBe("./data/danvan.sqlite")
    expect(configFromEnv({ DANVAN_DATA_DIR: "/tmp/dv", HOST: "0.0.0.0" }).database).toBe("./data/danvan.sqlite")
    expect(configFromEnv({ DANVAN_DATA_DIR: "/tmp/dv", DANVAN_DB: "/x/y.sqlite" }).database).toBe("/x/y.sqlite")
  })

  it("a local server creates its database there and says so at start-up", async () => {
    const tmp = tempDir()
    const folder = join(tmp.dir, "user data")
    const server = await startServer(tmp.db, { DANVAN_DB: "", DANVAN_DATA_DIR: folder })
    try {
      const line = JSON.parse(server.logs.find((l) => l.includes("\"event\":\"listening\""))!) as Record<
        string,
        unknown
      >
      expect(line).toMatchObject({ database: join(folder, "danvan.sqlite"), mode: "local" })
      expect(existsSync(join(folder, "danvan.sqlite"))).toBe(true)
      expect(existsSync(tmp.db)).toBe(false)
    } finally {
      await server.stop()
      tmp.cleanup()
    }
  }, 60_000)
})
