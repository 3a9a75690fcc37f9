import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import { configFromEnv } from "./config.js"
import { logEvent } from "./log.js"
import { DatabaseError } from "./postgres.js"
import { ListenError, runServer } from "./run.js"

// `pnpm --filter @danvan/api start`: the server with its configuration from the environment (see config.ts).
let config
try {
  config = configFromEnv()
} catch (e) {
  logEvent("error", "config", { message: (e as Error).message })
  process.exit(2)
}
// Load benchmarks (bench/heap.mjs) start the server with --expose-gc: SIGUSR2 then runs a full collection and logs
// the heap left, so growth over rounds of load can be told from garbage not yet collected.
const gc = (globalThis as { gc?: () => void }).gc
if (gc !== undefined) {
  process.on("SIGUSR2", () => {
    gc()
    const m = process.memoryUsage()
    logEvent("info", "heap", {
      heapUsedMB: m.heapUsed / 2 ** 20,
      rssMB: m.rss / 2 ** 20,
      externalMB: m.external / 2 ** 20,
      arrayBuffersMB: m.arrayBuffers / 2 ** 20
    })
  })
}
runServer(config).pipe(
  Effect.catchIf(
    (e): e is ListenError => e instanceof ListenError,
    (e) =>
      Effect.sync(() => {
        logEvent("error", "listen", { message: e.message, host: e.host, port: e.port })
        process.exit(1)
      })
  ),
  // An unreachable database (DANVAN_DATABASE_URL) is the operator's to fix: one log line naming it, exit 1.
  Effect.catchIf(
    (e): e is DatabaseError => e instanceof DatabaseError,
    (e) =>
      Effect.sync(() => {
        logEvent("error", "database", { message: e.message, url: e.url })
        process.exit(1)
      })
  ),
  NodeRuntime.runMain({ disablePrettyLogger: true })
)
