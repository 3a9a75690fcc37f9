import { homedir } from "node:os"
import { posix, win32 } from "node:path"

/**
 * The folder local mode keeps its database in: `DANVAN_DATA_DIR` when set, else the user's data folder as each
 * system names it: `%APPDATA%\danvan` on Windows, `~/Library/Application Support/danvan` on macOS,
 * `$XDG_DATA_HOME/danvan` (an absolute XDG_DATA_HOME only, as the XDG spec says) or `~/.local/share/danvan`
 * elsewhere. Pure: the environment, platform and home folder are arguments.
 *
 * @example
 * userDataDir({ XDG_DATA_HOME: "/data/me" }, "linux", "/home/me") // "/data/me/danvan"
 * userDataDir({}, "darwin", "/Users/me") // "/Users/me/Library/Application Support/danvan"
 */
export const userDataDir = (
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string => {
  const override = env["DANVAN_DATA_DIR"]?.trim()
  if (override) return override
  if (platform === "win32") {
    return win32.join(env["APPDATA"]?.trim() || win32.join(home, "AppData", "Roaming"), "danvan")
  }
  if (platform === "darwin") return posix.join(home, "Library", "Application Support", "danvan")
  const xdg = env["XDG_DATA_HOME"]?.trim()
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, ".local", "share"), "danvan")
}

/** The database file's name in the data folder. */
export const DATABASE_FILE = "danvan.sqlite"
