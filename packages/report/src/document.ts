import type { DivergingBarChartData, GroupedBarChartData, HistogramChartData } from "./charts.js"
import type { Decimal } from "./format.js"
import type { Lang } from "./i18n.js"

/** How a cell's number is shown (HTML/Markdown text) and formatted (XLSX number format). */
export type CellFormat = "text" | "count" | "percent" | "stat" | "p" | "df" | "coef" | "mean"

/** One table cell: a number stays a number until a renderer formats it. `suppressed` cells show `[c]`. */
export interface Cell {
  readonly value: string | number | null
  readonly format: CellFormat
  readonly suppressed?: boolean
}

/** A header cell spanning `span` columns (default 1). */
export interface HeaderCell {
  readonly text: string
  readonly span?: number
}

export interface TableRow {
  readonly cells: ReadonlyArray<Cell>
  /** "total" rows are set off (bold, rule above). */
  readonly kind?: "total"
}

/** A table as a reader sees it: already in one language; numbers unformatted. */
export interface ReportTable {
  /** Unique within the document; names the XLSX sheet and the HTML anchor. */
  readonly id: string
  readonly title: string
  readonly header: ReadonlyArray<ReadonlyArray<HeaderCell>>
  readonly rows: ReadonlyArray<TableRow>
  readonly notes: ReadonlyArray<string>
  /** "full": a table of tests, measures or cell statistics, left out of a report built with `detail: "apa"`. */
  readonly detail?: "full"
}

/** An interview excerpt as a reader sees it: the quote and who said it ("Nam, cán bộ cơ quan nhà nước, 37 tuổi"). */
export interface ReportExcerpt {
  readonly text: string
  readonly attribution: string
  readonly theme?: string
}

/** A chart slot: the data of one of the SVG charts (bilingual labels, drawn in the document's language). */
export type ReportChart =
  | { readonly type: "grouped-bar"; readonly data: GroupedBarChartData }
  | { readonly type: "diverging-bar"; readonly data: DivergingBarChartData }
  | { readonly type: "histogram"; readonly data: HistogramChartData }

export type Block =
  | { readonly kind: "table"; readonly table: ReportTable }
  | { readonly kind: "text"; readonly text: string }
  /** APA 7 sentences of the section's tests. */
  | { readonly kind: "apa"; readonly sentences: ReadonlyArray<string> }
  | { readonly kind: "chart"; readonly id: string; readonly chart: ReportChart }
  /** Interview excerpts printed after a section's table, attributed in the paper's style. */
  | { readonly kind: "excerpts"; readonly excerpts: ReadonlyArray<ReportExcerpt> }

export interface ReportSection {
  readonly id: string
  readonly heading: string
  readonly blocks: ReadonlyArray<Block>
}

/** The whole report in one language: what every renderer (HTML, XLSX, Markdown, CSV, JSON) draws. */
export interface ReportDocument {
  readonly kind: "report"
  readonly lang: Lang
  readonly decimal: Decimal
  readonly title: string
  readonly subtitle: string
  readonly sections: ReadonlyArray<ReportSection>
  /** Notes on the whole report (method, p-value style, decimal separator, disclosure control). */
  readonly notes: ReadonlyArray<string>
  readonly suppression?: { readonly k: number; readonly cells: number }
}

/**
 * Every table of a document, in order.
 *
 * @example
 * tablesOf(doc).map((t) => t.id)
 */
export const tablesOf = (doc: ReportDocument): Array<ReportTable> =>
  doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])))

/**
 * Every chart slot of a document, in order.
 *
 * @example
 * chartsOf(doc).length
 */
export const chartsOf = (doc: ReportDocument): Array<{ readonly id: string; readonly chart: ReportChart }> =>
  doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "chart" ? [{ id: b.id, chart: b.chart }] : [])))
