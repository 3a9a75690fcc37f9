import type { FrequenciesResult, FrequencyRow } from "@danvan/analysis"
import { type RenderOptions, toJson, warningText } from "./crosstab.js"
import { csvDocument, type CsvRow } from "./csv.js"
import { designPercentsTable, weightOrDesignText } from "./design.js"
import { fixed, formatCount, percentOf as pct, rawNumber } from "./format.js"
import { label, type Lang, t } from "./i18n.js"
import { mdEscape, mdTable } from "./markdown.js"
import { renderTable, type Row, type TextTable } from "./table.js"

/** "Cadre level (level)", or just "level" when the variable has no label of its own. */
const variableTitle = (r: FrequenciesResult, lang: Lang): string => {
  const text = label(r.variable.label, lang)
  return text === r.variable.name ? text : `${text} (${r.variable.name})`
}

const rowLabel = (
  row: FrequencyRow,
  lang: Lang
): string => (row.code === "system" ? t("system", lang) : label(row.label, lang))

/** SPSS's "Statistics" table: N valid and missing for every variable. */
const statisticsTable = (results: ReadonlyArray<FrequenciesResult>, lang: Lang): TextTable => ({
  title: t("statistics", lang),
  align: ["left", "left", ...results.map(() => "right" as const)],
  header: [["", "", ...results.map((r) => label(r.variable.label, lang))]],
  body: [
    [t("n", lang), t("valid", lang), ...results.map((r) => formatCount(r.n.valid))],
    ["", t("missing", lang), ...results.map((r) => formatCount(r.n.missing))]
  ]
})

const frequencyTable = (r: FrequenciesResult, lang: Lang): TextTable => {
  const valid = r.rows.filter((x) => !x.missing)
  const missing = r.rows.filter((x) => x.missing)
  const body: Array<Row | "rule"> = []
  valid.forEach((x, i) =>
    body.push([
      i === 0 ? t("valid", lang) : "",
      rowLabel(x, lang),
      formatCount(x.count),
      fixed(x.percent, 1),
      fixed(x.validPercent, 1),
      fixed(x.cumulativePercent, 1)
    ])
  )
  if (valid.length === 0) body.push([t("valid", lang), "", "", "", "", ""])
  body.push([
    "",
    t("total", lang),
    formatCount(r.n.valid),
    fixed(pct(r.n.valid, r.n.total), 1),
    r.n.valid > 0 ? fixed(100, 1) : "",
    ""
  ])
  if (missing.length > 0) {
    body.push("rule")
    missing.forEach((x, i) =>
      body.push([
        i === 0 ? t("missing", lang) : "",
        rowLabel(x, lang),
        formatCount(x.count),
        fixed(x.percent, 1),
        "",
        ""
      ])
    )
    body.push(["", t("total", lang), formatCount(r.n.missing), fixed(pct(r.n.missing, r.n.total), 1), "", ""])
  }
  body.push("rule")
  body.push([t("total", lang), "", formatCount(r.n.total), fixed(pct(r.n.total, r.n.total), 1), "", ""])
  const footnotes = [
    ...(r.weighted ? [weightOrDesignText(r, lang)!] : []),
    ...r.warnings.map((w) => warningText(w, lang))
  ]
  return {
    title: variableTitle(r, lang),
    align: ["left", "left", "right", "right", "right", "right"],
    header: [["", "", t("frequency", lang), t("percent", lang), t("validPercent", lang), t("cumulativePercent", lang)]],
    body,
    footnotes
  }
}

/**
 * SPSS FREQUENCIES as plain text: the Statistics table, then one frequency table per variable.
 *
 * @example
 * renderFrequenciesText([result], { lang: "vi" })
 */
export const renderFrequenciesText = (results: ReadonlyArray<FrequenciesResult>, options: RenderOptions): string => {
  const style = { color: options.color === true }
  const tables = [
    statisticsTable(results, options.lang),
    ...results.flatMap((r) => {
      const design = designPercentsTable(r, options.lang)
      return [frequencyTable(r, options.lang), ...(design !== undefined ? [design] : [])]
    })
  ]
  return tables.map((tb) => renderTable(tb, style)).join("\n\n") + "\n"
}

/**
 * One GitHub table per variable.
 *
 * @example
 * renderFrequenciesMarkdown([result], { lang: "en" })
 */
export const renderFrequenciesMarkdown = (
  results: ReadonlyArray<FrequenciesResult>,
  options: RenderOptions
): string => {
  const { lang } = options
  const blocks = results.map((r) => {
    const rows: Array<Array<string>> = r.rows.map((x) => [
      x.missing ? t("missing", lang) : t("valid", lang),
      mdEscape(rowLabel(x, lang)),
      formatCount(x.count),
      fixed(x.percent, 1),
      x.missing ? "" : fixed(x.validPercent, 1),
      x.missing ? "" : fixed(x.cumulativePercent, 1)
    ])
    rows.push([`**${t("total", lang)}**`, "", formatCount(r.n.total), fixed(pct(r.n.total, r.n.total), 1), "", ""])
    const notes = [
      ...(r.weighted ? [weightOrDesignText(r, lang)!] : []),
      ...r.warnings.map((w) => warningText(w, lang))
    ]
    return [
      `### ${mdEscape(variableTitle(r, lang))}`,
      "",
      mdTable(
        ["", "", t("frequency", lang), t("percent", lang), t("validPercent", lang), t("cumulativePercent", lang)],
        ["left", "left", "right", "right", "right", "right"],
        rows
      ),
      ...(notes.length > 0 ? ["", ...notes.map((n) => `- ${mdEscape(n)}`)] : [])
    ].join("\n")
  })
  return blocks.join("\n\n") + "\n"
}

/**
 * CSV: per variable, a line naming it, a header, one row per category (valid then missing, with its code and
 * status), a total row; variables separated by a blank line. Full-precision numbers, UTF-8 BOM, CRLF.
 *
 * @example
 * renderFrequenciesCsv([result], { lang: "en" })
 */
export const renderFrequenciesCsv = (results: ReadonlyArray<FrequenciesResult>, options: RenderOptions): string => {
  const { lang } = options
  const rows: Array<CsvRow> = []
  results.forEach((r, i) => {
    if (i > 0) rows.push([])
    rows.push([r.variable.name, label(r.variable.label, lang)])
    rows.push([
      t("code", lang),
      t("label", lang),
      t("status", lang),
      t("frequency", lang),
      t("percent", lang),
      t("validPercent", lang),
      t("cumulativePercent", lang)
    ])
    for (const x of r.rows) {
      rows.push([
        x.code === "system" ? "" : String(x.code),
        rowLabel(x, lang),
        x.missing ? t("missing", lang) : t("valid", lang),
        rawNumber(x.count),
        rawNumber(x.percent),
        x.validPercent === null ? "" : rawNumber(x.validPercent),
        x.cumulativePercent === null ? "" : rawNumber(x.cumulativePercent)
      ])
    }
    rows.push(["", t("total", lang), "", rawNumber(r.n.total), rawNumber(pct(r.n.total, r.n.total)), "", ""])
    const notes = [
      ...(r.weighted ? [weightOrDesignText(r, lang)!] : []),
      ...r.warnings.map((w) => warningText(w, lang))
    ]
    for (const note of notes) rows.push([note])
  })
  return csvDocument(rows)
}

/**
 * JSON: always an array of FrequenciesResult objects, one per variable, in the order asked.
 *
 * @example
 * JSON.parse(renderFrequenciesJson([result]))[0].rows
 */
export const renderFrequenciesJson = (results: ReadonlyArray<FrequenciesResult>): string => toJson(results)
