import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { mapCodes, memoCodes } from "./codeLookup.js"
import { analysisDesign, type DesignChoice } from "./design.js"
import { AnalysisError } from "./errors.js"
import { designTests, type MrDesignStatement, mrDesignStatement } from "./mrDesign.js"
import { itemRows, type ItemTest, usedGroups } from "./mrResult.js"
import { lowExpectedItems, svychisqWarning } from "./mrWarnings.js"
import type { AnalysisWarning, CategoryInfo } from "./results.js"
import { attempt } from "./table.js"
import { type CategoricalVariable, categoricalVariable, checkMissingNames, validCategoriesOf } from "./variables.js"
import { weightField, type WeightInfo } from "./weights.js"

/**
 * Options of {@link multipleResponse}. Weights as in crosstab (`weight`, the codebook's `weightVariable` by
 * default, `noWeight`) and a design (`strata`, `cluster`, `fpc`, `lonelyPsu`): sampling weights by default, so
 * the tests are design-based (`Stats.mmiDesignRaoScott`); with `weightMode: "frequency"` SPSS frequency weights,
 * counts as sums of weights and the tests those of the replicated data (SPSS WEIGHT BY).
 */
export interface MultipleResponseOptions extends DesignChoice {
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
  /** How the weights were used (unweighted, frequency, sampling design) and the design's variables. */
  readonly design: MrDesignStatement
  /**
   * The per-item tests: Pearson r x 2 chi-square (unweighted, frequency weights), or under a sampling design the
   * design-based Rao-Scott F test of each item (`statistic` = F, `df` its numerator df, `df2` its denominator).
   */
  readonly itemTest: "pearson" | "rao-scott-f"
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
    /** Under a sampling design: the denominator df of the item's F test. */
    readonly df2?: number
    readonly p: number
    readonly pBonferroni: number
    readonly pHolm: number
    /** SPSS-style column-proportion letters: for each group, the letters of groups significantly smaller */
    readonly largerThan: ReadonlyArray<string>
  }>
  readonly letters: ReadonlyArray<string>
  readonly sumStatistic: number
  readonly bonferroni: { readonly p: number }
  /** Second-order Rao-Scott (chi-square form); design-based under a sampling design. */
  readonly rs2: { readonly statistic: number; readonly df: number; readonly p: number }
  /**
   * Under a sampling design: the design-based second-order Rao-Scott test in its F form (R survey's `svychisq`
   * default), the p that `method: "rs2"` reports there, and the mean generalized design effect s₁/q.
   */
  readonly raoScott?: { readonly statistic: number; readonly df1: number; readonly df2: number; readonly p: number }
  readonly designEffect?: { readonly mean: number; readonly s1: number; readonly s2: number }
  readonly bootstrap?: {
    readonly p: number
    readonly resamples: number
    readonly discarded: number
    readonly B: number
    readonly seed: number
  }
  readonly warnings: ReadonlyArray<AnalysisWarning>
}

