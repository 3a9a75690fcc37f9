/**
 * `@danvan/report/text`: the terminal renderers of single commands (SPSS-style text tables, Markdown, CSV, JSON of
 * one result object, in Vietnamese or English), moved from apps/cli unchanged. A separate entry point so that a
 * command that prints one table never loads the report renderers (vega, exceljs).
 */
export * from "./crosstab.js"
export * from "./crosstabCsv.js"
export * from "./frequencies.js"
export * from "./codebook.js"
export * from "./likert.js"
export * from "./mr.js"
export * from "./rake.js"
export * from "./replicate.js"
export * from "./rate.js"
export * from "./format.js"
export * from "./i18n.js"
export * from "./csv.js"
export * from "./width.js"
export * from "./table.js"
export * from "./markdown.js"
export * from "./describe.js"
export * from "./notes.js"
export * from "./likertExport.js"
export * from "./means.js"
export * from "./layered.js"
export * from "./banner.js"
export { suppressBanner, type SuppressedBannerResult } from "../suppressBanner.js"
export * from "./check.js"
