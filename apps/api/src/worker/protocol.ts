import type { crosstab, crosstabFromCounts, frequencies, likert, multipleResponse } from "@danvan/analysis"
import type { AnalysisPlan, Codebook, Dataset } from "@danvan/domain"
import type { ReportRequest } from "../schemas.js"

/**
 * The messages between the server and its analysis workers. A task carries everything the analysis needs
 * (the dataset's columns travel as views of SharedArrayBuffers, so posting them copies no data); the reply
 * is the finished response body, so the server thread only writes it out.
 */
export type AnalysisTask =
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
      readonly options: NonNullable<Parameters<typeof crosstab>[4]>
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
  | { readonly kind: "tableTest"; readonly counts: ReadonlyArray<ReadonlyArray<number>>; readonly options: NonNullable<Parameters<typeof crosstabFromCounts>[1]> }
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

export type ReportFormat = "html" | "xlsx" | "json" | "md" | "csv" | "docx"

/** A worker's answer to one task. */
export type TaskReply =
  /** The response body and its content type. */
  | { readonly ok: true; readonly body: string | Uint8Array; readonly contentType: string }
  /** The analysis refused the request (an AnalysisError: unknown variable, bad weight, ...): a 422. */
  | { readonly ok: false; readonly error: "analysis"; readonly code: string; readonly message: string }
  /** A bug (an exception): a logged 500. */
  | { readonly ok: false; readonly error: "defect"; readonly message: string }
