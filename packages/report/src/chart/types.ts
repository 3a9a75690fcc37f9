/** A label in both report languages. */
export interface BilingualLabel {
  readonly vi: string
  readonly en: string
}

/** How a chart is rendered: the language of every label, the decimal mark, and the total SVG width. */
export interface ChartOptions {
  /** Language of titles, axis titles, legend and tooltips. */
  lang: "vi" | "en"
  /** Vietnamese number formatting: `12,5` instead of `12.5` in axis ticks and tooltips. Default `false`. */
  decimalComma?: boolean
  /** Total width of the SVG in pixels (the plot area shrinks to fit labels). Default 640. */
  width?: number
}

/** Clustered bars: % of cases by group for a multiple-response set. */
export interface GroupedBarChartData {
  title: BilingualLabel
  /** The groups (e.g. cadre levels), in legend order. */
  groups: ReadonlyArray<BilingualLabel>
  /** One row of bars per item; `percents` has one value in 0-100 per group, in `groups` order. */
  items: ReadonlyArray<{ label: BilingualLabel; percents: ReadonlyArray<number> }>
}

/** Diverging stacked bars for Likert items: negative categories left of zero, neutral centred on zero. */
export interface DivergingBarChartData {
  title: BilingualLabel
  /** Response categories in scale order (all negatives, at most one neutral, then all positives). */
  categories: ReadonlyArray<{ label: BilingualLabel; side: "negative" | "neutral" | "positive" }>
  /** One bar per item; `percents` has one value in 0-100 per category, in `categories` order. */
  rows: ReadonlyArray<{ label: BilingualLabel; percents: ReadonlyArray<number> }>
}

/** A histogram of one numeric variable: bars over [from, to) with their (weighted) counts. */
export interface HistogramChartData {
  title: BilingualLabel
  /** The variable's label, under the horizontal axis. */
  variable: BilingualLabel
  bins: ReadonlyArray<{ from: number; to: number; count: number }>
}
