import { HttpApiSchema } from "@effect/platform"
import * as Schema from "effect/Schema"

/**
 * The body of every error response: `{error: {code, message, details}}`. `code` is stable for programs,
 * `message` is for people, `details` carries what the code needs (JSON paths, problems, known names).
 */
export const ErrorBody = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  details: Schema.Unknown
}).annotations({ identifier: "ErrorBody" })
export type ErrorBody = typeof ErrorBody.Type

const body = (code: string, message: string, details: unknown = {}): { error: ErrorBody } => ({
  error: { code, message, details }
})

/** 400: the request is malformed (bad JSON, a body that does not match its schema; details name JSON paths). */
export class BadRequest extends Schema.TaggedError<BadRequest>()(
  "BadRequest",
  { error: ErrorBody },
  HttpApiSchema.annotations({ status: 400 })
) {
  /**
   * @example
   * BadRequest.of("INVALID_JSON", "the body is not JSON")
   */
  static of(code: string, message: string, details?: unknown): BadRequest {
    return new BadRequest(body(code, message, details))
  }
}

/** 401: no API key, or one that is not known. */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()(
  "Unauthorized",
  { error: ErrorBody },
  HttpApiSchema.annotations({ status: 401 })
) {
  /**
   * @example
   * Unauthorized.of("missing bearer token")
   */
  static of(message: string): Unauthorized {
    return new Unauthorized(body("UNAUTHORIZED", message))
  }
}

/** 404: no such object for this tenant (another tenant's objects are not found either). */
export class NotFound
  extends Schema.TaggedError<NotFound>()("NotFound", { error: ErrorBody }, HttpApiSchema.annotations({ status: 404 }))
{
  /**
   * @example
   * NotFound.of("dataset", "0b7c…")
   */
  static of(what: string, id: string): NotFound {
    return new NotFound(body("NOT_FOUND", `no ${what} "${id}"`, { [what]: id }))
  }
}

/** 409: an object with that id exists already. */
export class Conflict
  extends Schema.TaggedError<Conflict>()("Conflict", { error: ErrorBody }, HttpApiSchema.annotations({ status: 409 }))
{
  /**
   * @example
   * Conflict.of("codebook", "hcmc-2024")
   */
  static of(what: string, id: string, why: string): Conflict {
    return new Conflict(body("CONFLICT", `${what} "${id}" ${why}`, { [what]: id }))
  }
}

/** 413: the body is larger than the limit, or the data has more rows than allowed. */
export class PayloadTooLarge extends Schema.TaggedError<PayloadTooLarge>()(
  "PayloadTooLarge",
  { error: ErrorBody },
  HttpApiSchema.annotations({ status: 413 })
) {
  /**
   * @example
   * PayloadTooLarge.of("BODY_TOO_LARGE", "the body exceeds 52428800 bytes", { limit: 52428800 })
   */
  static of(code: string, message: string, details?: unknown): PayloadTooLarge {
    return new PayloadTooLarge(body(code, message, details))
  }
}

/**
 * 422: well-formed but unusable: an unknown variable or set, data that fail the codebook,
 * a table with an empty margin.
 */
export class Unprocessable extends Schema.TaggedError<Unprocessable>()(
  "Unprocessable",
  { error: ErrorBody },
  HttpApiSchema.annotations({ status: 422 })
) {
  /**
   * @example
   * Unprocessable.of("UNKNOWN_VARIABLE", 'unknown variable "levle"')
   */
  static of(code: string, message: string, details?: unknown): Unprocessable {
    return new Unprocessable(body(code, message, details))
  }
}

/** 503: the database cannot be reached (readiness). */
export class Unavailable extends Schema.TaggedError<Unavailable>()(
  "Unavailable",
  { error: ErrorBody },
  HttpApiSchema.annotations({ status: 503 })
) {
  /**
   * @example
   * Unavailable.of("database is not reachable")
   */
  static of(message: string): Unavailable {
    return new Unavailable(body("UNAVAILABLE", message))
  }
}

/** 408: a request body that stalled (nothing sent for the idle time) or took longer than the total time limit. */
export class RequestTimeout extends Schema.TaggedError<RequestTimeout>()(
  "RequestTimeout",
  { error: ErrorBody },
  HttpApiSchema.annotations({ status: 408 })
) {
  /**
   * @example
   * RequestTimeout.of("BODY_IDLE_TIMEOUT", "the request body sent nothing for 30000 ms", { limitMs: 30000 })
   */
  static of(
    code: "BODY_IDLE_TIMEOUT" | "BODY_TIMEOUT",
    message: string,
    details: { readonly limitMs: number }
  ): RequestTimeout {
    return new RequestTimeout(body(code, message, details))
  }
}

/**
 * 503 `UPLOADS_BUSY`: the request bodies being received already hold `DANVAN_UPLOAD_MEMORY_MB`; the response
 * has a `Retry-After` header.
 */
export class UploadsBusy extends Schema.TaggedError<UploadsBusy>()(
  "UploadsBusy",
  { error: ErrorBody },
  HttpApiSchema.annotations({ status: 503 })
) {
  /**
   * @example
   * UploadsBusy.of(268435456)
   */
  static of(limitBytes: number): UploadsBusy {
    return new UploadsBusy(
      body(
        "UPLOADS_BUSY",
        `uploads in progress already hold ${limitBytes} bytes (DANVAN_UPLOAD_MEMORY_MB): retry after ${RETRY_AFTER_SECONDS} s`,
        {
          limitBytes,
          retryAfterSeconds: RETRY_AFTER_SECONDS
        }
      )
    )
  }
}

/** Seconds a client is asked to wait (`Retry-After`) after a 503. */
export const RETRY_AFTER_SECONDS = 5

/** 503 `BUSY`: every analysis worker is busy and the queue is full; the response has a `Retry-After` header. */
export class Busy
  extends Schema.TaggedError<Busy>()("Busy", { error: ErrorBody }, HttpApiSchema.annotations({ status: 503 }))
{
  /**
   * @example
   * Busy.of({ workers: 1, queueSize: 64 })
   */
  static of(details: { readonly workers: number; readonly queueSize: number }): Busy {
    return new Busy(
      body(
        "BUSY",
        `all ${details.workers} analysis worker(s) are busy and ${details.queueSize} request(s) are waiting: retry after ${RETRY_AFTER_SECONDS} s`,
        {
          ...details,
          retryAfterSeconds: RETRY_AFTER_SECONDS
        }
      )
    )
  }
}

/** 504 `ANALYSIS_TIMEOUT`: the analysis ran longer than `DANVAN_ANALYSIS_TIMEOUT_MS` and was stopped. */
export class AnalysisTimeout extends Schema.TaggedError<AnalysisTimeout>()(
  "AnalysisTimeout",
  { error: ErrorBody },
  HttpApiSchema.annotations({ status: 504 })
) {
  /**
   * @example
   * AnalysisTimeout.of(60_000)
   */
  static of(limitMs: number): AnalysisTimeout {
    return new AnalysisTimeout(
      body(
        "ANALYSIS_TIMEOUT",
        `the analysis took longer than ${limitMs} ms (DANVAN_ANALYSIS_TIMEOUT_MS) and was stopped; ask for less work (e.g. fisher.method "none" or fewer resamples)`,
        {
          limitMs
        }
      )
    )
  }
}

/**
 * The envelope for errors raised outside an endpoint's own handler (no route, internal failure), written by the
 * server middleware.
 *
 * @example
 * errorJson("NOT_FOUND", "no route GET /v2")
 */
export const errorJson = (code: string, message: string, details: unknown = {}): { error: ErrorBody } =>
  body(code, message, details)
