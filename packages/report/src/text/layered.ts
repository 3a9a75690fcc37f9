import type { LayeredCrosstabResult } from "@danvan/analysis"
import { cmhSentences } from "../apa.js"
import { renderCrosstabMarkdown, renderCrosstabText, toJson } from "./crosstab.js"
import { renderCrosstabCsv } from "./crosstabCsv.js"
import { BOM, csvDocument, csvField, type CsvRow } from "./csv.js"
import { fixed, formatDf, formatP, formatStat, NOT_AVAILABLE, rawNumber } from "./format.js"
import { label, type Lang } from "./i18n.js"
import { mdEscape } from "./markdown.js"
import { renderTable, type TextTable } from "./table.js"
import { textTablesMarkdown } from "./tablesMarkdown.js"

export interface LayeredRenderOptions {
  readonly lang: Lang
  readonly color?: boolean
}

const S = {
  en: {
    layer: (v: string, c: string) => `${v} = ${c}`,
    total: (v: string) => `All categories of ${v} (layer missing: excluded)`,
    noTable: (reason: string) => `No table: ${reason}`,
    conditional: "Tests of Conditional Independence",
    homogeneity: "Tests of Homogeneity of the Odds Ratio",
    chiSquared: "Chi-Squared",
    df: "df",
    sig: "Asymp. Sig. (2-sided)",
    cmh: "Cochran-Mantel-Haenszel",
    cmhCorrected: "Cochran-Mantel-Haenszel (continuity corrected)",
    cochran: "Cochran's",
    mantel: "Mantel-Haenszel (continuity corrected)",
    orSig: "Asymp. Sig. (2-sided)",
    breslow: "Breslow-Day",
    tarone: "Tarone's",
    orTitle: "Mantel-Haenszel Common Odds Ratio Estimate",
    estimate: "Estimate",
    lnEstimate: "ln(Estimate)",
    seLn: "Std. Error of ln(Estimate)",
    ci: "95% CI (Robins-Breslow-Greenland)",
    note:
      "Under the conditional independence assumption, the CMH statistic is asymptotically chi-square distributed (generalized CMH, general association)."
  },
  vi: {
    layer: (v: string, c: string) => `${v} = ${c}`,
    total: (v: string) => `Mọi nhóm của ${v} (bỏ các trường hợp thiếu ${v})`,
    noTable: (reason: string) => `Không lập được bảng: ${reason}`,
    conditional: "Kiểm định độc lập có điều kiện",
    homogeneity: "Kiểm định tính đồng nhất của tỷ số chênh",
    chiSquared: "Khi bình phương",
    df: "df",
    sig: "Mức ý nghĩa tiệm cận (2 phía)",
    cmh: "Cochran-Mantel-Haenszel",
    cmhCorrected: "Cochran-Mantel-Haenszel (hiệu chỉnh liên tục)",
    cochran: "Cochran",
    mantel: "Mantel-Haenszel (hiệu chỉnh liên tục)",
    orSig: "Mức ý nghĩa tiệm cận (2 phía)",
    breslow: "Breslow-Day",
    tarone: "Tarone",
    orTitle: "Ước lượng tỷ số chênh chung Mantel-Haenszel",
    estimate: "Ước lượng",
    lnEstimate: "ln(Ước lượng)",
    seLn: "Sai số chuẩn của ln(Ước lượng)",
    ci: "KTC 95% (Robins-Breslow-Greenland)",
    note: "Khi độc lập có điều kiện, thống kê CMH tiệm cận phân phối khi bình phương (CMH tổng quát, liên hệ chung)."
  }
} as const

const named = (l: { vi: string; en: string }, name: string, lang: Lang) => {
  const text = label(l, lang)
  return text === "" ? name : text
}

