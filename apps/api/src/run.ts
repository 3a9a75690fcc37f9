import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { ServerConfig } from "./config.js"
import { serverLayer } from "./server.js"

/**
 * Runs the server until interrupted (`danvan serve`): the caller's runtime turns SIGINT/SIGTERM into an
 * interruption, which closes the listener and lets in-flight requests finish.
 *
 * @example
 * yield* runServer(configFromEnv())
 */
export const runServer = (config: ServerConfig): Effect.Effect<never, unknown> => Layer.launch(serverLayer(config))
