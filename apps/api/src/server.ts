import { createServer, type ServerResponse } from "node:http"
import { resolve } from "node:path"
import { HttpApiBuilder, HttpApiSwagger, HttpServer } from "@effect/platform"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { DanvanApi } from "./api.js"
import { AuthenticationLive } from "./auth.js"
import { BodyBudget } from "./budget.js"
import { answerClientError } from "./clientErrors.js"
import { Config, type ServerConfig } from "./config.js"
import { isPostgresUrl, redactUrl } from "./databaseUrl.js"
import { databaseLayer } from "./db.js"
import { envelope } from "./envelope.js"
import { AnalysesLive } from "./handlers/analyses.js"
import { CodebooksLive } from "./handlers/codebooks.js"
import { DatasetsLive } from "./handlers/datasets.js"
import { SystemLive } from "./handlers/system.js"
import { TablesLive } from "./handlers/tables.js"
import { logEvent } from "./log.js"
import { Store } from "./store.js"
import { webAppLayer } from "./web/serve.js"
import { Sessions } from "./web/sessions.js"
import { AnalysisWorkers } from "./workers.js"

const ApiLive = HttpApiBuilder.api(DanvanApi).pipe(
  Layer.provide([SystemLive, CodebooksLive, DatasetsLive, AnalysesLive, TablesLive])
)

/**
 * Node's HTTP server, made to stop promptly: `close()` waits for every open connection, and a keep-alive
 * connection whose request was in flight at shutdown would otherwise stay open (idle) for keepAliveTimeout
 * after its response. Once closing, responses not yet written say `Connection: close`, so each such
 * connection ends with its response; requests still running `shutdownTimeoutMs` after the close are cut
 * (their sockets destroyed), so a stalled upload cannot hold the process. Node's own refusals (431 headers too
 * large, 408 headers too slow, 400 malformed) are written with the API's error envelope (see clientErrors.ts).
 */
const nodeServer = (config: ServerConfig) => () => {
  // Idle keep-alive connections are kept 65 s (Node's default is 5 s): a client that reuses a connection just as
  // the server drops it gets EPIPE on its next POST, which a longer idle time makes rare. Node's own limit on
  // receiving a whole request stays above the body time limit, so the API's 408 (with its envelope) comes first.
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: config.bodyTimeoutMs + 30_000 })
  server.on("clientError", answerClientError)
  const inFlight = new Set<ServerResponse>()
  let closing = false
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("connection", "close")
  }
  server.on("request", (_req, res: ServerResponse) => {
    if (closing) closeAfter(res)
    inFlight.add(res)
    res.on("close", () => inFlight.delete(res))
  })
  const close = server.close.bind(server)
  server.close = (callback) => {
    closing = true
    for (const res of inFlight) closeAfter(res)
    const deadline = setTimeout(() => {
      if (inFlight.size > 0) {
        logEvent("warn", "shutdown.deadline", { cut: inFlight.size, limitMs: config.shutdownTimeoutMs })
      }
      for (const res of inFlight) res.destroy()
      server.closeAllConnections()
    }, config.shutdownTimeoutMs)
    deadline.unref()
    return close((error) => {
      clearTimeout(deadline)
      callback?.(error)
    })
  }
  return server
}

const announce = Layer.effectDiscard(
  Effect.gen(function*() {
    const server = yield* HttpServer.HttpServer
    const { database, mode } = yield* Config
    const address = server.address
    if (address._tag === "TcpAddress") {
      logEvent("info", "listening", {
        host: address.hostname,
        port: address.port,
        url: `http://${address.hostname}:${address.port}`,
        // Where the data is kept, said at start-up (local mode: the user's data folder; see dataDir.ts).
        database: isPostgresUrl(database) ? redactUrl(database) : resolve(database),
        ...(mode !== undefined ? { mode } : {})
      })
    }
  })
)

/**
 * The whole server as a layer: the API (with OpenAPI at /openapi.json and Swagger UI at /docs), the SQLite
 * or PostgreSQL store (db.ts), the analysis worker threads and the Node HTTP server on `config.host:config.port`.
 * Releasing the layer (SIGTERM with `NodeRuntime.runMain`) stops accepting connections and lets in-flight
 * requests finish.
 *
 * @example
 * Layer.launch(serverLayer(configFromEnv())).pipe(NodeRuntime.runMain)
 */
export const serverLayer = (config: ServerConfig) => {
  const storage = Store.layer.pipe(Layer.provideMerge(databaseLayer(config.database)))
  return HttpApiBuilder.serve(envelope).pipe(
    Layer.merge(announce),
    Layer.provide(HttpApiSwagger.layer({ path: "/docs" })),
    Layer.provide(webAppLayer),
    Layer.provide(HttpApiBuilder.middlewareOpenApi({ path: "/openapi.json" })),
    Layer.provide(ApiLive),
    Layer.provide(AuthenticationLive),
    Layer.provide(NodeHttpServer.layer(nodeServer(config), { port: config.port, host: config.host })),
    // Built before the HTTP server and so released after it: on shutdown the server first stops listening and
    // waits for in-flight requests, which still have their database and analysis workers (whose release then
    // waits for any analysis still running before it terminates the threads).
    Layer.provide(
      Layer.mergeAll(Layer.provideMerge(Sessions.layer, storage), AnalysisWorkers.layer(), BodyBudget.layer)
    ),
    Layer.provide(Layer.succeed(Config, config))
  )
}

/**
 * Creates an API key for `tenant` in the database at `database` (a SQLite file or a postgres:// URL) and returns it; only its SHA-256 is stored,
 * so the key can be shown once and never again.
 *
 * @example
 * const { key } = await Effect.runPromise(createApiKey("./data/danvan.sqlite", "district-7"))
 */
export const createApiKey = (database: string, tenant: string) =>
  Effect.flatMap(Store, (store) => store.createApiKey(tenant)).pipe(
    Effect.provide(Store.layer.pipe(Layer.provide(databaseLayer(database)))),
    Effect.scoped
  )
