/**
 * Pure renderers: result objects -> text, Markdown, CSV, JSON, in Vietnamese or English. No CLI or I/O imports,
 * so they can move to a report package unchanged.
 */
export * from "./crosstab.js"
export * from "./frequencies.js"
export * from "./codebook.js"
export { formatP, formatPercent, formatCount, formatStat, fixed, NOT_AVAILABLE } from "./format.js"
export { t, label, type Lang } from "./i18n.js"
export { BOM, csvDocument, csvField } from "./csv.js"
export { displayWidth, stripAnsi } from "./width.js"
export { renderTable, type TextTable } from "./table.js"
