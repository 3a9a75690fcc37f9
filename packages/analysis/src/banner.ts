import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { plainLabel, SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import { attempt } from "./table.js"
import type { CategoricalVariable } from "./variables.js"
import { categoricalVariable, checkMissingNames, validCategoriesOf } from "./variables.js"
import { analysisWeights } from "./weights.js"

/** A net: a combined row of some codes of a stub variable (e.g. top-2 box). */
export interface BannerNet {
  readonly variable: string
  readonly name: string
  /** the row's label (default: `name` in both languages) */
  readonly label?: BilingualLabel
  readonly codes: ReadonlyArray<number>
}

export interface BannerOptions {
  readonly weight?: string
  /** Unweighted even when the codebook names a weight variable. */
  readonly noWeight?: boolean
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
  readonly nets?: ReadonlyArray<BannerNet>
}

/** One cell of a banner row: count, column % and the letters of the columns (same banner variable) it exceeds. */
export interface BannerCell {
  readonly count: number
  readonly percent: number
  readonly letters: string
  /** mean-score rows only: the mean score of the column (count is then the column's base) */
  readonly mean?: number
}

/** One row of the stub: a category, a net or the mean score; `cells[0]` is the Total column. */
export interface BannerRow {
  readonly kind: "category" | "net" | "mean"
  readonly code?: number
  readonly codes?: ReadonlyArray<number>
  readonly label: BilingualLabel
  readonly cells: ReadonlyArray<BannerCell>
  /** mean-score rows only: the codebook's score of each code */
  readonly scores?: ReadonlyArray<{ readonly code: number; readonly score: number }>
}

export interface BannerStub {
  readonly name: string
  readonly label: BilingualLabel
  /** valid cases (weighted) per column, Total first */
  readonly base: ReadonlyArray<number>
  readonly rows: ReadonlyArray<BannerRow>
}

/** Result of {@link bannerTable}. */
export interface BannerResult {
  readonly kind: "banner"
  readonly banner: ReadonlyArray<{
    readonly name: string
    readonly label: BilingualLabel
    readonly categories: ReadonlyArray<
      { readonly code: number; readonly label: BilingualLabel; readonly letter: string }
    >
  }>
  readonly stub: ReadonlyArray<BannerStub>
  readonly weighted: boolean
  readonly weight?: { readonly variable: string; readonly sum: number }
  readonly alpha: number
  /** Cases (weighted) missing on each stub and banner variable, by code (`"system"` for blanks). */
  readonly missingByCode: ReadonlyArray<
    { readonly variable: string; readonly code: number | "system"; readonly count: number }
  >
}

/** Cases missing on each variable by code, in the order given (each variable once). */
const missingOf = (vars: ReadonlyArray<CategoricalVariable>, w: (k: number) => number) => {
  const seen = new Set<string>()
  return vars.flatMap((v) => {
    if (seen.has(v.name)) return []
    seen.add(v.name)
    const byCode = new Map<number | "system", number>()
    for (let k = 0; k < v.codes.length; k++) {
      if (valid(v, k) || w(k) === 0) continue
      const code = v.codes[k] === SYSTEM_MISSING ? "system" : v.codes[k]
      byCode.set(code, (byCode.get(code) ?? 0) + w(k))
    }
    return [...byCode].map(([code, count]) => ({ variable: v.name, code, count }))
  })
}

const valid = (v: CategoricalVariable, k: number) => v.codes[k] !== SYSTEM_MISSING && !v.isMissing(v.codes[k])

/** Counts of the stub's rows (categories then nets) in the banner's columns; column sums are the bases. */
const countRows = (
  stub: CategoricalVariable,
  rowSets: ReadonlyArray<ReadonlyArray<number>>,
  col: (k: number) => number,
  cols: number,
  w: (k: number) => number
) => {
  const counts = rowSets.map(() => new Float64Array(cols))
  const base = new Float64Array(cols)
  for (let k = 0; k < stub.codes.length; k++) {
    if (!valid(stub, k)) continue
    const j = col(k)
    if (j < 0) continue
    base[j] += w(k)
    rowSets.forEach((set, r) => {
      if (set.includes(stub.codes[k])) counts[r][j] += w(k)
    })
  }
  return { counts, base }
}

/** Letters within one banner variable for one row: the row against the rest of its column. */
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

/**
 * A banner table (SPSS CTABLES, WinCross): stub variables down the side against a banner of column variables
 * with a Total column; each cell has the count and column %, with SPSS's column-proportion letters computed
 * within each banner variable (pooled z, Bonferroni per row over the testable pairs, alpha 0.05); nets combine
 * codes of a stub variable (e.g. top-2 box); for a stub variable whose codebook gives every valid code a score, a
 * mean-score row. Cases missing on the stub variable are left out of its rows; cases missing on a banner variable
 * are left out of that banner variable's columns (but counted in Total).
 *
 * @example
 * const r = Either.getOrThrow(bannerTable(dataset, codebook, ["q1", "q2"], ["level", "sex"]))
 * r.stub[0].rows[0].cells[1].letters
 */
export const bannerTable = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  rows: ReadonlyArray<string>,
  cols: ReadonlyArray<string>,
  options: BannerOptions = {}
): Either.Either<BannerResult, AnalysisError> =>
  Either.gen(function*() {
    if (rows.length === 0 || cols.length === 0) {
      return yield* Either.left(
        new AnalysisError({
          code: "BAD_OPTION",
          message: "a banner table needs at least one stub (--rows) and one banner (--cols) variable"
        })
      )
    }
    yield* checkMissingNames(dataset, options.missing)
    const resolvedWeight = yield* analysisWeights(dataset, codebook, options)
    const weights = resolvedWeight?.values
    const w = (k: number) => (weights === undefined ? 1 : weights[k])
    const bannerVars = yield* Either.all(cols.map((c) => categoricalVariable(dataset, codebook, c, options.missing)))
    const banner = bannerVars.map((v) => ({
      variable: v,
      categories: validCategoriesOf(v).categories.map((c, j) => ({
        code: c.code,
        label: c.label,
        letter: Stats.letterOf(j)
      }))
    }))
    for (const net of options.nets ?? []) {
      if (!rows.includes(net.variable)) {
        return yield* Either.left(
          new AnalysisError({
            code: "BAD_OPTION",
            message: `the net "${net.name}" is on "${net.variable}", which is not a stub variable (--rows)`
          })
        )
      }
    }
    const stub: Array<BannerStub> = []
    const stubVars: Array<CategoricalVariable> = []
    for (const name of rows) {
      const v = yield* categoricalVariable(dataset, codebook, name, options.missing)
      stubVars.push(v)
      const cats = validCategoriesOf(v).categories
      const nets = (options.nets ?? []).filter((n) => n.variable === name)
      const sets = [...cats.map((c) => [c.code]), ...nets.map((n) => n.codes)]
      const total = countRows(v, sets, () => 0, 1, w)
      const parts = yield* Either.all(banner.map((b) => {
        const index = new Map(b.categories.map((c, j) => [c.code, j]))
        const counted = countRows(
          v,
          sets,
          (k) => (valid(b.variable, k) ? index.get(b.variable.codes[k]) ?? -1 : -1),
          b.categories.length,
          w
        )
        return attempt(() => ({ ...counted, letters: counted.counts.map((c) => lettersOf(c, counted.base)) }))
      }))
      const cell = (count: number, base: number, letters: string): BannerCell => ({
        count,
        percent: (100 * count) / base,
        letters
      })
      const rowOf = (r: number) => [
        cell(total.counts[r][0], total.base[0], ""),
        ...parts.flatMap((p) => Array.from(p.counts[r], (c, j) => cell(c, p.base[j], p.letters[r][j])))
      ]
      const bodyRows: Array<BannerRow> = [
        ...cats.map((c, r): BannerRow => ({ kind: "category", code: c.code, label: c.label, cells: rowOf(r) })),
        ...nets.map((n, x): BannerRow => ({
          kind: "net",
          codes: n.codes,
          label: n.label ?? plainLabel(n.name),
          cells: rowOf(cats.length + x)
        }))
      ]
      const scores = cats.map((c) => v.variable?.values.find((x) => x.code === c.code)?.score)
      if (cats.length > 0 && scores.every((s) => s !== undefined)) {
        const mean = (counts: ReadonlyArray<Float64Array>, j: number, base: number) =>
          cats.reduce((acc, _, r) => acc + scores[r]! * counts[r][j], 0) / base
        bodyRows.push({
          kind: "mean",
          label: { vi: "Điểm trung bình", en: "Mean score" },
          scores: cats.map((c, r) => ({ code: c.code, score: scores[r]! })),
          cells: [
            { count: total.base[0], percent: NaN, letters: "", mean: mean(total.counts, 0, total.base[0]) },
            ...parts.flatMap((p) =>
              Array.from(p.base, (b, j) => ({ count: b, percent: NaN, letters: "", mean: mean(p.counts, j, b) }))
            )
          ]
        })
      }
      stub.push({
        name,
        label: v.label,
        base: [total.base[0], ...parts.flatMap((p) => Array.from(p.base))],
        rows: bodyRows
      })
    }
    const sum = weights === undefined ? 0 : weights.reduce((a, x) => a + x, 0)
    return {
      kind: "banner" as const,
      banner: banner.map((b) => ({ name: b.variable.name, label: b.variable.label, categories: b.categories })),
      stub,
      weighted: weights !== undefined,
      ...(resolvedWeight !== undefined ? { weight: { variable: resolvedWeight.variable, sum } } : {}),
      alpha: 0.05,
      missingByCode: missingOf([...stubVars, ...bannerVars], w)
    }
  })
