/**
 * The report's chart API: SVG charts drawn with vega-lite + vega without a browser (`./chart/`), used by the
 * HTML renderer for the chart slots of a document.
 */
export * from "./chart/index.js"