/** The kept rows as the tests' input, with plain loops rather than `TypedArray.from` callbacks (issue 23). */
const keptData = (
  groupCount: number,
  keep: ReadonlyArray<number>,
  groupOf: Int32Array,
  items: ReadonlyArray<CategoricalVariable>,
  counted: number,
  weights: Float64Array | undefined
): Stats.MultipleResponseData => {
  const m = keep.length
  const groups = new Int32Array(m)
  for (let a = 0; a < m; a++) groups[a] = groupOf[keep[a]]
  const selected = items.map((v) => {
    const out = new Uint8Array(m)
    for (let a = 0; a < m; a++) out[a] = v.codes[keep[a]] === counted ? 1 : 0
    return out
  })
  if (weights === undefined) return { groupCount, groups, items: selected }
  const w = new Float64Array(m)
  for (let a = 0; a < m; a++) w[a] = weights[keep[a]]
  return { groupCount, groups, items: selected, weights: w }
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
    const design = yield* analysisDesign(dataset, codebook, options)
    const caseWeights = design.mode === "unweighted" ? undefined : design.weights
    const weights = caseWeights?.values
    if (design.mode !== "unweighted" && options.method === "bootstrap") {
      return yield* Either.left(
        new AnalysisError({
          code: "BAD_OPTION",
          message: `the bootstrap test does not take weights or a sampling design (${
            caseWeights === undefined
              ? "strata or clusters are given"
              : `the data are weighted by "${caseWeights.variable}"`
          }); use the rs2 or bonferroni method, or analyse unweighted (--no-weight, no --strata/--cluster/--fpc)`
        })
      )
    }
    const wt = (k: number) => (weights === undefined ? 1 : weights[k])

    // Without a codebook only 0/1 is meaningful; with one, any labelled code other than the counted one is
    // "not selected".
    const isKnown = items.map((v) =>
      memoCodes((c) => v.variable === undefined ? c === 0 || c === 1 : v.variable.values.some((x) => x.code === c))
    )
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
      for (let j = 0; j < items.length; j++) {
        const v = items[j]
        const c = v.codes[k]
        if (!isKnown[j](c)) {
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
    const indexOf = mapCodes(group.codes, (g) => index.get(g) ?? -1, Int32Array)
    for (const k of keep) groupN[indexOf[k]] += wt(k)
    const warnings: Array<AnalysisWarning> = [...(caseWeights?.warnings ?? [])]
    const used = yield* usedGroups(groupName, categories, groupN, warnings)
    const compact = new Map(used.map((i, a) => [i, a]))
    // The compact group of every row, once per code rather than two Map lookups per row (issue 23).
    const groupOf = mapCodes(group.codes, (g) => compact.get(index.get(g) ?? -1) ?? -1, Int32Array)
    const data = keptData(used.length, keep, groupOf, items, counted, weights)
    const usedCats = used.map((i) => categories[i])
    const method = options.method ?? "rs2"
    const reword = (message: string) =>
      message.replace(/item (\d+)/g, (_, j) => `item "${itemNames[Number(j) - 1] ?? j}"`)
    const sampled = design.mode === "sampling"
      ? yield* attempt(() =>
        designTests(
          design,
          dataset.rowCount,
          keep,
          (k) => groupOf[k],
          items.map((v) => (k: number) => v.codes[k] === counted),
          used.length
        ), reword)
      : undefined
    const computed = yield* attempt(() => ({
      table: Stats.multipleResponseTable(data),
      tests: sampled === undefined ? Stats.perItemTests(data) : undefined,
      letters: Stats.columnProportionTests(data),
      bonferroni: sampled === undefined ? Stats.mmiBonferroni(data) : undefined,
      rs2: sampled === undefined ? Stats.mmiRaoScott2(data) : sampled.overall,
      bootstrap: method === "bootstrap"
        ? Stats.mmiBootstrap(data, {
          ...(options.B !== undefined ? { B: options.B } : {}),
          ...(options.seed !== undefined ? { seed: options.seed } : {})
        })
        : undefined
    }), reword)
    const { table, letters, rs2, bootstrap } = computed
    const tests: ReadonlyArray<ItemTest> = sampled === undefined ? computed.tests! : designItemTests(sampled)
    const svychisqItems = (sampled?.items ?? []).flatMap((t, j) => (t.method === "svychisq" ? [itemNames[j]!] : []))
    if (svychisqItems.length > 0) warnings.push(svychisqWarning(svychisqItems))
    const bonferroni = computed.bonferroni ?? { p: Math.min(1, Math.min(...tests.map((t) => t.p)) * tests.length) }
    const rare = lowExpectedItems(itemNames, used.map((i) => groupN[i]), table.total.counts, method)
    if (rare !== undefined) warnings.push(rare)
    return {
      kind: "multiple-response",
      group: { name: groupName, label: group.label, categories: usedCats },
      n: { valid: total - missing, missing, total, byGroup: used.map((i) => groupN[i]) },
      weighted: weights !== undefined,
      ...weightField(caseWeights, total - missing),
      design: mrDesignStatement(design, sampled?.dof),
      itemTest: sampled === undefined ? "pearson" : "rao-scott-f",
      method,
      items: itemRows(
        items,
        table,
        tests,
        (j) => (sampled === undefined ? letters.items[j].largerThan : sampled.largerThan[j]),
        used.length
      ),
      letters: letters.letters,
      sumStatistic: rs2.sumStatistic,
      bonferroni: { p: bonferroni.p },
      rs2: { statistic: rs2.statistic, df: rs2.df, p: rs2.p },
      ...(sampled === undefined ? {} : {
        raoScott: sampled.overall.f,
        designEffect: {
          mean: sampled.overall.meanDesignEffect,
          s1: sampled.overall.s1,
          s2: sampled.overall.s2
        }
      }),
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

/** Per-item design-based F tests with Bonferroni and Holm over the items (as `Stats.perItemTests` does). */
const designItemTests = (sampled: ReturnType<typeof designTests>) => {
  const ps = sampled.items.map((t) => t.f.p)
  const bonferroni = Stats.bonferroni(ps)
  const holm = Stats.holm(ps)
  return sampled.items.map((t, j) => ({
    statistic: t.f.statistic,
    df: t.f.df1,
    df2: t.f.df2,
    p: t.f.p,
    pBonferroni: bonferroni[j]!,
    pHolm: holm[j]!
  }))
}
