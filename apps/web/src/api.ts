import type { Client } from "./client.js"
import { type ApiError, fromEnvelope } from "./errors.js"

/** The typed client module, loaded on first use (it holds effect; the first screen does not need it). */
const loadModule = () => import("./client.js")

let cached: { csrf: string; client: Promise<Client> } | undefined

/**
 * The typed API client for this session's CSRF token (made once per token).
 *
 * @example
 * const api = await apiClient(session.csrf)
 */
export const apiClient = (csrf: string): Promise<Client> => {
  if (cached === undefined || cached.csrf !== csrf) {
    cached = { csrf, client: loadModule().then((m) => m.makeClient(csrf)) }
  }
  return cached.client
}

/** Runs a typed client call, failing with an ApiError. */
export const call = async <A, E>(effect: import("effect/Effect").Effect<A, E>): Promise<A> =>
  (await loadModule()).run(effect)

const TYPES: Readonly<Record<string, string>> = {
  csv: "text/csv",
  sav: "application/x-spss-sav",
  zsav: "application/x-spss-sav",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
}

/** The file's data type by its extension, or undefined for a file the server does not read. */
export const uploadType = (fileName: string): string | undefined => TYPES[fileName.toLowerCase().split(".").pop() ?? ""]

/**
 * Uploads `file` as it is, with its content type, reporting progress (0..1) as the bytes go out; resolves with
 * the new dataset's metadata, rejects with an ApiError naming the file.
 *
 * @example
 * const meta = await upload(file, "hcmc-2024", csrf, (f) => setProgress(f))
 */
export const upload = async (
  file: File,
  codebook: string | undefined,
  csrf: string,
  onProgress: (fraction: number) => void
) => {
  const { uploadPath } = await loadModule()
  const query = new URLSearchParams({ name: file.name, ...(codebook !== undefined ? { codebook } : {}) })
  return new Promise<{ id: string; name: string; rows: number }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open("POST", `${uploadPath}?${query}`)
    xhr.setRequestHeader("content-type", uploadType(file.name) ?? "application/octet-stream")
    xhr.setRequestHeader("x-csrf-token", csrf)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as { id: string; name: string; rows: number })
      else {
        reject(
          {
            ...fromEnvelope(xhr.status, xhr.responseText, xhr.getResponseHeader("x-request-id")),
            fileName: file.name
          } satisfies ApiError
        )
      }
    }
    xhr.onerror = () => reject({ status: 0, code: "NETWORK", message: "", fileName: file.name } satisfies ApiError)
    xhr.send(file)
  })
}

/** The report formats the API renders, with the file extension each is saved under. */
export const REPORT_FORMATS = ["html", "xlsx", "docx", "pdf", "md", "csv", "json"] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/**
 * A report of the built-in plan `plan` on dataset `id` (as `danvan report`), as a file to save: fetched with
 * the session's CSRF token, so a binary XLSX arrives intact (the typed client would decode it as text).
 *
 * @example
 * const blob = await fetchReport(id, { plan: "hcmc-2024", format: "html", lang: "vi" }, csrf)
 */
export const fetchReport = async (
  id: string,
  body: { plan: string | object; format: ReportFormat; lang: "vi" | "en" },
  csrf: string
): Promise<Blob> => {
  const { reportPath } = await loadModule()
  let response: Response
  try {
    response = await fetch(reportPath.replace(":id", encodeURIComponent(id)), {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": csrf },
      body: JSON.stringify(body)
    })
  } catch {
    throw { status: 0, code: "NETWORK", message: "" } satisfies ApiError
  }
  if (!response.ok) throw fromEnvelope(response.status, await response.text(), response.headers.get("x-request-id"))
  return response.blob()
}
