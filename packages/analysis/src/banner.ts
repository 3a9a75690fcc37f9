import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { getColumn, SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { isValid, setSource, stubOf, variableSource } from "./bannerStub.js"
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

/**
 * One row of the stub: a category, a net, an item of a multiple-response set (`name`: its variable) or the mean
 * score; `cells[0]` is the Total column.
 */
export interface BannerRow {
  readonly kind: "category" | "net" | "item" | "mean"
  readonly code?: number
  readonly codes?: ReadonlyArray<number>
  readonly name?: string
  readonly label: BilingualLabel
  readonly cells: ReadonlyArray<BannerCell>
  /** mean-score rows only: the codebook's score of each code */
  readonly scores?: ReadonlyArray<{ readonly code: number; readonly score: number }>
}

export interface BannerStub {
  readonly name: string
  readonly label: BilingualLabel
  /** a stub variable, or a multiple-response set of the codebook (base: its respondents) */
  readonly kind: "variable" | "multiple-response"
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
      if (isValid(v, k) || w(k) === 0) continue
      const code = v.codes[k] === SYSTEM_MISSING ? "system" : v.codes[k]
      byCode.set(code, (byCode.get(code) ?? 0) + w(k))
    }
    return [...byCode].map(([code, count]) => ({ variable: v.name, code, count }))
  })
}

/** Nets are on a stub variable (not a multiple-response set) and name valid categories of it. */
const checkNets = (
  name: string,
  isSet: boolean,
  v: CategoricalVariable,
  nets: ReadonlyArray<BannerNet>
): Either.Either<void, AnalysisError> => {
  const bad = (message: string) => Either.left(new AnalysisError({ code: "BAD_OPTION", message }))
  if (isSet && nets.length > 0) {
    return bad(`"${name}" is a multiple-response set: nets combine codes of a single variable, not items of a set`)
  }
  const known = isSet ? [] : validCategoriesOf(v).categories.map((c) => c.code)
  for (const net of nets) {
    const wrong = net.codes.filter((c) => !known.includes(c))
    if (wrong.length > 0) {
      return bad(
        `the net "${net.name}" on "${name}" has the code${wrong.length > 1 ? "s" : ""} ${wrong.join(", ")}, ` +
          `not a valid category of "${name}" (its valid codes: ${known.join(", ")}); drop it or use a valid code`
      )
    }
  }
  return Either.void
}

/**
 * A banner table (SPSS CTABLES, WinCross): stub variables down the side against a banner of column variables
 * with a Total column; each cell has the count and column %, with SPSS's column-proportion letters computed
 * within each banner variable (pooled z, Bonferroni per row over the testable pairs, alpha 0.05); nets combine
 * codes of a stub variable (e.g. top-2 box); for a stub variable whose codebook gives every valid code a score, a
 * mean-score row with SPSS's column-means letters (t-test with the variance pooled over the banner variable's
 * columns, Bonferroni over the pairs). A stub name that is a multiple-response set of the codebook (and not a data
 * column) gives one row per item: % of the set's respondents who selected it, letters per item (as CTABLES does
 * for multiple-response sets). Cases missing on the stub variable are left out of its rows; cases missing on a
 * banner variable are left out of that banner variable's columns (but counted in Total).
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
      const set = getColumn(dataset, name) === undefined
        ? codebook?.multipleResponseSets.find((m) => m.name === name)
        : undefined
      const items = set !== undefined
        ? yield* Either.all(set.items.map((i) => categoricalVariable(dataset, codebook, i, options.missing)))
        : [yield* categoricalVariable(dataset, codebook, name, options.missing)]
      stubVars.push(...items)
      const nets = (options.nets ?? []).filter((n) => n.variable === name)
      yield* checkNets(name, set !== undefined, items[0], nets)
      const source = set !== undefined ? setSource(set, items) : variableSource(items[0], nets)
      stub.push(yield* attempt(() => stubOf(source, dataset.rowCount, banner, w)))
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
