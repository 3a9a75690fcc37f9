import { HttpApiBuilder } from "@effect/platform"
import * as Effect from "effect/Effect"
import { DanvanApi } from "../api.js"
import { Config } from "../config.js"
import { redactUrl } from "../databaseUrl.js"
import { Unavailable } from "../errors.js"
import { Store } from "../store.js"

/** Liveness and readiness (no API key needed). */
export const SystemLive = HttpApiBuilder.group(DanvanApi, "system", (handlers) =>
  handlers
    .handle("health", () => Effect.succeed({ status: "ok" as const }))
    .handle("ready", () =>
      Effect.gen(function*() {
        const store = yield* Store
        const { database } = yield* Config
        if (!(yield* store.ping)) return yield* Effect.fail(Unavailable.of("the database does not answer"))
        return { status: "ready" as const, database: redactUrl(database) }
      })))
