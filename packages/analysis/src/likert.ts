import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { AnalysisWarning, CategoryInfo, MeasureWithTest } from "./results.js"
import { attempt } from "./table.js"
import type { CategoricalVariable } from "./variables.js"
import { categoricalVariable, checkMissingNames, validCategoriesOf } from "./variables.js"

export interface LikertOptions {
  /** Extra user-missing codes by variable name (the CLI's `--missing VAR=CODE,...`), on top of the codebook's. */
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}

/** One response category of the scale: its code, label and score. */
export interface LikertScalePoint {
  readonly code: number
  readonly label: BilingualLabel
  readonly score: number
}

/** Distribution and score summary of one item in one group (or in all groups together). */
export interface LikertCell {
  /** valid responses (item and group both non-missing) */
  readonly n: number
  /** counts per scale point, in the order of `scale` */
  readonly distribution: ReadonlyArray<number>
  /** 100 · count / n per scale point */
  readonly percents: ReadonlyArray<number>
  readonly mean: number
  /** sample standard deviation (divisor n − 1) */
  readonly sd: number
  /** t-based 95% confidence interval of the mean score */
  readonly ci95: readonly [number, number]
  /**
   * % in the highest-score category − % in the lowest-score category, in percentage points (for the
   * difficulty scale: % Difficult − % Not difficult). Middle categories count in the base only.
   */
  readonly netDifficulty: number
  /** why some statistic is NaN (no responses, one response) */
  readonly reason?: string
}

export interface LikertGroupCell extends LikertCell {
  readonly group: number
}

export interface LikertItemResult {
  readonly name: string
  readonly label: BilingualLabel
  /** respondents left out of this item's statistics: item or group missing (pairwise) */
  readonly missing: number
  readonly byGroup: ReadonlyArray<LikertGroupCell>
  readonly total: LikertCell
  /** 1 = highest mean score over all groups (the most difficult); tied means share the better rank */
  readonly rank: number
  /** item scores across the groups, with the ties correction (NaN with `reason` when it cannot be computed) */
  readonly kruskalWallis: { readonly statistic: number; readonly df: number; readonly p: number; readonly tiesCorrection: number; readonly reason?: string }
  /** Goodman-Kruskal γ of item score vs the ordinal group (group order x score order); absent for a nominal group */
  readonly gamma?: MeasureWithTest
  /** Kendall's τ-b, as `gamma` */
  readonly kendallTauB?: MeasureWithTest
}

/** Result of {@link likert}. */
export interface LikertResult {
  readonly kind: "likert"
  readonly set?: { readonly name: string; readonly label: BilingualLabel }
  readonly by: { readonly name: string; readonly label: BilingualLabel; readonly measure: "nominal" | "ordinal" | "scale"; readonly categories: ReadonlyArray<CategoryInfo> }
  /** scale points in codebook order (without a codebook: observed codes in numeric order, the code as the score) */
  readonly scale: ReadonlyArray<LikertScalePoint>
  readonly items: ReadonlyArray<LikertItemResult>
  /** whether γ and τ-b were computed: only for an ordinal group variable */
  readonly ordinal: { readonly computed: boolean; readonly reason?: string }
  /** Cronbach's α of the item scores over respondents with every item present (listwise); absent for one item */
  readonly cronbach?: {
    readonly alpha: number
    readonly n: number
    readonly alphaIfDeleted: ReadonlyArray<number>
    readonly itemRestCorrelation: ReadonlyArray<number>
    readonly reason?: string
  }
  readonly cronbachReason?: string
  readonly warnings: ReadonlyArray<AnalysisWarning>
}

const bad = (message: string) => new AnalysisError({ code: "BAD_OPTION", message })

const measure = (m: Stats.Measure): MeasureWithTest => ({
  value: m.value,
  ase: m.ase,
  t: m.t,
  p: m.p,
  ...(m.reason !== undefined ? { reason: m.reason } : {})
})

