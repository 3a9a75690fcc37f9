import type { Cell, HeaderCell } from "../document.js"
import type { Decimal } from "../format.js"
import type { Lang } from "../i18n.js"

/** What every table builder needs: language, decimal separator, the suppression threshold, a hidden-cell tally. */
export interface BuildContext {
  readonly lang: Lang
  readonly decimal: Decimal
  /** Hide counts below this (disclosure control); undefined = show everything. */
  readonly suppressBelow?: number
  /** Adds up hidden cells over the whole document. */
  hiddenCells: number
}

/**
 * A text cell (NFC).
 *
 * @example
 * text("Thành phố") // { value: "Thành phố", format: "text" }
 */
export const text = (value: string): Cell => ({ value: value.normalize("NFC"), format: "text" })
export const blank: Cell = { value: null, format: "text" }
/**
 * A number cell; NaN becomes null (shown as blank or —), `hidden` makes it a suppressed cell with no value.
 *
 * @example
 * num(41.03, "stat") // { value: 41.03, format: "stat" }
 */
export const num = (value: number, format: Cell["format"], hidden = false): Cell =>
  hidden ? { value: null, format, suppressed: true } : { value: Number.isFinite(value) ? value : null, format }
/**
 * A header cell spanning `span` columns.
 *
 * @example
 * h("Thành phố", 2) // { text: "Thành phố", span: 2 }
 */
export const h = (
  value: string,
  span = 1
): HeaderCell => (span === 1 ? { text: value.normalize("NFC") } : { text: value.normalize("NFC"), span })

/**
 * Counts hidden cells into the context and returns the flags unchanged.
 *
 * @example
 * const hidden = tally(ctx, suppressMatrix(counts, 5))
 */
export const tally = <A extends ReadonlyArray<boolean> | ReadonlyArray<ReadonlyArray<boolean>>>(
  ctx: BuildContext,
  flags: A
): A => {
  ctx.hiddenCells += (flags as ReadonlyArray<boolean | ReadonlyArray<boolean>>).flat().filter(Boolean).length
  return flags
}

/**
 * No cell hidden: the shape of `counts`, all false.
 *
 * @example
 * noneHidden([[1, 2]]) // [[false, false]]
 */
export const noneHidden = (counts: ReadonlyArray<ReadonlyArray<number>>): Array<Array<boolean>> =>
  counts.map((row) => row.map(() => false))

/**
 * Scale side of the k-th of n categories for a diverging chart, by position in scale order: first half negative,
 * a middle one neutral, last half positive.
 *
 * @example
 * sideOf(0, 3) // "negative"; sideOf(1, 3) // "neutral"
 */
export const sideOf = (k: number, n: number): "negative" | "neutral" | "positive" =>
  n % 2 === 1 && k === (n - 1) / 2 ? "neutral" : k < n / 2 ? "negative" : "positive"
