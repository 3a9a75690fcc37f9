import type { AnalysisWarning, CrosstabResult } from "@danvan/analysis"
import { columnLettersTable } from "./columnLetters.js"
import { directionalTable, symmetricTable } from "./crosstabMeasures.js"
import { designCellsTable, raoScottTable, weightOrDesignText } from "./design.js"
import { fixed, formatCount, formatDf, formatP, formatPercent, formatStat, percentOf as pct } from "./format.js"
import { label, type Lang, t } from "./i18n.js"
import { lowExpectedText } from "./lowExpected.js"
import { mdEscape, mdTable } from "./markdown.js"
import { fisherNotComputedReason, weightExcludedText } from "./notes.js"
import { renderTable, type Row, type TextTable } from "./table.js"
import { displayWidth } from "./width.js"

/** Superscript footnote letters, so that a mark never reads as part of a (Vietnamese) word: "Fisher ᵇ". */
const SUPERSCRIPT = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖ"
/**
 * A footnote mark after a cell's text, separated by a space and set as a superscript letter.
 *
 * @example
 * withMark("Fisher's Exact Test", "b") // "Fisher's Exact Test ᵇ"
 */
export const withMark = (text: string, mark: string): string =>
  mark === ""
    ? text
    : `${text} ${mark.length === 1 && mark >= "a" && mark <= "p" ? SUPERSCRIPT[mark.charCodeAt(0) - 97] : `(${mark})`}`

/**
 * The `TEST_NOT_COMPUTED` warning of Fisher's exact test, when the analysis left it out (too large, fractional counts).
 *
 * @example
 * fisherNotComputed(result)?.reasonCode // "TOO_LARGE"
 */
export const fisherNotComputed = (r: CrosstabResult) =>
  r.warnings.find((w): w is Extract<AnalysisWarning, { code: "TEST_NOT_COMPUTED" }> =>
    w.code === "TEST_NOT_COMPUTED" && w.test === "fisherExact"
  )

export interface RenderOptions {
  readonly lang: Lang
  /** ANSI emphasis for titles; the CLI sets it only for a colour terminal without NO_COLOR. */
  readonly color?: boolean
}

/**
 * The row and column variables' labels and their categories' labels in one language, as the tables print them.
 *
 * @example
 * names(result, "vi").row // "Cấp cán bộ"
 */
export const names = (r: CrosstabResult, lang: Lang) => ({
  row: label(r.row.label, lang),
  col: label(r.col.label, lang),
  rowCats: r.row.categories.map((c) => label(c.label, lang)),
  colCats: r.col.categories.map((c) => label(c.label, lang))
})

/**
 * SPSS's footnote "a" under Chi-Square Tests, printed even when no cell is below 5 (as SPSS does).
 *
 * @example
 * lowExpected(result).minExpected // 30.26
 */
export const lowExpected = (r: CrosstabResult) => r.lowExpected

// SPSS's footnote "a" under Chi-Square Tests, in one place (text/lowExpected.ts), kept importable from here.
export { lowExpectedText }

/**
 * A warning other than LOW_EXPECTED, in the chosen language.
 *
 * @example
 * result.warnings.map((w) => warningText(w, "en"))
 */
export const warningText = (w: AnalysisWarning, lang: Lang, n = Number.NaN): string => {
  if (w.code === "TEST_NOT_COMPUTED" && w.test === "fisherExact") {
    return t("fisherNotComputed", lang, { reason: fisherNotComputedReason(w, n, lang) })
  }
  if (lang === "en") return w.message
  switch (w.code) {
    case "LOW_EXPECTED":
      return lowExpectedText(w, lang)
    case "EMPTY_CATEGORY":
      return t("emptyCategory", lang, { code: w.categoryCode, var: w.variable })
    case "UNLABELLED_CODE":
      return t("unlabelledCode", lang, { code: w.categoryCode, var: w.variable })
    case "TEST_NOT_COMPUTED":
      return t("testNotComputed", lang, { test: w.test })
    case "LOW_EXPECTED_ITEMS":
      return t("lowExpectedItems", lang, { items: w.items.join(", "), min: fixed(w.minExpected, 2) })
    case "WEIGHT_EXCLUDED":
      return weightExcludedText(w, lang)
    case "ITEM_TEST_SVYCHISQ":
      return t("itemTestSvychisq", lang, { items: w.items.join(", ") })
  }
}

