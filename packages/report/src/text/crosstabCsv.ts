import type { CrosstabResult } from "@danvan/analysis"
import {
  fisherNotComputed,
  fisherText,
  lowExpected,
  lowExpectedText,
  names,
  otherWarnings,
  type RenderOptions,
  warningText
} from "./crosstab.js"
import { csvDocument, type CsvRow } from "./csv.js"
import { percentOf as pct, rawNumber } from "./format.js"
import { type Lang, t } from "./i18n.js"
import { weightText } from "./notes.js"

/* SPSS CROSSTABS as CSV: the counts, the row, column and total percents (full precision), then the tests. */

/** The row, column and total percentages (0..100, full precision), one block each, for the CSV. */
const percentBlocks = (r: CrosstabResult, lang: Lang): Array<CsvRow> => {
  const { row, col, rowCats, colCats } = names(r, lang)
  const N = r.n.valid
  const blocks: Array<
    [string, ReadonlyArray<ReadonlyArray<number>>, (i: number) => number, (j: number) => number, number]
  > = [
    [t("within", lang, { var: row }), r.percents.row, () => 100, (j) => pct(r.colTotals[j], N), 100],
    [t("within", lang, { var: col }), r.percents.col, (i) => pct(r.rowTotals[i], N), () => 100, 100],
    [t("ofTotal", lang), r.percents.total, (i) => pct(r.rowTotals[i], N), (j) => pct(r.colTotals[j], N), 100]
  ]
  return blocks.flatMap(([title, m, rowTotal, colTotal, all]): Array<CsvRow> => [
    [`${title}: ${row} \\ ${col}`, ...colCats, t("total", lang)],
    ...rowCats.map((cat, i): CsvRow => [cat, ...m[i].map(rawNumber), rawNumber(rowTotal(i))]),
    [t("total", lang), ...colCats.map((_, j) => rawNumber(colTotal(j))), rawNumber(all)],
    []
  ])
}

/**
 * CSV for spreadsheets: the counts with labels (one row per row category, then Total), a blank line, the tests
 * (full-precision numbers, p as a number) and, after another blank line, the notes. UTF-8 with BOM, CRLF.
 *
 * @example
 * renderCrosstabCsv(result, { lang: "en" })
 */
export const renderCrosstabCsv = (r: CrosstabResult, options: RenderOptions): string => {
  const { lang } = options
  const { row, col, rowCats, colCats } = names(r, lang)
  const rows: Array<CsvRow> = []
  rows.push([`${row} \\ ${col}`, ...colCats, t("total", lang)])
  rowCats.forEach((cat, i) => rows.push([cat, ...r.counts[i].map(rawNumber), rawNumber(r.rowTotals[i])]))
  rows.push([t("total", lang), ...r.colTotals.map(rawNumber), rawNumber(r.n.valid)])
  rows.push([])
  rows.push(...percentBlocks(r, lang))
  rows.push([t("chiSquareTests", lang), t("value", lang), t("df", lang), t("asympSig2", lang), t("exactSig2", lang)])
  const tests = r.tests
  rows.push([
    t("pearsonChiSquare", lang),
    rawNumber(tests.pearson.statistic),
    rawNumber(tests.pearson.df),
    rawNumber(tests.pearson.p),
    ""
  ])
  if (tests.yates !== undefined) {
    rows.push([
      t("continuityCorrection", lang),
      rawNumber(tests.yates.statistic),
      rawNumber(tests.yates.df),
      rawNumber(tests.yates.p),
      ""
    ])
  }
  rows.push([
    t("likelihoodRatio", lang),
    rawNumber(tests.likelihoodRatio.statistic),
    rawNumber(tests.likelihoodRatio.df),
    rawNumber(tests.likelihoodRatio.p),
    ""
  ])
  if (tests.fisherExact !== undefined) {
    rows.push([t("fisherExactTest", lang), "", "", "", rawNumber(tests.fisherExact.p)])
  } else if (fisherNotComputed(r) !== undefined) {
    rows.push([t("fisherExactTest", lang), "", "", "", t("notComputed", lang)])
  }
  rows.push([
    t("linearByLinear", lang),
    rawNumber(tests.linearByLinear.statistic),
    rawNumber(tests.linearByLinear.df),
    rawNumber(tests.linearByLinear.p),
    ""
  ])
  rows.push([t("nOfValidCases", lang), rawNumber(r.n.valid), "", "", ""])
  const notes = [
    ...(lowExpected(r) !== undefined ? [lowExpectedText(lowExpected(r)!, lang)] : []),
    ...(fisherText(r, lang) !== undefined ? [fisherText(r, lang)!] : []),
    ...r.warnings.filter((w) => w.code === "TEST_NOT_COMPUTED" && w.test === "fisherExact").map((w) =>
      warningText(w, lang, r.n.valid)
    ),
    ...(r.weighted ? [weightText(r.weight, r.weighted, lang)!] : []),
    ...otherWarnings(r, lang)
  ]
  if (notes.length > 0) {
    rows.push([])
    rows.push([t("notes", lang)])
    for (const n of notes) rows.push([n])
  }
  return csvDocument(rows)
}

// ---------------------------------------------------------------------------------------------------------
// JSON