/** The score of each valid code of an item: the codebook's value-label score, or the code itself without a codebook entry. */
const scoresOf = (v: CategoricalVariable): Either.Either<Map<number, { label: BilingualLabel; score: number }>, AnalysisError> => {
  const { categories } = validCategoriesOf(v)
  const out = new Map<number, { label: BilingualLabel; score: number }>()
  for (const c of categories) {
    if (v.variable === undefined) {
      out.set(c.code, { label: c.label, score: c.code })
      continue
    }
    const score = v.variable.values.find((x) => x.code === c.code)?.score
    if (score === undefined) {
      const labelled = v.variable.values.some((x) => x.code === c.code)
      return Either.left(bad(
        `variable "${v.name}": the valid code ${c.code}${labelled ? ` (${c.label.en})` : " (not in the codebook)"} has no score; ` +
          "give every valid code a score in the codebook, or declare the code missing"
      ))
    }
    out.set(c.code, { label: c.label, score })
  }
  return Either.right(out)
}

/**
 * Likert (rating) items by a group variable: per item and group the distribution, mean score, SD, 95% CI and
 * net difficulty; items ranked by mean score; Kruskal-Wallis across groups (ties-corrected); Goodman-Kruskal γ
 * and Kendall's τ-b of score vs group when the group is ordinal; Cronbach's α of the set with α-if-item-deleted
 * and item-rest correlations.
 *
 * Scores are the codebook's value-label `score` (hcmc-2024 difficulty: Difficult = 3, Normal = 2, Not
 * difficult = 1, so a higher mean is more difficult). A valid code without a score is an error. Without a
 * codebook (or for an item the codebook does not list) the codes themselves are the scores. Missing codes
 * (codebook, `options.missing`, blanks) are left out per item (pairwise) for the per-item statistics, and
 * listwise (a respondent needs every item) for α; α ignores the group variable.
 *
 * Net difficulty = % in the category with the highest score − % in the category with the lowest score
 * (Stats.netDifficulty), so it is positive when "difficult" outweighs "not difficult".
 *
 * @example
 * const r = Either.getOrThrow(likert(dataset, builtin, { set: "difficulty" }, "level"))
 * r.items.map((i) => [i.name, i.rank, i.kruskalWallis.p])
 */