/**
 * The footnote of the Fisher row: how the p-value was computed (exact, or Monte Carlo with B, seed and SE).
 *
 * @example
 * fisherText(result, "en") // "Fisher's exact test: exact." (or "…: Monte Carlo, B = 10000, seed 1, SE = 0.0012.")
 */
export const fisherText = (r: CrosstabResult, lang: Lang): string | undefined => {
  const f = r.tests.fisherExact
  if (f === undefined) return undefined
  if (f.method === "exact") return t("fisherExactly", lang)
  const se = f.standardError !== undefined && Number.isFinite(f.standardError)
    ? `, ${t("standardErrorShort", lang)} = ${f.standardError.toPrecision(2)}`
    : ""
  return t("fisherMonteCarlo", lang, { B: f.B ?? "?", seed: f.seed ?? "?", se })
}

interface TestLine {
  readonly key: "pearson" | "yates" | "likelihoodRatio" | "fisherExact" | "linearByLinear"
  readonly name: string
  readonly value: string
  readonly df: string
  readonly asymp: string
  readonly exact: string
  readonly nameMark: string
  readonly valueMark: string
}

/** The rows of Chi-Square Tests and their footnotes (a, b, c … in order of use). */
const testLines = (r: CrosstabResult, lang: Lang) => {
  const footnotes: Array<string> = []
  const mark = (text: string | undefined): string => {
    if (text === undefined) return ""
    footnotes.push(text)
    return String.fromCharCode(96 + footnotes.length)
  }
  const low = lowExpected(r)
  const lines: Array<TestLine> = []
  const pearsonMark = mark(lowExpectedText(low, lang))
  const p = r.tests.pearson
  lines.push({
    key: "pearson",
    name: t("pearsonChiSquare", lang),
    value: formatStat(p.statistic),
    df: formatDf(p.df),
    asymp: formatP(p.p),
    exact: "",
    nameMark: "",
    valueMark: pearsonMark
  })
  const y = r.tests.yates
  if (y !== undefined) {
    lines.push({
      key: "yates",
      name: t("continuityCorrection", lang),
      value: formatStat(y.statistic),
      df: formatDf(y.df),
      asymp: formatP(y.p),
      exact: "",
      nameMark: mark(lang === "vi" ? "Chỉ tính cho bảng 2x2." : "Computed only for a 2x2 table."),
      valueMark: ""
    })
  }
  const lr = r.tests.likelihoodRatio
  lines.push({
    key: "likelihoodRatio",
    name: t("likelihoodRatio", lang),
    value: formatStat(lr.statistic),
    df: formatDf(lr.df),
    asymp: formatP(lr.p),
    exact: "",
    nameMark: "",
    valueMark: ""
  })
  const f = r.tests.fisherExact
  const notComputed = fisherNotComputed(r)
  if (f !== undefined) {
    lines.push({
      key: "fisherExact",
      name: t("fisherExactTest", lang),
      value: "",
      df: "",
      asymp: "",
      exact: formatP(f.p),
      nameMark: mark(fisherText(r, lang)),
      valueMark: ""
    })
  } else if (notComputed !== undefined) {
    const reason = t("fisherNotComputed", lang, { reason: fisherNotComputedReason(notComputed, r.n.valid, lang) })
    lines.push({
      key: "fisherExact",
      name: t("fisherExactTest", lang),
      value: "",
      df: "",
      asymp: "",
      exact: t("notComputed", lang),
      nameMark: mark(reason),
      valueMark: ""
    })
  }
  const ll = r.tests.linearByLinear
  lines.push({
    key: "linearByLinear",
    name: t("linearByLinear", lang),
    value: formatStat(ll.statistic),
    df: formatDf(ll.df),
    asymp: formatP(ll.p),
    exact: "",
    nameMark: "",
    valueMark: ""
  })
  return { lines, footnotes: footnotes.map((text, i) => `${String.fromCharCode(97 + i)}. ${text}`) }
}

