/** The files a report can be written as. */
export type ReportFormat = "html" | "xlsx" | "md" | "csv" | "json" | "docx" | "pdf"

/** Every report format, in the order the CLI lists them. */
export const reportFormats: ReadonlyArray<ReportFormat> = ["html", "xlsx", "md", "csv", "json", "docx", "pdf"]

/**
 * The format named by an output path's extension (`.html`/`.htm`, `.xlsx`, `.md`/`.markdown`, `.csv`, `.json`,
 * `.docx`, `.pdf`).
 *
 * @example
 * reportFormatOf("out/report.xlsx") // "xlsx"
 */
export const reportFormatOf = (path: string): ReportFormat | undefined => {
  const ext = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase()
  if (ext === "htm" || ext === "html") return "html"
  if (ext === "markdown" || ext === "md") return "md"
  return ext === "xlsx" || ext === "csv" || ext === "json" || ext === "docx" || ext === "pdf" ? ext : undefined
}
