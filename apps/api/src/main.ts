import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Layer from "effect/Layer"
import { configFromEnv } from "./config.js"
import { logEvent } from "./log.js"
import { serverLayer } from "./server.js"

// `pnpm --filter @danvan/api start`: the server with its configuration from the environment (see config.ts).
let config
try {
  config = configFromEnv()
} catch (e) {
  logEvent("error", "config", { message: (e as Error).message })
  process.exit(2)
}
Layer.launch(serverLayer(config)).pipe(NodeRuntime.runMain({ disablePrettyLogger: true }))