export const likert = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  setOrItems: { readonly set: string } | { readonly items: ReadonlyArray<string> },
  by: string,
  options: LikertOptions = {}
): Either.Either<LikertResult, AnalysisError> =>
  Either.gen(function* () {
    let itemNames: ReadonlyArray<string>
    let set: LikertResult["set"]
    if ("set" in setOrItems) {
      if (codebook === undefined) return yield* Either.left(bad(`a set ("${setOrItems.set}") needs a codebook; give the items instead`))
      const found = codebook.indicatorSets.find((s) => s.name === setOrItems.set)
      if (found === undefined) {
        const known = codebook.indicatorSets.filter((s) => s.kind === "likert").map((s) => s.name)
        return yield* Either.left(bad(`the codebook has no indicator set "${setOrItems.set}"; its Likert sets are: ${known.join(", ") || "(none)"}`))
      }
      if (found.kind !== "likert") return yield* Either.left(bad(`indicator set "${found.name}" is a ${found.kind} set, not a Likert set`))
      itemNames = found.items
      set = { name: found.name, label: found.label }
    } else {
      itemNames = setOrItems.items
    }
    if (itemNames.length < 1) return yield* Either.left(bad("a Likert analysis needs at least one item"))
    yield* checkMissingNames(dataset, options.missing)
    const group = yield* categoricalVariable(dataset, codebook, by, options.missing)
    const items = yield* Either.all(itemNames.map((name) => categoricalVariable(dataset, codebook, name, options.missing)))
    const itemScores = yield* Either.all(items.map(scoresOf))

    // The scale: codes in the first item's (codebook) order, then any other item's extra codes in numeric order.
    const scaleMap = new Map<number, LikertScalePoint>()
    itemScores.forEach((m, j) => {
      const extra = j === 0 ? [...m.keys()] : [...m.keys()].filter((c) => !scaleMap.has(c)).sort((a, b) => a - b)
      for (const code of extra) scaleMap.set(code, { code, label: m.get(code)!.label, score: m.get(code)!.score })
    })
    const scale = [...scaleMap.values()]
    for (let j = 0; j < items.length; j++) {
      for (const [code, s] of itemScores[j]) {
        if (scaleMap.get(code)!.score !== s.score) {
          return yield* Either.left(bad(`items "${items[0].name}" and "${items[j].name}" score code ${code} differently (${scaleMap.get(code)!.score} and ${s.score}); the items of a set must share one scale`))
        }
      }
    }
    const scaleIndex = new Map(scale.map((s, k) => [s.code, k]))
    const scores = scale.map((s) => s.score)
    const maxScore = Math.max(...scores)
    const minScore = Math.min(...scores)
    const high = scale.map((_, k) => k).filter((k) => scores[k] === maxScore)
    const low = scale.map((_, k) => k).filter((k) => scores[k] === minScore)

    const { categories } = validCategoriesOf(group)
    const gIndex = new Map(categories.map((c, i) => [c.code, i]))
    const groupOf = Int32Array.from(group.codes, (g) => (g === SYSTEM_MISSING || group.isMissing(g) ? -1 : gIndex.get(g) ?? -1))
    const warnings: Array<AnalysisWarning> = []
    const groupN = categories.map(() => 0)
    for (const g of groupOf) if (g >= 0) groupN[g]++
    categories.forEach((c, i) => {
      if (groupN[i] === 0) warnings.push({ code: "EMPTY_CATEGORY", variable: by, categoryCode: c.code, message: `category ${c.code} (${c.label.en}) of "${by}" has no respondents and is left out` })
    })
    const used = categories.map((_, i) => i).filter((i) => groupN[i] > 0)
    if (used.length < 2) return yield* Either.left(new AnalysisError({ code: "EMPTY_TABLE", message: `"${by}" has respondents in only ${used.length} group; the tests compare at least 2` }))
    const compact = new Map(used.map((i, a) => [i, a]))
    const usedCats = used.map((i) => categories[i])
    const ordinal = group.measure === "ordinal"

    // Item scores per respondent (NaN = missing item), for KW and α.
    const scoreColumns = items.map((v) => {
      const out = new Float64Array(dataset.rowCount)
      for (let k = 0; k < dataset.rowCount; k++) {
        const c = v.codes[k]
        const idx = c === SYSTEM_MISSING || v.isMissing(c) ? undefined : scaleIndex.get(c)
        out[k] = idx === undefined ? NaN : scores[idx]
      }
      return out
    })

    const cell = (dist: Array<number>, values: Float64Array): LikertCell => {
      const s = Stats.likertSummary(values)
      const n = s.n
      const net = high.some((k) => low.includes(k)) ? NaN : Stats.netDifficulty(dist, high, low).net
      const reason = s.reason ?? (high.some((k) => low.includes(k)) ? "every scale point has the same score: no net difficulty" : undefined)
      return {
        n,
        distribution: dist,
        percents: dist.map((x) => (n > 0 ? (100 * x) / n : NaN)),
        mean: s.mean,
        sd: s.sd,
        ci95: s.ci95,
        netDifficulty: n > 0 ? net : NaN,
        ...(reason !== undefined ? { reason } : {})
      }
    }

    const partial = yield* Either.all(items.map((v, j) => {
      const col = scoreColumns[j]
      const groups = Int32Array.from(groupOf, (g) => (g >= 0 ? compact.get(g)! : -1))
      const perGroupValues: Array<Array<number>> = used.map(() => [])
      const dists = used.map(() => scale.map(() => 0))
      const totalDist = scale.map(() => 0)
      const totalValues: Array<number> = []
      let missing = 0
      for (let k = 0; k < dataset.rowCount; k++) {
        const g = groups[k]
        const x = col[k]
        if (g < 0 || Number.isNaN(x)) {
          missing++
          continue
        }
        const s = scaleIndex.get(v.codes[k])!
        dists[g][s]++
        totalDist[s]++
        perGroupValues[g].push(x)
        totalValues.push(x)
      }
      const byGroup = usedCats.map((c, a) => ({ group: c.code, ...cell(dists[a], Float64Array.from(perGroupValues[a])) }))
      const total = cell(totalDist, Float64Array.from(totalValues))
      const withData = dists.filter((d) => d.some((x) => x > 0)).length
      return Either.gen(function* () {
        const kw = withData < 2
          ? { statistic: NaN, df: NaN, p: NaN, tiesCorrection: NaN, reason: `only ${withData} group has responses to this item` }
          : yield* attempt(() => {
            const r = Stats.kruskalWallis(col, groups, used.length)
            return { statistic: r.statistic, df: r.df, p: r.p, tiesCorrection: r.tiesCorrection, ...(r.reason !== undefined ? { reason: r.reason } : {}) }
          })
        let ord: { gamma: MeasureWithTest; kendallTauB: MeasureWithTest } | undefined
        if (ordinal) {
          // groups (rows, in category order) x scale points (columns, by ascending score); empty rows/columns dropped
          const order = scale.map((_, k) => k).sort((a, b) => scores[a] - scores[b])
          const rows = dists.filter((d) => d.some((x) => x > 0))
          const cols = order.filter((k) => rows.some((d) => d[k] > 0))
          const matrix = rows.map((d) => cols.map((k) => d[k]))
          ord = matrix.length === 0 || cols.length === 0
            ? { gamma: { value: NaN, ase: NaN, t: NaN, p: NaN, reason: "no responses" }, kendallTauB: { value: NaN, ase: NaN, t: NaN, p: NaN, reason: "no responses" } }
            : yield* attempt(() => {
              const table = Stats.fromMatrix(matrix)
              return { gamma: measure(Stats.gamma(table)), kendallTauB: measure(Stats.kendallTauB(table)) }
            })
        }
        return { name: v.name, label: v.label, missing, byGroup, total, kruskalWallis: kw, ...(ord ?? {}) }
      })
    }))
    const means = partial.map((p) => p.total.mean)
    const itemResults: Array<LikertItemResult> = partial.map((p, j) => ({
      ...p,
      rank: Number.isNaN(means[j]) ? NaN : 1 + means.filter((m) => m > means[j]).length
    }))

    let cronbach: LikertResult["cronbach"]
    let cronbachReason: string | undefined
    if (items.length < 2) {
      cronbachReason = "Cronbach's alpha needs at least 2 items"
    } else {
      const r = yield* attempt(() => Stats.cronbachAlpha(scoreColumns), (m) => m.replace(/item (\d+)/g, (_, j) => `item "${itemNames[Number(j) - 1] ?? j}"`))
      cronbach = {
        alpha: r.alpha,
        n: r.n,
        alphaIfDeleted: r.alphaIfDeleted,
        itemRestCorrelation: r.itemRestCorrelation,
        ...(r.reason !== undefined ? { reason: r.reason.replace(/item (\d+)/g, (_, j) => `item "${itemNames[Number(j) - 1] ?? j}"`) } : {})
      }
    }
    return {
      kind: "likert",
      ...(set !== undefined ? { set } : {}),
      by: { name: by, label: group.label, measure: group.measure, categories: usedCats },
      scale,
      items: itemResults,
      ordinal: ordinal
        ? { computed: true }
        : { computed: false, reason: `"${by}" is ${group.measure}, not ordinal: gamma and tau-b need ordered groups (set measure: "ordinal" in the codebook)` },
      ...(cronbach !== undefined ? { cronbach } : {}),
      ...(cronbachReason !== undefined ? { cronbachReason } : {}),
      warnings
    } satisfies LikertResult
  })

