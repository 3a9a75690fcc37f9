import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import { lowExpectedItems } from "./mrWarnings.js"
import type { AnalysisWarning, CategoryInfo } from "./results.js"
import { attempt } from "./table.js"
import { categoricalVariable, checkMissingNames, validCategoriesOf } from "./variables.js"
import { analysisWeights, type WeightChoice, weightField, type WeightInfo } from "./weights.js"

/**
 * Options of {@link multipleResponse}. Weights as in crosstab (`weight`, the codebook's `weightVariable` by
 * default, `noWeight`): frequency weights, so counts are sums of weights and the tests are those of the
 * replicated data, as SPSS computes them under WEIGHT BY (not design-based tests).
 */
export interface MultipleResponseOptions extends WeightChoice {
  /** The overall test reported as `test`; Bonferroni and Rao-Scott are always computed (they are cheap). */
  readonly method?: "bonferroni" | "rs2" | "bootstrap"
  readonly B?: number
  readonly seed?: number
  /** The code counted as "selected" (default: the codebook set's countedValue, else 1). */
  readonly countedValue?: number
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}

/** DESIGN.md's multiple-response JSON, plus the table behind it. */
export interface MultipleResponseResult {
  readonly kind: "multiple-response"
  readonly group: {
    readonly name: string
    readonly label: BilingualLabel
    readonly categories: ReadonlyArray<CategoryInfo>
  }
  readonly n: {
    readonly valid: number
    readonly missing: number
    readonly total: number
    readonly byGroup: ReadonlyArray<number>
  }
  readonly weighted: boolean
  /** When weighted: the weight variable and the weighted N of the valid respondents (`n.valid`). */
  readonly weight?: WeightInfo
  readonly method: "bonferroni" | "rs2" | "bootstrap"
  readonly items: ReadonlyArray<{
    readonly name: string
    readonly label: BilingualLabel
    /** selections by group, then % of cases (base = respondents in the group) and % of responses */
    readonly counts: ReadonlyArray<number>
    readonly percentOfCases: ReadonlyArray<number>
    readonly percentOfResponses: ReadonlyArray<number>
    readonly total: { readonly count: number; readonly percentOfCases: number; readonly percentOfResponses: number }
    readonly statistic: number
    readonly df: number
    readonly p: number
    readonly pBonferroni: number
    readonly pHolm: number
    /** SPSS-style column-proportion letters: for each group, the letters of groups significantly smaller */
    readonly largerThan: ReadonlyArray<string>
  }>
  readonly letters: ReadonlyArray<string>
  readonly sumStatistic: number
  readonly bonferroni: { readonly p: number }
  readonly rs2: { readonly statistic: number; readonly df: number; readonly p: number }
  readonly bootstrap?: {
    readonly p: number
    readonly resamples: number
    readonly discarded: number
    readonly B: number
    readonly seed: number
  }
  readonly warnings: ReadonlyArray<AnalysisWarning>
}

/**
 * A multiple-response ("tick all that apply") set by a group variable: counts, % of cases and % of responses,
 * per-item r x 2 Pearson tests with Bonferroni and Holm p, column-proportion letters, and the overall test of
 * multiple marginal independence (Bilder, Loughin & Nettleton 2000): X²_S with Bonferroni, second-order
 * Rao-Scott, and (with `method: "bootstrap"`) the bootstrap. Respondents with the group or any item missing
 * are left out (listwise) and counted in `n.missing`.
 *
 * @example
 * const r = Either.getOrThrow(multipleResponse(dataset, codebook, "level", ["clean_strong_party", "cadre_quality"]))
 * r.rs2.p
 */
