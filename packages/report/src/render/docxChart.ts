import type { ReportChart, ReportDocument } from "../document.js"
import { label, t } from "../i18n.js"

type Charts = typeof import("docx/charts")

/** Chart size in pixels (96 per inch): 6.3 inches wide, the text width of A4 portrait with 2.5 cm margins. */
const WIDTH_PX = 605
const ROW_PX = 34

/** A chart's title in the document's language. */
export const chartTitle = (chart: ReportChart, lang: ReportDocument["lang"]): string => label(chart.data.title, lang)

/**
 * What a screen reader says for a chart: its kind and every value, so that nothing is only in the picture.
 *
 * @example
 * chartDescription(chart, doc) // "Horizontal bar chart, % of cases by group. Item A: City 80.0, District 64.6, …"
 */
export const chartDescription = (chart: ReportChart, doc: ReportDocument): string => {
  const lang = doc.lang
  const mark = doc.decimal === "comma" ? "," : "."
  const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—").replace(".", mark)
  const values = (labels: ReadonlyArray<Parameters<typeof label>[0]>, percents: ReadonlyArray<number>) =>
    labels.map((l, k) => `${label(l, lang)} ${pct(percents[k])}%`).join(", ")
  if (chart.type === "grouped-bar") {
    const d = chart.data
    const rows = d.items.map((i) => `${label(i.label, lang)}: ${values(d.groups, i.percents)}`)
    const kind = lang === "vi" ? "Biểu đồ thanh ngang" : "Horizontal bar chart"
    return [`${kind}, ${label(d.title, lang)}.`, ...rows].join(" ").normalize("NFC")
  }
  if (chart.type === "histogram") {
    const d = chart.data
    const num = (x: number) => String(Math.round(x * 10) / 10).replace(".", mark)
    const bins = d.bins.map((b) => `[${num(b.from)}; ${num(b.to)}): ${num(b.count)}`).join(", ")
    const kind = lang === "vi" ? "Biểu đồ tần số (histogram)" : "Histogram"
    return `${kind}, ${label(d.title, lang)}. ${label(d.variable, lang)}: ${bins}`.normalize("NFC")
  }
  const d = chart.data
  const rows = d.rows.map((r) => `${label(r.label, lang)}: ${values(d.categories.map((c) => c.label), r.percents)}`)
  const kind = lang === "vi" ? "Biểu đồ thanh xếp chồng 100%" : "100% stacked bar chart"
  return [`${kind}, ${label(d.title, lang)}.`, ...rows].join(" ").normalize("NFC")
}

/** Negative answers in warm colours, a neutral grey, positive ones in blues: the palette of the HTML's Likert chart. */
const NEGATIVE = ["D6604D", "F4A582", "FDDBC7"]
const POSITIVE = ["92C5DE", "4393C3", "2166AC"]
const sideColour = (side: "negative" | "neutral" | "positive", k: number): string =>
  side === "neutral" ? "BDBDBD" : side === "negative" ? NEGATIVE[k % 3] : POSITIVE[k % 3]
const GROUP_COLOURS = ["1F4E79", "5B9BD5", "A5A5A5", "ED7D31", "70AD47", "FFC000"]

/**
 * A report chart as a native, editable Word chart (DrawingML chart part with its embedded workbook, written by
 * `docx/charts`): % of cases by group as clustered horizontal bars, a Likert set's answers as 100% stacked
 * horizontal bars (Word has no diverging bars; the negative answers come first, so they sit on the left). Items
 * read top to bottom in the table's order. The alt text lists every value.
 *
 * @example
 * new Paragraph({ children: [docxChart(charts, chart, doc)] })
 */
export const docxChart = (charts: Charts, chart: ReportChart, doc: ReportDocument) => {
  const lang = doc.lang
  const font = { name: "Times New Roman" }
  const title = chartTitle(chart, lang)
  const altText = { name: title, title, description: chartDescription(chart, doc) }
  const common = {
    legend: { position: "bottom" as const },
    font,
    altText,
    categoryAxis: { reverseOrder: true, font: { size: 9 } },
    chartArea: { border: "none" as const }
  }
  if (chart.type === "grouped-bar") {
    const d = chart.data
    return new charts.ChartRun({
      type: "bar",
      ...common,
      transformation: {
        width: WIDTH_PX,
        height: Math.min(860, 90 + ROW_PX * d.items.length * Math.max(1, d.groups.length / 2))
      },
      categories: d.items.map((i) => label(i.label, lang)),
      series: d.groups.map((g, j) => ({
        name: label(g, lang),
        values: d.items.map((i) => round1(i.percents[j])),
        color: GROUP_COLOURS[j % GROUP_COLOURS.length]
      })),
      valueAxis: { title: t("pctCases", lang), minimum: 0, maximum: 100, numberFormat: "0", crossesAt: "maximum" },
      gapWidth: 60
    })
  }
  if (chart.type === "histogram") return histogramRun(charts, chart.data, doc, altText, font)
  const d = chart.data
  let neg = 0
  let pos = 0
  return new charts.ChartRun({
    type: "bar",
    ...common,
    stacking: "percent",
    transformation: { width: WIDTH_PX, height: Math.min(860, 110 + ROW_PX * d.rows.length) },
    categories: d.rows.map((r) => label(r.label, lang)),
    series: d.categories.map((c, k) => ({
      name: label(c.label, lang),
      values: d.rows.map((r) => round1(r.percents[k])),
      color: sideColour(c.side, c.side === "negative" ? neg++ : c.side === "positive" ? pos++ : 0)
    })),
    valueAxis: { numberFormat: "0%", crossesAt: "maximum" },
    dataLabels: { value: true, numberFormat: "0", font: { size: 8 } },
    gapWidth: 50,
    overlap: 100
  })
}

/** A histogram as a clustered column chart with no gaps: one column per bin, labelled by its bounds. */
const histogramRun = (
  charts: Charts,
  d: Extract<ReportChart, { type: "histogram" }>["data"],
  doc: ReportDocument,
  altText: { name: string; title: string; description: string },
  font: { name: string }
) => {
  const mark = doc.decimal === "comma" ? "," : "."
  const num = (x: number) => String(Math.round(x * 100) / 100).replace(".", mark)
  return new charts.ChartRun({
    type: "column",
    font,
    altText,
    chartArea: { border: "none" as const },
    transformation: { width: WIDTH_PX, height: 300 },
    categories: d.bins.map((b) => `${num(b.from)}–${num(b.to)}`),
    series: [{
      name: doc.lang === "vi" ? "Số người trả lời" : "Respondents",
      values: d.bins.map((b) => round1(b.count)),
      color: GROUP_COLOURS[0]
    }],
    categoryAxis: { title: label(d.variable, doc.lang), font: { size: 9 } },
    valueAxis: { numberFormat: "0" },
    gapWidth: 0
  })
}

const round1 = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null)