/**
 * Warnings not already printed as a footnote of Chi-Square Tests.
 *
 * @example
 * otherWarnings(result, "en") // ["row 2 of the typed table has a total of zero and is left out …"]
 */
export const otherWarnings = (r: CrosstabResult, lang: Lang): Array<string> =>
  r.warnings.filter((w) => w.code !== "LOW_EXPECTED" && !(w.code === "TEST_NOT_COMPUTED" && w.test === "fisherExact"))
    .map((w) => warningText(w, lang, r.n.valid))

const hasFisherRow = (r: CrosstabResult) => r.tests.fisherExact !== undefined || fisherNotComputed(r) !== undefined

const missingSummary = (r: CrosstabResult, lang: Lang): string | undefined => {
  if (r.missingByCode.length === 0) return undefined
  const parts = r.missingByCode.map((m) =>
    `${m.variable} = ${m.code === "system" ? t("system", lang) : m.code}: ${formatCount(m.count)}`
  )
  return `${t("missingByCode", lang)}: ${parts.join("; ")}`
}

// ---------------------------------------------------------------------------------------------------------
// text

const caseSummaryTable = (r: CrosstabResult, lang: Lang): TextTable => {
  const { row, col } = names(r, lang)
  const n = r.n
  const footnotes = [weightOrDesignText(r, lang), missingSummary(r, lang)].filter((x): x is string => x !== undefined)
  return {
    title: t("caseProcessingSummary", lang),
    align: ["left", "right", "right", "right", "right", "right", "right"],
    header: [
      ["", { text: t("cases", lang), span: 6 }],
      ["", { text: t("valid", lang), span: 2 }, { text: t("missing", lang), span: 2 }, {
        text: t("total", lang),
        span: 2
      }],
      ["", t("n", lang), t("percent", lang), t("n", lang), t("percent", lang), t("n", lang), t("percent", lang)]
    ],
    body: [
      [
        `${row} * ${col}`,
        formatCount(n.valid),
        formatPercent(pct(n.valid, n.total)),
        formatCount(n.missing),
        formatPercent(pct(n.missing, n.total)),
        formatCount(n.total),
        formatPercent(pct(n.total, n.total))
      ]
    ],
    footnotes
  }
}

const WITHIN_MAX = 30
/**
 * "% within …" names a variable by its label, or by its name when the label would make the table too wide.
 *
 * @example
 * withinName("Cấp cán bộ", "level") // "Cấp cán bộ"
 */
export const withinName = (
  labelText: string,
  name: string
): string => (displayWidth(labelText) <= WITHIN_MAX ? labelText : name)

const crosstabTable = (r: CrosstabResult, lang: Lang): TextTable => {
  const { row, col, rowCats, colCats } = names(r, lang)
  const rowW = withinName(row, r.row.name)
  const colW = withinName(col, r.col.name)
  const N = r.n.valid
  const k = colCats.length
  const body: Array<Row | "rule"> = []
  rowCats.forEach((cat, i) => {
    if (i > 0) body.push("rule")
    const rt = r.rowTotals[i]
    body.push([cat, t("count", lang), ...r.counts[i].map(formatCount), formatCount(rt)])
    body.push([
      "",
      t("within", lang, { var: rowW }),
      ...r.percents.row[i].map(formatPercent),
      formatPercent(pct(rt, rt))
    ])
    body.push([
      "",
      t("within", lang, { var: colW }),
      ...r.percents.col[i].map(formatPercent),
      formatPercent(pct(rt, N))
    ])
    body.push(["", t("expectedCount", lang), ...r.expected[i].map((e) => fixed(e, 1)), fixed(rt, 1)])
    body.push(["", t("adjustedResidual", lang), ...r.residuals.adjusted[i].map((e) => fixed(e, 1)), ""])
  })
  body.push("rule")
  body.push([t("total", lang), t("count", lang), ...r.colTotals.map(formatCount), formatCount(N)])
  body.push([
    "",
    t("within", lang, { var: rowW }),
    ...r.colTotals.map((c) => formatPercent(pct(c, N))),
    formatPercent(pct(N, N))
  ])
  body.push([
    "",
    t("within", lang, { var: colW }),
    ...r.colTotals.map((c) => formatPercent(pct(c, c))),
    formatPercent(pct(N, N))
  ])
  body.push(["", t("expectedCount", lang), ...r.colTotals.map((c) => fixed(c, 1)), fixed(N, 1)])
  return {
    title: t("crosstabulation", lang, { row, col }),
    align: ["left", "left", ...new Array<"right">(k + 1).fill("right")],
    header: [
      ["", "", { text: col, span: k + 1, overflow: true }],
      [row, "", ...colCats, t("total", lang)]
    ],
    body
  }
}