/** The tables across layers: conditional independence, homogeneity, common odds ratio. */
const acrossTables = (r: LayeredCrosstabResult, lang: Lang): Array<TextTable> => {
  const s = S[lang]
  const out: Array<TextTable> = []
  const cmh = r.cochranMantelHaenszel
  if (cmh !== undefined) {
    out.push({
      title: s.conditional,
      align: ["left", "right", "right", "right"],
      header: [["", s.chiSquared, s.df, s.sig]],
      body: cmh.uncorrected !== undefined && cmh.continuityCorrected !== undefined
        ? [
          [s.cochran, formatStat(cmh.uncorrected.statistic), formatDf(cmh.df), formatP(cmh.uncorrected.p)],
          [
            s.mantel,
            formatStat(cmh.continuityCorrected.statistic),
            formatDf(cmh.df),
            formatP(cmh.continuityCorrected.p)
          ]
        ]
        : [[cmh.corrected ? s.cmhCorrected : s.cmh, formatStat(cmh.statistic), formatDf(cmh.df), formatP(cmh.p)]],
      footnotes: [s.note]
    })
  }
  const bd = r.breslowDay
  if (bd !== undefined) {
    out.push({
      title: s.homogeneity,
      align: ["left", "right", "right", "right"],
      header: [["", s.chiSquared, s.df, s.sig]],
      body: [[s.breslow, formatStat(bd.uncorrected.statistic), formatDf(bd.df), formatP(bd.uncorrected.p)], [
        s.tarone,
        formatStat(bd.statistic),
        formatDf(bd.df),
        formatP(bd.p)
      ]]
    })
  }
  const or = r.mantelHaenszelOddsRatio
  if (or !== undefined) {
    out.push({
      title: s.orTitle,
      align: ["left", "right"],
      header: [["", s.estimate]],
      body: [
        [s.estimate, fixed(or.estimate, 3)],
        [s.lnEstimate, fixed(Math.log(or.estimate), 3)],
        [s.seLn, fixed(or.seLog, 3)],
        [s.orSig, formatP(or.p)],
        [s.ci, Number.isFinite(or.ci95[0]) ? `[${fixed(or.ci95[0], 3)}, ${fixed(or.ci95[1], 3)}]` : NOT_AVAILABLE]
      ]
    })
  }
  return out
}

/**
 * Plain text of a layered crosstab: each layer's crosstab as SPSS prints it (under a heading naming the layer),
 * the table over all layers, then the tests of conditional independence (CMH), of homogeneity of the odds ratio
 * (Breslow-Day, Tarone) and the Mantel-Haenszel common odds ratio.
 *
 * @example
 * renderLayeredCrosstabText(result, { lang: "en" })
 */
export const renderLayeredCrosstabText = (r: LayeredCrosstabResult, options: LayeredRenderOptions): string => {
  const { lang } = options
  const s = S[lang]
  const color = options.color === true
  const layerName = named(r.layer.label, r.layer.name, lang)
  const parts = r.layers.map((l) => {
    const head = `### ${s.layer(layerName, named(l.label, String(l.code), lang))}`
    return "reason" in l ? `${head}\n${s.noTable(l.reason)}\n` : `${head}\n\n${renderCrosstabText(l, { lang, color })}`
  })
  parts.push(`### ${s.total(layerName)}\n\n${renderCrosstabText(r, { lang, color })}`)
  return parts.join("\n") + "\n" + acrossTables(r, lang).map((t) => renderTable(t, { color })).join("\n\n") + "\n" +
    apaLines(r, layerName, lang).map((l) => `${l}\n`).join("")
}

/** "APA:" and the sentences of the tests across layers (point decimals, as the text tables print numbers). */
const apaLines = (r: LayeredCrosstabResult, layerName: string, lang: Lang): Array<string> => {
  const sentences = cmhSentences(r, layerName, { lang, decimal: "point" })
  return sentences.length === 0 ? [] : ["", "APA:", ...sentences.map((x) => `  ${x}.`)]
}

/**
 * GitHub Markdown of a layered crosstab: each layer's crosstab (as `danvan crosstab --format md`) under a heading
 * naming the layer, the table over all layers, then the tests across layers.
 *
 * @example
 * renderLayeredCrosstabMarkdown(result, { lang: "vi" })
 */
