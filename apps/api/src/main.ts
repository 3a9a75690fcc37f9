import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import { configFromEnv } from "./config.js"
import { logEvent } from "./log.js"
import { ListenError, runServer } from "./run.js"

// `pnpm --filter @danvan/api start`: the server with its configuration from the environment (see config.ts).
let config
try {
  config = configFromEnv()
} catch (e) {
  logEvent("error", "config", { message: (e as Error).message })
  process.exit(2)
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
  NodeRuntime.runMain({ disablePrettyLogger: true })
)
