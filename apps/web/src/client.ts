/**
 * The typed API client, derived from the server's own HttpApi description (`@danvan/api/definition`): paths,
 * payloads and errors cannot drift from the server. It carries effect and @effect/platform, so the page loads
 * it lazily (see api.ts): the first screen does not wait for it.
 */
import { DanvanApi } from "@danvan/api/definition"
import { FetchHttpClient, HttpApiClient, HttpClient, HttpClientRequest } from "@effect/platform"
import * as Effect from "effect/Effect"

/** The upload endpoint's path, from the API description (the page uploads it with XMLHttpRequest for progress). */
export const uploadPath: string = DanvanApi.groups.datasets.endpoints.upload.path

/**
 * A client whose requests carry the session's CSRF token (the session cookie goes with them, same origin).
 *
 * @example
 * const api = await makeClient(csrf)
 */
export const makeClient = (csrf: string) =>
  Effect.runPromise(
    HttpApiClient.make(DanvanApi, {
      baseUrl: location.origin,
      transformClient: HttpClient.mapRequest(HttpClientRequest.setHeader("x-csrf-token", csrf))
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )

export type Client = Awaited<ReturnType<typeof makeClient>>

/** The HTTP status of each declared error of the API (its `_tag`). */
const STATUS: Readonly<Record<string, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  NotFound: 404,
  Conflict: 409,
  PayloadTooLarge: 413,
  Unprocessable: 422,
  Unavailable: 503,
  Busy: 503,
  AnalysisTimeout: 504
}

/**
 * Runs a client call; a failure becomes an ApiError (status, code, message) the page can put in words.
 *
 * @example
 * const list = await run(api.datasets.list())
 */
export const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> =>
  Effect.runPromise(
    effect.pipe(
      Effect.catchAll((e: unknown) => {
        const tagged = e as { _tag?: string; error?: { code?: string; message?: string }; reason?: string; response?: { status: number } }
        if (tagged._tag !== undefined && tagged._tag in STATUS && tagged.error !== undefined) {
          return Effect.fail({ status: STATUS[tagged._tag]!, code: tagged.error.code ?? tagged._tag, message: tagged.error.message ?? "" })
        }
        if (tagged._tag === "RequestError") return Effect.fail({ status: 0, code: "NETWORK", message: "" })
        if (tagged._tag === "ResponseError" && tagged.response !== undefined) {
          return Effect.fail({ status: tagged.response.status, code: "HTTP_" + tagged.response.status, message: "" })
        }
        return Effect.fail({ status: 500, code: "UNEXPECTED", message: "" })
      })
    )
  )