const chiSquareTable = (r: CrosstabResult, lang: Lang): TextTable => {
  const { lines, footnotes } = testLines(r, lang)
  const hasExact = hasFisherRow(r)
  const head = ["", t("value", lang), t("df", lang), t("asympSig2", lang), ...(hasExact ? [t("exactSig2", lang)] : [])]
  const body: Array<Row> = lines.map((
    l
  ) => [withMark(l.name, l.nameMark), withMark(l.value, l.valueMark), l.df, l.asymp, ...(hasExact ? [l.exact] : [])])
  body.push([t("nOfValidCases", lang), formatCount(r.n.valid), "", "", ...(hasExact ? [""] : [])])
  return {
    title: t("chiSquareTests", lang),
    align: ["left", "right", "right", "right", ...(hasExact ? (["right"] as const) : [])],
    header: [head],
    body,
    footnotes
  }
}

/**
 * SPSS CROSSTABS as plain text: Case Processing Summary, the crosstabulation (count, row and column
 * percentages, expected count, adjusted residual), Chi-Square Tests, Symmetric and Directional Measures.
 *
 * @example
 * renderCrosstabText(result, { lang: "vi" })
 */
export const renderCrosstabText = (r: CrosstabResult, options: RenderOptions): string => {
  const { lang } = options
  const style = { color: options.color === true }
  const letters = columnLettersTable(r, lang)
  // Under a sampling design the Rao-Scott tests replace SPSS's frequency-weighted tests and measures.
  const sampled = raoScottTable(r, lang)
  const { rowCats, colCats } = names(r, lang)
  const cells = designCellsTable(r, rowCats, colCats, lang)
  const sections = [
    caseSummaryTable(r, lang),
    crosstabTable(r, lang),
    ...(letters !== undefined && r.design?.mode !== "sampling" ? [letters] : []),
    ...(r.design?.mode === "sampling"
      ? [...(cells !== undefined ? [cells] : []), ...(sampled !== undefined ? [sampled] : [])]
      : [chiSquareTable(r, lang), symmetricTable(r, lang), directionalTable(r, lang)])
  ].map((tb) => renderTable(tb, style))
  const notes = otherWarnings(r, lang)
  if (notes.length > 0) sections.push([`${t("notes", lang)}:`, ...notes.map((n) => `- ${n}`)].join("\n"))
  return sections.join("\n\n") + "\n"
}

// ---------------------------------------------------------------------------------------------------------
// markdown

/**
 * GitHub Markdown: the crosstabulation (count and % within the row variable) and Chi-Square Tests with footnotes.
 *
 * @example
 * renderCrosstabMarkdown(result, { lang: "en" })
 */
