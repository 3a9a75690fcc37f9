import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Exit from "effect/Exit"
import { main } from "./main.js"

// `danvan … | head` closes stdout early: stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0)
    throw e
  })
}

NodeRuntime.runMain(main(process.argv), {
  disableErrorReporting: true,
  disablePrettyLogger: true,
  teardown: (exit, onExit) => {
    // Let Node exit on its own so stdout is flushed; a signal still exits at once.
    process.exitCode = Exit.isSuccess(exit) && typeof exit.value === "number" ? exit.value : 70
    onExit(0)
  }
})
