import type {
  BannerOptions,
  crosstabFromCounts,
  describeVariable,
  frequencies,
  LayeredCrosstabOptions,
  likert,
  means,
  multipleResponse
} from "@danvan/analysis"
import type { AnalysisPlan, Codebook, Dataset } from "@danvan/domain"
import type { ReportRequest } from "../schemas.js"
import type { ParsedUpload, UploadRefusal, UploadTask } from "./upload.js"

/**
 * The messages between the server and its analysis workers. A task carries everything the analysis needs
 * (the dataset's columns travel as views of SharedArrayBuffers, so posting them copies no data); the reply
 * is the finished response body, so the server thread only writes it out.
 */
export type AnalysisTask =
  & (
    | {
      readonly kind: "frequencies"
      readonly dataset: Dataset
      readonly codebook: Codebook | undefined
      readonly variables: ReadonlyArray<string>
      readonly options: NonNullable<Parameters<typeof frequencies>[3]>
    }
    | {
      readonly kind: "crosstab"
      readonly dataset: Dataset
      readonly codebook: Codebook | undefined
      readonly row: string
      readonly col: string
      /** a layer (control) variable: the layered crosstab with the CMH tests */
      readonly layer?: string
      readonly options: LayeredCrosstabOptions
    }
    | {
      readonly kind: "means"
      readonly dataset: Dataset
      readonly codebook: Codebook | undefined
      readonly variable: string
      readonly by: string
      readonly options: NonNullable<Parameters<typeof means>[4]>
    }
    | {
      readonly kind: "describe"
      readonly dataset: Dataset
      readonly codebook: Codebook | undefined
      readonly variables: ReadonlyArray<string>
      readonly options: NonNullable<Parameters<typeof describeVariable>[3]>
    }
    | {
      readonly kind: "multipleResponse"
      readonly dataset: Dataset
      readonly codebook: Codebook | undefined
      readonly group: string
      /** The items, or the codebook set that lists them. */
      readonly items: { readonly items: ReadonlyArray<string> } | { readonly set: string }
      readonly options: NonNullable<Parameters<typeof multipleResponse>[4]>
    }
    | {
      readonly kind: "likert"
      readonly dataset: Dataset
      readonly codebook: Codebook | undefined
      readonly which: Parameters<typeof likert>[2]
      readonly by: string
      readonly options: NonNullable<Parameters<typeof likert>[4]>
    }
    | {
      /** A banner table (`danvan table`). */
      readonly kind: "table"
      readonly dataset: Dataset
      readonly codebook: Codebook | undefined
      readonly rows: ReadonlyArray<string>
      readonly cols: ReadonlyArray<string>
      readonly options: BannerOptions
      /** json: the result object; text: the terminal table; else a report document (@danvan/report). */
      readonly render: {
        readonly format: TableFormat
        readonly lang: "vi" | "en"
        /** The dataset's name, where the CLI shows the data file's path. */
        readonly dataFile: string
        readonly decimal?: "comma" | "point"
        readonly suppressBelow?: number
      }
    }
    | {
      readonly kind: "tableTest"
      readonly counts: ReadonlyArray<ReadonlyArray<number>>
      readonly options: NonNullable<Parameters<typeof crosstabFromCounts>[1]>
    }
    | {
      readonly kind: "report"
      readonly dataset: Dataset
      readonly codebook: Codebook
      readonly plan: AnalysisPlan
      /** The plan's name as the CLI shows it (a built-in id, or the plan object's id). */
      readonly source: string
      readonly format: ReportFormat
      readonly lang: "vi" | "en"
      /** The dataset's name, where the CLI shows the data file's path. */
      readonly dataFile: string
      readonly decimal?: (typeof ReportRequest.Type)["decimal"]
      readonly suppressBelow?: number | undefined
    }
    /** An upload to read and check (parsing runs here too, off the event loop). */
    | UploadTask
  )
  & {
    /** The server's minimum cell size (`DANVAN_MIN_CELL`): smaller counts in the result are suppressed; 0 is off. */
    readonly minCell?: number
  }

export type ReportFormat = "html" | "xlsx" | "json" | "md" | "csv" | "docx" | "pdf"

/** The formats of a banner table: its JSON, the terminal text, or a report format (as `danvan table --format`). */
export type TableFormat = "json" | "text" | Exclude<ReportFormat, "json">

/** A worker's answer to one task. */
export type TaskReply =
  /** The response body and its content type. */
  | { readonly ok: true; readonly body: string | Uint8Array; readonly contentType: string }
  /** The analysis refused the request (an AnalysisError: unknown variable, bad weight, ...): a 422. */
  | {
    readonly ok: false
    readonly error: "analysis"
    readonly code: string
    readonly message: string
    readonly details?: unknown
  }
  /** An upload read and checked: its columns' buffers are moved, not copied. */
  | { readonly ok: true; readonly upload: ParsedUpload }
  /** An upload refused (a malformed form, data that fail the codebook, over a limit): 400, 413 or 422. */
  | { readonly ok: false; readonly error: "upload"; readonly refusal: UploadRefusal }
  /** A bug (an exception): a logged 500. */
  | { readonly ok: false; readonly error: "defect"; readonly message: string }