export const renderCrosstabMarkdown = (r: CrosstabResult, options: RenderOptions): string => {
  const { lang } = options
  const { row, col, rowCats, colCats } = names(r, lang)
  const N = r.n.valid
  const out: Array<string> = []
  out.push(`### ${mdEscape(t("crosstabulation", lang, { row, col }))}`, "")
  const rows: Array<Array<string>> = []
  rowCats.forEach((cat, i) => {
    const rt = r.rowTotals[i]
    rows.push([mdEscape(cat), t("count", lang), ...r.counts[i].map(formatCount), formatCount(rt)])
    rows.push([
      "",
      mdEscape(t("within", lang, { var: row })),
      ...r.percents.row[i].map(formatPercent),
      formatPercent(pct(rt, rt))
    ])
  })
  rows.push([`**${t("total", lang)}**`, t("count", lang), ...r.colTotals.map(formatCount), formatCount(N)])
  rows.push([
    "",
    mdEscape(t("within", lang, { var: row })),
    ...r.colTotals.map((c) => formatPercent(pct(c, N))),
    formatPercent(pct(N, N))
  ])
  out.push(
    mdTable(
      [mdEscape(`${row} \\ ${col}`), "", ...colCats.map(mdEscape), t("total", lang)],
      ["left", "left", ...colCats.map(() => "right" as const), "right"],
      rows
    )
  )
  const weighted = weightOrDesignText(r, lang)
  const nLine = `N = ${formatCount(r.n.valid)} (${t("missing", lang).toLowerCase()}: ${formatCount(r.n.missing)})${
    weighted !== undefined ? `. ${weighted}` : ""
  }`
  out.push("", mdEscape(nLine), "")
  const sampled = raoScottTable(r, lang)
  if (r.design?.mode === "sampling") {
    // Under a sampling design the Rao-Scott tests are the tests (SPSS's frequency-weighted ones are not valid).
    if (sampled === undefined) {
      const notes = otherWarnings(r, lang)
      if (notes.length > 0) out.push(`**${t("notes", lang)}:**`, "", ...notes.map((n) => `- ${mdEscape(n)}`))
      return out.join("\n") + "\n"
    }
    out.push(`### ${mdEscape(sampled.title)}`, "")
    out.push(mdTable(
      sampled.header[0]!.map((h) => mdEscape(typeof h === "string" ? h : h.text)),
      [...sampled.align],
      sampled.body.flatMap((row) =>
        row === "rule" ? [] : [row.map((c) => mdEscape(typeof c === "string" ? c : c.text))]
      )
    ))
    out.push("", ...(sampled.footnotes ?? []).map((f) => mdEscape(f) + "  "))
    const notes = otherWarnings(r, lang)
    if (notes.length > 0) out.push("", `**${t("notes", lang)}:**`, "", ...notes.map((n) => `- ${mdEscape(n)}`))
    return out.join("\n") + "\n"
  }
  out.push(`### ${t("chiSquareTests", lang)}`, "")
  const { lines, footnotes } = testLines(r, lang)
  const hasExact = hasFisherRow(r)
  const sup = (m: string) => (m === "" ? "" : `<sup>${m}</sup>`)
  const testRows = lines.map((
    l
  ) => [mdEscape(l.name) + sup(l.nameMark), l.value + sup(l.valueMark), l.df, l.asymp, ...(hasExact ? [l.exact] : [])])
  testRows.push([t("nOfValidCases", lang), formatCount(r.n.valid), "", "", ...(hasExact ? [""] : [])])
  out.push(
    mdTable(
      ["", t("value", lang), t("df", lang), t("asympSig2", lang), ...(hasExact ? [t("exactSig2", lang)] : [])],
      ["left", "right", "right", "right", ...(hasExact ? (["right"] as const) : [])],
      testRows
    )
  )
  if (footnotes.length > 0) out.push("", ...footnotes.map((f) => mdEscape(f) + "  "))
  const notes = otherWarnings(r, lang)
  if (notes.length > 0) out.push("", `**${t("notes", lang)}:**`, "", ...notes.map((n) => `- ${mdEscape(n)}`))
  return out.join("\n") + "\n"
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/**
 * DESIGN.md's crosstab JSON: the result object itself, two-space indented; NaN and ±Infinity become null.
 *
 * @example
 * JSON.parse(renderCrosstabJson(result)).tests.pearson.p
 */
export const renderCrosstabJson = (r: CrosstabResult): string => toJson(r)

/**
 * JSON with two-space indentation; NaN and ±Infinity become null, so the output is always valid JSON.
 *
 * @example
 * toJson({ p: Number.NaN }) // '{\n  "p": null\n}'
 */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n"
