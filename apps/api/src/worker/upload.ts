import { type ColumnSummary, describeDataset } from "@danvan/analysis"
import { type Codebook, type CodebookJson, codebookToJson, type Column } from "@danvan/domain"
import { type DataFileError, readDataBytes } from "@danvan/io"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"

/** An upload to read on a worker: the raw body (moved, not copied) and what the request said about it. */
export interface UploadTask {
  readonly kind: "parseUpload"
  readonly body: Uint8Array
  readonly contentType: string
  /** `?name=`: wins over a multipart part's file name. */
  readonly name: string | undefined
  readonly codebook: Codebook | undefined
  /** `?weight=`: a column read as numbers. */
  readonly weight: string | undefined
  readonly maxRows: number
  readonly maxColumns: number
}

/** A file read and checked: its columns (their buffers are moved back), the codebook it carries, its summary. */
export interface ParsedUpload {
  readonly name: string
  readonly format: "csv" | "xlsx" | "sav"
  readonly rows: number
  readonly columns: ReadonlyArray<Column>
  /** The .sav file's own dictionary (file form), when no codebook was given. */
  readonly fileCodebook: CodebookJson | undefined
  /** The dataset's default weight: `?weight=`, else the codebook's `weightVariable` (a .sav's WEIGHT BY). */
  readonly weightVariable: string | undefined
  readonly variables: ReadonlyArray<ColumnSummary>
  readonly warnings: ReadonlyArray<{ readonly code: string; readonly message: string }>
}

/** Why an upload was refused: the HTTP status and the error envelope's code, message and details. */
export interface UploadRefusal {
  readonly status: 400 | 413 | 422
  readonly code: string
  readonly message: string
  readonly details?: unknown
}

const refuse = (
  status: UploadRefusal["status"],
  code: string,
  message: string,
  details?: unknown
): Either.Either<never, UploadRefusal> =>
  Either.left({ status, code, message, ...(details !== undefined ? { details } : {}) })

/** The file of a multipart form: its `file` part, or its only file part. */
const multipartFile = async (
  body: Uint8Array,
  contentType: string
): Promise<Either.Either<{ bytes: Uint8Array; fileName: string | undefined }, UploadRefusal>> => {
  let form: FormData
  try {
    form = await new Request("http://localhost/", {
      method: "POST",
      headers: { "content-type": contentType },
      body
    }).formData()
  } catch (e) {
    return refuse(
      400,
      "INVALID_MULTIPART",
      `the multipart form could not be read: ${e instanceof Error ? e.message : String(e)}`
    )
  }
  type Part = { readonly name: string; arrayBuffer(): Promise<ArrayBuffer> }
  const files = [...form.entries()].filter((entry) => typeof entry[1] !== "string") as unknown as Array<[string, Part]>
  const chosen = files.find(([field]) => field === "file") ?? (files.length === 1 ? files[0] : undefined)
  if (chosen === undefined) return refuse(400, "MISSING_FILE", "the multipart form has no file part named \"file\"")
  return Either.right({
    bytes: new Uint8Array(await chosen[1].arrayBuffer()),
    fileName: chosen[1].name === "" ? undefined : chosen[1].name
  })
}

/**
 * Reads an upload as `danvan` reads a data file, on an analysis worker so a large or hostile file never holds
 * up the event loop: the multipart form (if any) is unpacked, the format comes from the content (SPSS .sav/.zsav,
 * an .xlsx workbook, else CSV), the rows are checked against the codebook all-or-nothing (a .sav without one
 * brings its own dictionary and weight), and the row and column limits are applied.
 *
 * @example
 * const parsed = await parseUpload({
 *   kind: "parseUpload", body, contentType: "text/csv", name: "s.csv",
 *   codebook: undefined, weight: undefined, maxRows: 1e6, maxColumns: 1e4
 * })
 */
export const parseUpload = async (task: UploadTask): Promise<Either.Either<ParsedUpload, UploadRefusal>> => {
  const multipart = task.contentType.toLowerCase().startsWith("multipart/form-data")
  const file = multipart
    ? await multipartFile(task.body, task.contentType)
    : Either.right({ bytes: task.body, fileName: undefined })
  if (Either.isLeft(file)) return Either.left(file.left)
  const name = task.name ?? file.right.fileName ?? "upload"
  const read = await Effect.runPromise(
    Effect.either(
      readDataBytes(file.right.bytes, name, {
        sniff: "content",
        ...(task.codebook !== undefined ? { codebook: task.codebook } : {}),
        ...(task.weight !== undefined ? { numericColumns: [task.weight] } : {})
      })
    )
  )
  if (Either.isLeft(read)) {
    const e: DataFileError = read.left
    return refuse(422, "INVALID_DATA", e.message, {
      file: e.file,
      problems: e.problems,
      totalProblems: e.totalProblems
    })
  }
  const { dataset, codebook, format, warnings } = read.right
  if (dataset.columns.length > task.maxColumns) {
    return refuse(
      413,
      "TOO_MANY_COLUMNS",
      `the file has ${dataset.columns.length} columns; the limit is ${task.maxColumns} (DANVAN_MAX_COLUMNS)`,
      {
        columns: dataset.columns.length,
        limit: task.maxColumns
      }
    )
  }
  if (dataset.rowCount > task.maxRows) {
    return refuse(
      413,
      "TOO_MANY_ROWS",
      `the file has ${dataset.rowCount} data rows; the limit is ${task.maxRows} (DANVAN_MAX_ROWS)`,
      { rows: dataset.rowCount, limit: task.maxRows }
    )
  }
  const weightVariable = task.weight ?? codebook?.weightVariable
  return Either.right({
    name,
    format,
    rows: dataset.rowCount,
    columns: dataset.columns,
    fileCodebook: task.codebook === undefined && codebook !== undefined ? codebookToJson(codebook) : undefined,
    weightVariable,
    variables: describeDataset(dataset, codebook),
    warnings: warnings.map((w) => ({ code: w.code, message: w.message }))
  })
}
