/**
 * The APA sentences and number formats alone, with nothing that needs Node (no renderers, no charts): what the
 * web app imports in the browser (`@danvan/report/sentences`).
 */
export * from "./apa.js"
export * from "./format.js"
export { LOW_EXPECTED_VI, type LowExpectedFields, lowExpectedText } from "./text/lowExpected.js"
export { classicalTestsNote, designNotValid, designStatement, designWaldLine, raoScottLine } from "./text/design.js"
export { mrDesignOverall, mrDesignStatementText } from "./text/mrDesign.js"
