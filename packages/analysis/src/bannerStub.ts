import type { BilingualLabel } from "@danvan/domain"
import { plainLabel, SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import type { BannerCell, BannerNet, BannerRow, BannerStub } from "./banner.js"
import type { CategoricalVariable } from "./variables.js"
import { validCategoriesOf } from "./variables.js"

/** A banner variable with its categories (letters A, B, ... in category order). */
export interface BannerColumns {
  readonly variable: CategoricalVariable
  readonly categories: ReadonlyArray<{ readonly code: number; readonly label: BilingualLabel; readonly letter: string }>
}

/** One row to count: which cases it holds. */
interface RowDef {
  readonly row: Omit<BannerRow, "cells">
  readonly has: (k: number) => boolean
}

/** What a stub entry counts: its valid cases, its rows, and per category row its score (for the mean row). */
interface StubSource {
  readonly name: string
  readonly label: BilingualLabel
  readonly kind: "variable" | "multiple-response"
  readonly valid: (k: number) => boolean
  readonly rows: ReadonlyArray<RowDef>
  /** the codebook's score of each category row (in row order), when every category has one */
  readonly scores?: ReadonlyArray<{ readonly code: number; readonly score: number }>
}

export const isValid = (v: CategoricalVariable, k: number) => v.codes[k] !== SYSTEM_MISSING && !v.isMissing(v.codes[k])

/** Weighted counts of the rows in the columns given by `col` (−1: not counted); column sums of valid cases = base. */
const countRows = (src: StubSource, n: number, col: (k: number) => number, cols: number, w: (k: number) => number) => {
  const counts = src.rows.map(() => new Float64Array(cols))
  const base = new Float64Array(cols)
  for (let k = 0; k < n; k++) {
    if (w(k) === 0 || !src.valid(k)) continue
    const j = col(k)
    if (j < 0) continue
    base[j] += w(k)
    src.rows.forEach((r, i) => {
      if (r.has(k)) counts[i][j] += w(k)
    })
  }
  return { counts, base }
}

/** Letters within one banner variable for one row: the row against the rest of its column (pooled z, Bonferroni). */
const lettersOf = (count: Float64Array, base: Float64Array): Array<string> => {
  const keep = Array.from(base, (b, j) => (b > 0 ? j : -1)).filter((j) => j >= 0)
  if (keep.length < 2) return Array.from(base, () => "")
  const t = Stats.fromMatrix([keep.map((j) => count[j]), keep.map((j) => base[j] - count[j])])
  const larger = Stats.columnProportions(t).largerThan[0]
  const out = Array.from(base, () => "")
  // columnProportions names the kept columns A, B, ...; map back to the banner's letters
  keep.forEach((j, x) => (out[j] = larger[x].split("").map((l) => Stats.letterOf(keep[l.charCodeAt(0) - 65])).join("")))
  return out
}

/** Mean and variance (divisor n − 1) of the scores per column from the category counts (they partition the base). */
const meansOf = (
  scores: ReadonlyArray<{ readonly score: number }>,
  counts: ReadonlyArray<Float64Array>,
  base: Float64Array
) => {
  const mean = Array.from(base, (b, j) => scores.reduce((a, s, r) => a + s.score * counts[r][j], 0) / b)
  const variance = Array.from(
    base,
    (b, j) => scores.reduce((a, s, r) => a + counts[r][j] * (s.score - mean[j]) ** 2, 0) / (b - 1)
  )
  return { mean, variance }
}

/**
 * The rows of one stub entry against the banner: counts, column % and letters per banner variable (column
 * proportions for category, net and item rows; column means, pooled variance and Bonferroni, for the mean row).
 * Runs stats code: call it inside `attempt`.
 */
export const stubOf = (
  src: StubSource,
  n: number,
  banner: ReadonlyArray<BannerColumns>,
  w: (k: number) => number
): BannerStub => {
  const total = countRows(src, n, () => 0, 1, w)
  const parts = banner.map((b) => {
    const index = new Map(b.categories.map((c, j) => [c.code, j]))
    const counted = countRows(
      src,
      n,
      (k) => (isValid(b.variable, k) ? index.get(b.variable.codes[k]) ?? -1 : -1),
      b.categories.length,
      w
    )
    return { ...counted, letters: counted.counts.map((c) => lettersOf(c, counted.base)) }
  })
  const cell = (count: number, base: number, letters: string): BannerCell => ({
    count,
    percent: Stats.percentOf(count, base),
    letters
  })
  const rows: Array<BannerRow> = src.rows.map((def, r) => ({
    ...def.row,
    cells: [
      cell(total.counts[r][0], total.base[0], ""),
      ...parts.flatMap((p) => Array.from(p.counts[r], (c, j) => cell(c, p.base[j], p.letters[r][j])))
    ]
  }))
  if (src.scores !== undefined) {
    const scores = src.scores
    const t = meansOf(scores, total.counts, total.base)
    rows.push({
      kind: "mean",
      label: { vi: "Điểm trung bình", en: "Mean score" },
      scores,
      cells: [
        { count: total.base[0], percent: NaN, letters: "", mean: t.mean[0] },
        ...parts.flatMap((p) => {
          const m = meansOf(scores, p.counts, p.base)
          const letters = Stats.columnMeans(Array.from(p.base), m.mean, m.variance).largerThan
          return Array.from(p.base, (b, j) => ({ count: b, percent: NaN, letters: letters[j], mean: m.mean[j] }))
        })
      ]
    })
  }
  return {
    name: src.name,
    label: src.label,
    kind: src.kind,
    base: [total.base[0], ...parts.flatMap((p) => Array.from(p.base))],
    rows
  }
}

/** A stub variable: its categories, then its nets; a mean row when the codebook scores every category. */
export const variableSource = (v: CategoricalVariable, nets: ReadonlyArray<BannerNet>): StubSource => {
  const cats = validCategoriesOf(v).categories
  const scores = cats.map((c) => v.variable?.values.find((x) => x.code === c.code)?.score)
  return {
    name: v.name,
    label: v.label,
    kind: "variable",
    valid: (k) => isValid(v, k),
    rows: [
      ...cats.map((c): RowDef => ({
        row: { kind: "category", code: c.code, label: c.label },
        has: (k) => v.codes[k] === c.code
      })),
      ...nets.map((net): RowDef => ({
        row: { kind: "net", codes: net.codes, label: net.label ?? plainLabel(net.name) },
        has: (k) => net.codes.includes(v.codes[k])
      }))
    ],
    ...(cats.length > 0 && scores.every((s) => s !== undefined)
      ? { scores: cats.map((c, r) => ({ code: c.code, score: scores[r]! })) }
      : {})
  }
}

/**
 * A multiple-response set in the stub: one row per item, % of the set's respondents in the column (a respondent
 * is one with every item answered, as `danvan mr` counts them) who selected it, letters per item.
 */
export const setSource = (
  set: { readonly name: string; readonly label: BilingualLabel; readonly countedValue: number },
  items: ReadonlyArray<CategoricalVariable>
): StubSource => ({
  name: set.name,
  label: set.label,
  kind: "multiple-response",
  valid: (k) => items.every((v) => isValid(v, k)),
  rows: items.map((v): RowDef => ({
    row: { kind: "item", name: v.name, label: v.label },
    has: (k) => v.codes[k] === set.countedValue
  }))
})
