import { readFileSync } from "node:fs"
import pkg from "../package.json" with { type: "json" }
import { colorEnabled } from "./colorPolicy.js"

/**
 * `pnpm danvan …` runs the root script in the repository root; pnpm (like npm) records the directory the user
 * ran it in as INIT_CWD. Relative paths (--data, --out, codebook and plan files) are the user's, so resolve them
 * from there. Only for that script: other scripts (tests) keep their working directory.
 */
const initCwd = process.env["INIT_CWD"]
if (
  process.env["npm_lifecycle_event"] === "danvan" && initCwd !== undefined && initCwd !== "" &&
  initCwd !== process.cwd()
) {
  try {
    process.chdir(initCwd)
  } catch {
    // The directory is gone or not readable: paths stay relative to the repository root.
  }
}

// `danvan … | head` closes stdout early: stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0)
    throw e
  })
}

/**
 * `danvan --help` is the first thing people run, and building it with @effect/cli means loading and compiling
 * about 1 MB of JavaScript. The build renders it once into dist/help.ansi (see tsup.config.ts); here it is
 * printed as is, with colour or without by the same policy as everything else. DANVAN_FULL_HELP=1, or a
 * missing file, takes the full path (a test checks that both print the same).
 */
const printPrerenderedHelp = (): boolean => {
  const args = process.argv.slice(2)
  if (args.length !== 1 || (args[0] !== "--help" && args[0] !== "-h")) return false
  if ((process.env["DANVAN_FULL_HELP"] ?? "") !== "") return false
  let text: string
  try {
    text = readFileSync(new URL("./help.ansi", import.meta.url), "utf8")
  } catch {
    return false
  }
  // eslint-disable-next-line no-control-regex
  process.stdout.write(colorEnabled(process.stdout) ? text : text.replace(/\u001b\[[0-9;]*m/g, ""))
  return true
}

/**
 * `danvan --version` alone prints the version without loading @effect/cli (~0.15 s of start-up), exactly as
 * @effect/cli prints it (the version and an empty line). DANVAN_FULL_HELP=1 takes the full path here too.
 */
const printVersion = (): boolean => {
  const args = process.argv.slice(2)
  if (args.length !== 1 || args[0] !== "--version" || (process.env["DANVAN_FULL_HELP"] ?? "") !== "") return false
  process.stdout.write(`${pkg.version}\n\n`)
  return true
}

if (!printPrerenderedHelp() && !printVersion()) {
  const [{ runMain }, Exit, { main }] = await Promise.all([
    import("@effect/platform-node/NodeRuntime"),
    import("effect/Exit"),
    import("./main.js")
  ])
  runMain(main(process.argv), {
    disableErrorReporting: true,
    disablePrettyLogger: true,
    teardown: (exit, onExit) => {
      // Let Node exit on its own so stdout is flushed; a signal still exits at once.
      process.exitCode = Exit.isSuccess(exit) && typeof exit.value === "number" ? exit.value : 70
      onExit(0)
    }
  })
}
