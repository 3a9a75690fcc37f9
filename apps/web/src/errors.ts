import { formatNumber, type Lang, translate } from "./i18n.js"

/** A failed request, as the API's error envelope `{error: {code, message, details}}` says (status 0: no answer). */
export interface ApiError {
  readonly status: number
  readonly code: string
  readonly message: string
  readonly requestId?: string | undefined
  readonly fileName?: string | undefined
  readonly details?: unknown
}

/** An error of the page itself (a choice the user must correct), already in words. */
export interface UserError {
  readonly status: -1
  readonly text: string
}

export const isApiError = (e: unknown): e is ApiError =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as ApiError).status === "number" &&
  typeof (e as ApiError).code === "string"

/**
 * The ApiError of a response body (the envelope), or a generic one when the body is not an envelope.
 *
 * @example
 * fromEnvelope(422, '{"error":{"code":"INVALID_DATA","message":"row 3 …","details":{}}}')
 */
export const fromEnvelope = (status: number, text: string, requestId?: string | null): ApiError => {
  try {
    const json = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } }
    if (typeof json.error?.code === "string" && typeof json.error.message === "string") {
      return {
        status,
        code: json.error.code,
        message: json.error.message,
        requestId: requestId ?? undefined,
        details: json.error.details
      }
    }
  } catch {
    // not JSON: described by its status alone
  }
  return { status, code: status === 0 ? "NETWORK" : "HTTP_" + status, message: "", requestId: requestId ?? undefined }
}

/** One problem of a refused data file, as @danvan/io reports it (row, column, value, what was expected). */
export interface DataProblem {
  readonly row: number
  readonly column: string
  readonly value: string
  readonly expected: string
}

/**
 * The problems of a refused upload (422 INVALID_DATA), with their total, when the server listed them.
 *
 * @example
 * dataProblems(error)?.problems[0]?.row // 2
 */
export const dataProblems = (e: unknown): { problems: ReadonlyArray<DataProblem>; total: number } | undefined => {
  if (!isApiError(e) || e.code !== "INVALID_DATA") return undefined
  const d = e.details as { problems?: unknown; totalProblems?: unknown } | undefined
  if (!Array.isArray(d?.problems) || d.problems.length === 0) return undefined
  const problems = d.problems.filter(
    (p): p is DataProblem => typeof p === "object" && p !== null && typeof (p as DataProblem).row === "number"
  )
  return { problems, total: typeof d.totalProblems === "number" ? d.totalProblems : problems.length }
}

/**
 * What the page says about a failure, in its language, naming what to do. Server messages (which name the
 * file, row, column and value) are quoted inside the localized sentence; a stack trace never reaches the page
 * (the API never sends one, and anything that is not an envelope is described by its status alone).
 *
 * @example
 * describeError("en", { status: 503, code: "BUSY", message: "" }) // "The server is busy. …"
 */
export const describeError = (lang: Lang, e: unknown): string => {
  if (typeof e === "object" && e !== null && (e as UserError).status === -1) return (e as UserError).text
  if (!isApiError(e)) return translate(lang, "errServer", { status: "?", requestId: "—" })
  const detail = e.message.replace(/\s+/g, " ").trim()
  const name = e.fileName ?? ""
  if (e.status === 0) return translate(lang, "errNetwork")
  if (e.status === 401) return translate(lang, "errUnauthorized")
  if (e.status === 404) return translate(lang, "errNotFound", { detail })
  if (e.status === 413) return translate(lang, "errTooLarge", { detail })
  const listed = dataProblems(e)
  if (listed !== undefined) return translate(lang, "errProblems", { name, count: listed.total })
  if (e.status === 422 && e.code === "INVALID_DATA") {
    return translate(lang, "errUnreadable", { name, detail: detail.endsWith(".") ? detail : detail + "." })
  }
  if (e.code === "PDF_UNAVAILABLE") return translate(lang, "errPdfUnavailable")
  const mismatch = codebookMismatch(e)
  if (mismatch !== undefined) {
    return translate(lang, "errCodebookMismatch", { ...mismatch, rows: formatNumber(lang, mismatch.rows) })
  }
  if (e.status === 422) return translate(lang, "errUnprocessable", { detail })
  if (e.status === 400) return translate(lang, "errBadRequest", { detail })
  if (e.status === 503) return translate(lang, "errBusy")
  if (e.status === 504) return translate(lang, "errTimeout")
  return translate(lang, "errServer", { status: e.status, requestId: e.requestId ?? "—" })
}

/** The first unlabelled code of a refused codebook edit (422 CODEBOOK_MISMATCH), when the server named one. */
const codebookMismatch = (e: ApiError): { variable: string; value: number; rows: number } | undefined => {
  if (e.code !== "CODEBOOK_MISMATCH") return undefined
  const first = (e.details as { problems?: Array<{ variable?: unknown; value?: unknown; rows?: unknown }> } | undefined)
    ?.problems?.find((p) => typeof p.value === "number")
  return first !== undefined && typeof first.variable === "string" && typeof first.rows === "number"
    ? { variable: first.variable, value: first.value as number, rows: first.rows }
    : undefined
}
