/**
 * `@danvan/report/apa`: APA 7 sentences and the number formats of the reports (p-values without ".000", decimal
 * comma or point), with no renderer behind them: pure functions a browser bundle (apps/web) can take without
 * vega, exceljs, docx or playwright-core.
 */
export * from "../apa.js"
export * from "../format.js"
