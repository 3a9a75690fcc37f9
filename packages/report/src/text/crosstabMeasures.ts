import type { CrosstabResult, DirectionalMeasure, MeasureWithTest } from "@danvan/analysis"
import { names, withinName, withMark } from "./crosstab.js"
import { formatCount, formatP, formatStat } from "./format.js"
import { type Lang, t } from "./i18n.js"
import type { Row, TextTable } from "./table.js"

/*
 * The measures of association of SPSS CROSSTABS as text tables: Symmetric Measures (phi, Cramér's V, contingency
 * coefficient, tau-b, tau-c, gamma) and Directional Measures (lambda, Goodman and Kruskal tau, uncertainty
 * coefficient, Somers' d), each with its ASE, approximate T and Sig.
 */

const measureCells = (
  m: MeasureWithTest
): Array<string> => [formatStat(m.value), formatStat(m.ase), formatStat(m.t), formatP(m.p)]

const measureFootnotes = (lang: Lang): Array<string> =>
  lang === "vi"
    ? ["a. Không giả định giả thuyết không.", "b. Dùng sai số chuẩn tiệm cận với giả định giả thuyết không."]
    : ["a. Not assuming the null hypothesis.", "b. Using the asymptotic standard error assuming the null hypothesis."]

export const symmetricTable = (r: CrosstabResult, lang: Lang): TextTable => {
  const m = r.measures
  const p = r.tests.pearson.p
  return {
    title: t("symmetricMeasures", lang),
    align: ["left", "left", "right", "right", "right", "right"],
    header: [[
      "",
      "",
      t("value", lang),
      withMark(t("asympStdError", lang), "a"),
      withMark(t("approxT", lang), "b"),
      t("approxSig", lang)
    ]],
    body: [
      [t("nominalByNominal", lang), t("phi", lang), formatStat(m.phi), "", "", formatP(p)],
      ["", t("cramersV", lang), formatStat(m.cramersV), "", "", formatP(p)],
      ["", t("contingencyCoefficient", lang), formatStat(m.contingencyCoefficient), "", "", formatP(p)],
      "rule",
      [t("ordinalByOrdinal", lang), t("kendallTauB", lang), ...measureCells(m.kendallTauB)],
      ["", t("kendallTauC", lang), ...measureCells(m.kendallTauC)],
      ["", t("gamma", lang), ...measureCells(m.gamma)],
      "rule",
      [t("nOfValidCases", lang), "", formatCount(r.n.valid), "", "", ""]
    ],
    footnotes: measureFootnotes(lang)
  }
}

export const directionalTable = (r: CrosstabResult, lang: Lang): TextTable => {
  const { row, col } = names(r, lang)
  const m = r.measures
  const three = (group: string, name: string, d: DirectionalMeasure): Array<Row> => [
    [group, name, t("symmetric", lang), ...measureCells(d)],
    ["", "", t("dependent", lang, { var: withinName(row, r.row.name) }), ...measureCells(d.rowDependent)],
    ["", "", t("dependent", lang, { var: withinName(col, r.col.name) }), ...measureCells(d.colDependent)]
  ]
  // SPSS prints tau with its ASE and a chi-square-based Sig. (footnote c), without an approximate T
  const tauRows = (tau: CrosstabResult["measures"]["goodmanKruskalTau"]): Array<Row> => [
    [
      "",
      t("goodmanKruskalTau", lang),
      t("dependent", lang, { var: withinName(row, r.row.name) }),
      formatStat(tau.rowDependent.value),
      formatStat(tau.rowDependent.ase),
      "",
      withMark(formatP(tau.rowDependent.p), "c")
    ],
    [
      "",
      "",
      t("dependent", lang, { var: withinName(col, r.col.name) }),
      formatStat(tau.colDependent.value),
      formatStat(tau.colDependent.ase),
      "",
      withMark(formatP(tau.colDependent.p), "c")
    ]
  ]
  return {
    title: t("directionalMeasures", lang),
    align: ["left", "left", "left", "right", "right", "right", "right"],
    header: [[
      "",
      "",
      "",
      t("value", lang),
      withMark(t("asympStdError", lang), "a"),
      withMark(t("approxT", lang), "b"),
      t("approxSig", lang)
    ]],
    body: [
      ...three(t("nominalByNominal", lang), t("lambda", lang), m.lambda),
      ...tauRows(m.goodmanKruskalTau),
      ...three("", t("uncertaintyCoefficient", lang), m.uncertaintyCoefficient),
      "rule",
      ...three(t("ordinalByOrdinal", lang), t("somersD", lang), m.somersD)
    ],
    footnotes: [...measureFootnotes(lang), t("chiSquareApproximation", lang)]
  }
}
