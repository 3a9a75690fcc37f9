/**
 * The typed API client, derived from the server's own HttpApi description (`@danvan/api/definition`): paths,
 * payloads and errors cannot drift from the server. It carries effect and @effect/platform, so the page loads
 * it lazily (see api.ts): the first screen does not wait for it.
 */
import { DanvanApi } from "@danvan/api/definition"
import { FetchHttpClient, HttpApiClient, HttpClient, HttpClientRequest } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { ApiError } from "./errors.js"

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
export const run = async <A, E>(effect: Effect.Effect<A, E>): Promise<A> => {
  // Effect.runPromise would reject with a FiberFailure wrapper: the failure is taken out with Either instead.
  const result = await Effect.runPromise(Effect.either(effect))
  if (Either.isRight(result)) return result.right
  throw toApiError(result.left)
}

const toApiError = (e: unknown): ApiError => {
  const tagged = e as {
    _tag?: string
    error?: { code?: string; message?: string; details?: unknown }
    response?: { status: number; headers?: Record<string, string> }
  }
  if (tagged._tag !== undefined && tagged._tag in STATUS && tagged.error !== undefined) {
    return {
      status: STATUS[tagged._tag]!,
      code: tagged.error.code ?? tagged._tag,
      message: tagged.error.message ?? "",
      details: tagged.error.details
    }
  }
  if (tagged._tag === "RequestError") return { status: 0, code: "NETWORK", message: "" }
  if (tagged._tag === "ResponseError" && tagged.response !== undefined) {
    return {
      status: tagged.response.status,
      code: "HTTP_" + tagged.response.status,
      message: "",
      requestId: tagged.response.headers?.["x-request-id"]
    }
  }
  return { status: 500, code: "UNEXPECTED", message: "" }
}

/** The report endpoint's path (`/v1/datasets/:id/reports`), from the API description: its body may be binary (XLSX). */
export const reportPath: string = DanvanApi.groups.analyses.endpoints.report.path
