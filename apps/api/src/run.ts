import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { ServerConfig } from "./config.js"
import { serverLayer } from "./server.js"

/** The server could not listen on its host and port (in use, not allowed, no such address): the user's to fix. */
export class ListenError extends Data.TaggedError("ListenError")<{
  readonly message: string
  readonly host: string
  readonly port: number
}> {}

const listenMessage = (config: ServerConfig, cause: unknown): string => {
  const code = typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined
  const where = `port ${config.port} on ${config.host}`
  if (code === "EADDRINUSE") {
    return `${where} is already in use; stop the other server or choose another port (--port or PORT)`
  }
  if (code === "EACCES") return `${where} needs privileges to listen on; choose a port above 1023 (--port or PORT)`
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return `cannot listen on ${config.host}: no such local address; use 127.0.0.1 or 0.0.0.0 (--host or HOST)`
  }
  return `cannot listen on ${where}: ${cause instanceof Error ? cause.message : String(cause)}`
}

/**
 * Runs the server until interrupted (`danvan serve`): the caller's runtime turns SIGINT/SIGTERM into an
 * interruption, which closes the listener and lets in-flight requests finish. A port in use (or another
 * listen failure) is a `ListenError` whose message says so.
 *
 * @example
 * yield* runServer(configFromEnv())
 */
export const runServer = (config: ServerConfig): Effect.Effect<never, unknown> =>
  Layer.launch(serverLayer(config)).pipe(
    Effect.catchTag(
      "ServeError",
      (e) =>
        Effect.fail(new ListenError({ message: listenMessage(config, e.cause), host: config.host, port: config.port }))
    )
  )
