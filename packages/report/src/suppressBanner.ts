import type { BannerCell, BannerResult, BannerRow, BannerStub } from "@danvan/analysis"
import { suppressCells, suppressMatrix } from "./suppress.js"

/**
 * Column ranges of each banner variable in a row's cells (Total is cell 0; `end` is exclusive).
 *
 * @example
 * bannerBlocks(result) // [{ start: 1, end: 4 }] for one banner variable with 3 categories
 */
export const bannerBlocks = (r: BannerResult): Array<{ start: number; end: number }> => {
  let at = 1
  return r.banner.map((b) => {
    const start = at
    at += b.categories.length
    return { start, end: at }
  })
}

/**
 * Hidden flags of a stub's cells under a minimum cell size `k`, one array per row: per banner variable the
 * category counts with their bases and Total as published lines (`suppressMatrix`), the Total column against its
 * base; a net is hidden when any of its codes is hidden in that column or it is itself small; an item of a
 * multiple-response set when it or its complement (base − count) is small; a mean when its column's base is small.
 * The rendered banner table (build/banner.ts) and `suppressBanner` both use this, so they hide the same cells.
 *
 * @example
 * bannerStubHidden(result, result.stub[0], 5) // [[false, true, …], …]
 */
export const bannerStubHidden = (r: BannerResult, st: BannerStub, k: number): Array<Array<boolean>> => {
  const out = st.rows.map((row) => row.cells.map(() => false))
  const cats = st.rows.flatMap((row, i) => (row.kind === "category" ? [i] : []))
  const total = suppressCells(cats.map((i) => st.rows[i].cells[0].count), [cats.map((_, x) => x)], k)
  cats.forEach((i, x) => (out[i][0] = total[x]))
  for (const { start, end } of bannerBlocks(r)) {
    const hidden = suppressMatrix(cats.map((i) => st.rows[i].cells.slice(start, end).map((c) => c.count)), k)
    cats.forEach((i, x) => hidden[x].forEach((flag, j) => (out[i][start + j] = flag)))
  }
  st.rows.forEach((row, i) => {
    if (row.kind === "category") return
    row.cells.forEach((c, j) => {
      // an item of a multiple-response set also reveals its complement (base − count)
      const small = (row.kind === "mean" ? st.base[j] : c.count) < k ||
        (row.kind === "item" && st.base[j] - c.count < k)
      const part = row.kind === "net" &&
        cats.some((ci) => row.codes?.includes(st.rows[ci].code ?? NaN) === true && out[ci][j])
      out[i][j] = small || part
    })
  })
  return out
}

/** A banner cell after suppression: a hidden cell's count, percent and mean are null and its letters empty. */
export interface SuppressedBannerCell {
  readonly count: number | null
  readonly percent: number | null
  readonly letters: string
  readonly mean?: number | null
}

/** A banner row after suppression (see SuppressedBannerCell). */
export interface SuppressedBannerRow extends Omit<BannerRow, "cells"> {
  readonly cells: ReadonlyArray<SuppressedBannerCell>
}

/** A banner stub after suppression (see SuppressedBannerCell). */
export interface SuppressedBannerStub extends Omit<BannerStub, "rows"> {
  readonly rows: ReadonlyArray<SuppressedBannerRow>
}

/**
 * A banner table after disclosure control: `suppression.k` is the minimum cell size, `suppression.hidden` the
 * number of cells hidden (nulled), in every row kind.
 */
export interface SuppressedBannerResult extends Omit<BannerResult, "stub"> {
  readonly stub: ReadonlyArray<SuppressedBannerStub>
  readonly suppression: { readonly k: number; readonly hidden: number }
}

const hiddenCell = (c: BannerCell): SuppressedBannerCell => ({
  count: null,
  percent: null,
  letters: "",
  ...(c.mean !== undefined ? { mean: null } : {})
})

/**
 * Applies the banner table's disclosure control to its result (for the JSON and text forms): the cells the
 * rendered table hides (`bannerStubHidden`: primary suppression of counts below `k`, secondary suppression within
 * each banner variable and the Total column, nets, items and means) get null counts, percents and means, and a
 * row loses its letters within a banner variable that has a hidden cell (as the rendered table shows none there).
 * Bases, the weight and missing cases by code are left as the rendered table shows them. Does not change `r`.
 *
 * @example
 * const safe = suppressBanner(result, 5)
 * safe.suppression // { k: 5, hidden: 12 }
 */
export const suppressBanner = (r: BannerResult, k: number): SuppressedBannerResult => {
  let count = 0
  const blocks = bannerBlocks(r)
  const stub = r.stub.map((st): SuppressedBannerStub => {
    const hidden = bannerStubHidden(r, st, k)
    const rows = st.rows.map((row, i): SuppressedBannerRow => {
      const flags = hidden[i]
      const quiet = (j: number) =>
        blocks.some((b) => j >= b.start && j < b.end && flags.slice(b.start, b.end).some(Boolean))
      return {
        ...row,
        cells: row.cells.map((c, j) => {
          if (flags[j]) {
            count++
            return hiddenCell(c)
          }
          return quiet(j) ? { ...c, letters: "" } : c
        })
      }
    })
    return { ...st, rows }
  })
  return { ...r, stub, suppression: { k, hidden: count } }
}
