import type { Decimal } from "../format.js"
import type { Cell, HeaderCell } from "../document.js"
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

export const text = (value: string): Cell => ({ value: value.normalize("NFC"), format: "text" })
export const blank: Cell = { value: null, format: "text" }
export const num = (value: number, format: Cell["format"], hidden = false): Cell =>
  hidden ? { value: null, format, suppressed: true } : { value: Number.isFinite(value) ? value : null, format }
export const h = (value: string, span = 1): HeaderCell => (span === 1 ? { text: value.normalize("NFC") } : { text: value.normalize("NFC"), span })

/** Counts hidden cells into the context and returns the flags unchanged. */
export const tally = <A extends ReadonlyArray<boolean> | ReadonlyArray<ReadonlyArray<boolean>>>(ctx: BuildContext, flags: A): A => {
  ctx.hiddenCells += (flags as ReadonlyArray<boolean | ReadonlyArray<boolean>>).flat().filter(Boolean).length
  return flags
}

/** No cell hidden: the shape of `counts`, all false. */
export const noneHidden = (counts: ReadonlyArray<ReadonlyArray<number>>): Array<Array<boolean>> => counts.map((row) => row.map(() => false))

/** Scale sides for a diverging chart, by position in scale order: first half negative, middle neutral, last half positive. */
export const sideOf = (k: number, n: number): "negative" | "neutral" | "positive" =>
  n % 2 === 1 && k === (n - 1) / 2 ? "neutral" : k < n / 2 ? "negative" : "positive"
