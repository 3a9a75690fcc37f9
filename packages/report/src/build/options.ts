import { coefficient, type Decimal, defaultDecimal, formatP } from "../format.js"
import { type Lang, t } from "../i18n.js"
import type { BuildContext } from "./common.js"

/** How a report is built: language, decimal separator, disclosure control. */
export interface ReportOptions {
  readonly lang: Lang
  /** Default: comma for Vietnamese, point for English. */
  readonly decimal?: Decimal
  /** Hide counts below K (K >= 1) with secondary suppression; the notes state the rule. */
  readonly suppressBelow?: number
  /** The data file's name, for the report's subtitle. */
  readonly dataFile?: string
  /** "apa": tables, APA sentences and charts only; "full" (default): also the tables marked `detail: "full"`. */
  readonly detail?: "apa" | "full"
  /** Interview excerpts by section id (already selected, e.g. with `selectExcerpts`), printed after its table. */
  readonly excerpts?: Readonly<Record<string, ReadonlyArray<import("@danvan/domain").Excerpt>>>
  /** The data-preparation recipe applied before the analyses: its file and one line per step (method notes). */
  readonly recipe?: { readonly file: string; readonly steps: ReadonlyArray<string> }
}

/**
 * The method note of a recipe: its file, then its steps in order.
 *
 * @example
 * recipeNotes({ lang: "en", recipe: { file: "clean.json", steps: ["filter: age >= 18"] } })
 * // ["Data prepared by the recipe clean.json before the analyses: 1. filter: age >= 18"]
 */
export const recipeNotes = (o: ReportOptions): Array<string> =>
  o.recipe === undefined
    ? []
    : [
      `${
        o.lang === "vi"
          ? `Dữ liệu được chuẩn bị theo công thức ${o.recipe.file} trước khi phân tích`
          : `Data prepared by the recipe ${o.recipe.file} before the analyses`
      }: ${o.recipe.steps.map((s, k) => `${k + 1}. ${s}`).join("; ")}`
    ]

/**
 * The build context of report options: the decimal separator defaults to the language's, no cell hidden yet.
 *
 * @example
 * contextOf({ lang: "vi" }).decimal // "comma"
 */
export const contextOf = (o: ReportOptions): BuildContext => ({
  lang: o.lang,
  decimal: o.decimal ?? defaultDecimal(o.lang),
  ...(o.suppressBelow !== undefined ? { suppressBelow: o.suppressBelow } : {}),
  hiddenCells: 0
})

/**
 * The notes every report ends with: p-value style, decimal separator, and the disclosure rule when applied.
 *
 * @example
 * closingNotes(ctx) // ["p-values in APA style: …", "Decimal separator: point."]
 */
export const closingNotes = (ctx: BuildContext): Array<string> => [
  t("pFormat", ctx.lang, {
    lt: formatP(0, ctx.decimal),
    min: coefficient(0.001, 3, ctx.decimal),
    zero: coefficient(0, 3, ctx.decimal)
  }),
  t(ctx.decimal === "comma" ? "decimalComma" : "decimalPoint", ctx.lang),
  ...(ctx.suppressBelow !== undefined
    ? [t("suppressionRule", ctx.lang, { k: ctx.suppressBelow, cells: ctx.hiddenCells }), t("suppressedMark", ctx.lang)]
    : [])
]