export const renderLayeredCrosstabMarkdown = (r: LayeredCrosstabResult, options: LayeredRenderOptions): string => {
  const { lang } = options
  const s = S[lang]
  const layerName = named(r.layer.label, r.layer.name, lang)
  const parts = r.layers.map((l) => {
    const head = `## ${mdEscape(s.layer(layerName, named(l.label, String(l.code), lang)))}`
    return "reason" in l
      ? `${head}\n\n${mdEscape(s.noTable(l.reason))}\n`
      : `${head}\n\n${renderCrosstabMarkdown(l, { lang })}`
  })
  parts.push(`## ${mdEscape(s.total(layerName))}\n\n${renderCrosstabMarkdown(r, { lang })}`)
  const apa = cmhSentences(r, layerName, { lang, decimal: "point" })
  return parts.join("\n") + "\n" + textTablesMarkdown(acrossTables(r, lang)) +
    (apa.length === 0 ? "" : `\nAPA:\n\n${apa.map((x) => `- ${mdEscape(x)}.`).join("\n")}\n`)
}

/**
 * CSV of a layered crosstab: per layer a heading row ("sex = Nam") and that layer's crosstab CSV (as
 * `danvan crosstab --format csv`), the same for all layers, then the tests across layers with full-precision
 * numbers. One UTF-8 BOM at the start, CRLF.
 *
 * @example
 * renderLayeredCrosstabCsv(result, { lang: "en" })
 */
export const renderLayeredCrosstabCsv = (r: LayeredCrosstabResult, options: LayeredRenderOptions): string => {
  const { lang } = options
  const s = S[lang]
  const layerName = named(r.layer.label, r.layer.name, lang)
  const body = (x: string) => x.replace(/^\uFEFF/, "")
  const parts = r.layers.map((l) => {
    const head = csvField(s.layer(layerName, named(l.label, String(l.code), lang)))
    return "reason" in l
      ? `${head}\r\n${csvField(s.noTable(l.reason))}\r\n`
      : `${head}\r\n${body(renderCrosstabCsv(l, { lang }))}`
  })
  parts.push(`${csvField(s.total(layerName))}\r\n${body(renderCrosstabCsv(r, { lang }))}`)
  const tests: Array<CsvRow> = [["test", "statistic", "df", "p", "estimate", "ciLower", "ciUpper"]]
  const cmh = r.cochranMantelHaenszel
  if (cmh !== undefined) {
    if (cmh.uncorrected !== undefined && cmh.continuityCorrected !== undefined) {
      tests.push([s.cochran, rawNumber(cmh.uncorrected.statistic), rawNumber(cmh.df), rawNumber(cmh.uncorrected.p)])
      tests.push([
        s.mantel,
        rawNumber(cmh.continuityCorrected.statistic),
        rawNumber(cmh.df),
        rawNumber(cmh.continuityCorrected.p)
      ])
    } else {tests.push([
        cmh.corrected ? s.cmhCorrected : s.cmh,
        rawNumber(cmh.statistic),
        rawNumber(cmh.df),
        rawNumber(cmh.p)
      ])}
  }
  const bd = r.breslowDay
  if (bd !== undefined) {
    tests.push([s.breslow, rawNumber(bd.uncorrected.statistic), rawNumber(bd.df), rawNumber(bd.uncorrected.p)])
    tests.push([s.tarone, rawNumber(bd.statistic), rawNumber(bd.df), rawNumber(bd.p)])
  }
  const or = r.mantelHaenszelOddsRatio
  if (or !== undefined) {
    tests.push([
      s.orTitle,
      "",
      "",
      rawNumber(or.p),
      rawNumber(or.estimate),
      rawNumber(or.ci95[0]),
      rawNumber(or.ci95[1])
    ])
  }
  return BOM + parts.join("\r\n") + "\r\n" + body(csvDocument(tests))
}

/**
 * The layered result as JSON; NaN becomes null.
 *
 * @example
 * JSON.parse(renderLayeredCrosstabJson(result)).cochranMantelHaenszel.p
 */
export const renderLayeredCrosstabJson = (r: LayeredCrosstabResult): string => toJson(r)