export const multipleResponse = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  groupName: string,
  itemNames: ReadonlyArray<string>,
  options: MultipleResponseOptions = {}
): Either.Either<MultipleResponseResult, AnalysisError> =>
  Either.gen(function*() {
    if (itemNames.length < 1) {
      return yield* Either.left(
        new AnalysisError({ code: "BAD_OPTION", message: "a multiple-response set needs at least one item" })
      )
    }
    yield* checkMissingNames(dataset, options.missing)
    const group = yield* categoricalVariable(dataset, codebook, groupName, options.missing)
    const items = yield* Either.all(
      itemNames.map((name) => categoricalVariable(dataset, codebook, name, options.missing))
    )
    const set = codebook?.multipleResponseSets.find((s) => itemNames.every((i) => s.items.includes(i)))
    const counted = options.countedValue ?? set?.countedValue ?? 1
    const { categories } = validCategoriesOf(group)
    const index = new Map(categories.map((c, i) => [c.code, i]))
    const caseWeights = yield* analysisWeights(dataset, codebook, options)
    const weights = caseWeights?.values
    if (weights !== undefined && options.method === "bootstrap") {
      return yield* Either.left(
        new AnalysisError({
          code: "BAD_OPTION",
          message: `the bootstrap test does not take weights (the data are weighted by "${
            caseWeights!.variable
          }"); use the rs2 or bonferroni method, or analyse unweighted (--no-weight)`
        })
      )
    }
    const wt = (k: number) => (weights === undefined ? 1 : weights[k])

    const keep: Array<number> = []
    let missing = 0
    let total = 0
    for (let k = 0; k < dataset.rowCount; k++) {
      if (wt(k) === 0) continue
      total += wt(k)
      const g = group.codes[k]
      const anyMissing = g === SYSTEM_MISSING || group.isMissing(g) ||
        items.some((v) => v.codes[k] === SYSTEM_MISSING || v.isMissing(v.codes[k]))
      if (anyMissing) {
        missing += wt(k)
        continue
      }
      for (const v of items) {
        const c = v.codes[k]
        // Without a codebook only 0/1 is meaningful; with one, any labelled code other than the counted one is "not selected".
        const known = v.variable === undefined ? c === 0 || c === 1 : v.variable.values.some((x) => x.code === c)
        if (!known) {
          return yield* Either.left(
            new AnalysisError({
              code: "BAD_OPTION",
              message: `item "${v.name}" in data row ${
                k + 2
              } has the code ${c}; expected 0 or 1 (selected = ${counted})`
            })
          )
        }
      }
      keep.push(k)
    }
    const groupN = categories.map(() => 0)
    for (const k of keep) groupN[index.get(group.codes[k])!] += wt(k)
    const warnings: Array<AnalysisWarning> = [...(caseWeights?.warnings ?? [])]
    const used = categories.map((_, i) => i).filter((i) => groupN[i] > 0)
    categories.forEach((c, i) => {
      if (groupN[i] === 0) {
        warnings.push({
          code: "EMPTY_CATEGORY",
          variable: groupName,
          categoryCode: c.code,
          message: `category ${c.code} (${c.label.en}) of "${groupName}" has no respondents and is left out`
        })
      }
    })
    if (used.length < 2) {
      return yield* Either.left(
        new AnalysisError({
          code: "EMPTY_TABLE",
          message: `"${groupName}" has respondents in only ${used.length} group; the tests compare at least 2`
        })
      )
    }
    const compact = new Map(used.map((i, a) => [i, a]))
    const data: Stats.MultipleResponseData = {
      groupCount: used.length,
      groups: Int32Array.from(keep, (k) => compact.get(index.get(group.codes[k])!)!),
      items: items.map((v) => Uint8Array.from(keep, (k) => (v.codes[k] === counted ? 1 : 0))),
      ...(weights !== undefined ? { weights: Float64Array.from(keep, (k) => weights[k]) } : {})
    }
    const usedCats = used.map((i) => categories[i])
    const method = options.method ?? "rs2"
    const computed = yield* attempt(() => ({
      table: Stats.multipleResponseTable(data),
      tests: Stats.perItemTests(data),
      letters: Stats.columnProportionTests(data),
      bonferroni: Stats.mmiBonferroni(data),
      rs2: Stats.mmiRaoScott2(data),
      bootstrap: method === "bootstrap"
        ? Stats.mmiBootstrap(data, {
          ...(options.B !== undefined ? { B: options.B } : {}),
          ...(options.seed !== undefined ? { seed: options.seed } : {})
        })
        : undefined
    }), (message) => message.replace(/item (\d+)/g, (_, j) => `item "${itemNames[Number(j) - 1] ?? j}"`))
    const { table, tests, letters, bonferroni, rs2, bootstrap } = computed
    const rare = lowExpectedItems(itemNames, used.map((i) => groupN[i]), table.total.counts, method)
    if (rare !== undefined) warnings.push(rare)
    const r = used.length
    const c = items.length
    const column = (values: Float64Array, j: number) => Array.from({ length: r }, (_, i) => values[i * c + j])
    return {
      kind: "multiple-response",
      group: { name: groupName, label: group.label, categories: usedCats },
      n: { valid: total - missing, missing, total, byGroup: used.map((i) => groupN[i]) },
      weighted: weights !== undefined,
      ...weightField(caseWeights, total - missing),
      method,
      items: items.map((v, j) => ({
        name: v.name,
        label: v.label,
        counts: column(table.counts, j),
        percentOfCases: column(table.percentOfCases, j),
        percentOfResponses: column(table.percentOfResponses, j),
        total: {
          count: table.total.counts[j],
          percentOfCases: table.total.percentOfCases[j],
          percentOfResponses: table.total.percentOfResponses[j]
        },
        statistic: tests[j].statistic,
        df: tests[j].df,
        p: tests[j].p,
        pBonferroni: tests[j].pBonferroni,
        pHolm: tests[j].pHolm,
        largerThan: letters.items[j].largerThan
      })),
      letters: letters.letters,
      sumStatistic: rs2.sumStatistic,
      bonferroni: { p: bonferroni.p },
      rs2: { statistic: rs2.statistic, df: rs2.df, p: rs2.p },
      ...(bootstrap !== undefined
        ? {
          bootstrap: {
            p: bootstrap.p,
            resamples: bootstrap.resamples,
            discarded: bootstrap.discarded,
            B: bootstrap.B,
            seed: bootstrap.seed
          }
        }
        : {}),
      warnings
    } satisfies MultipleResponseResult
  })
