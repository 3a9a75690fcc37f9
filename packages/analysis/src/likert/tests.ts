import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import type { AnalysisError } from "../errors.js"
import type { MeasureWithTest } from "../results.js"
import { attempt } from "../table.js"
import type { KruskalWallisCell, LikertItemResult, LikertResult } from "./types.js"

const measure = (m: Stats.Measure): MeasureWithTest => ({
  value: m.value,
  ase: m.ase,
  t: m.t,
  p: m.p,
  ...(m.reason !== undefined ? { reason: m.reason } : {})
})

/** Kruskal-Wallis of one item's scores across the groups (frequency-weighted when weighted). */
export const itemKruskalWallis = (
  scores: Float64Array,
  groups: Int32Array,
  groupCount: number,
  groupsWithData: number,
  weights: Float64Array | undefined
): Either.Either<KruskalWallisCell, AnalysisError> => {
  if (groupsWithData < 2) {
    return Either.right({
      statistic: NaN,
      df: NaN,
      p: NaN,
      tiesCorrection: NaN,
      reason: `only ${groupsWithData} group has responses to this item`
    })
  }
  return attempt(() => {
    const r = weights === undefined
      ? Stats.kruskalWallis(scores, groups, groupCount)
      : Stats.kruskalWallisWeighted(scores, groups, groupCount, weights)
    return {
      statistic: r.statistic,
      df: r.df,
      p: r.p,
      tiesCorrection: r.tiesCorrection,
      ...(r.reason !== undefined ? { reason: r.reason } : {})
    }
  })
}

const NO_RESPONSES: MeasureWithTest = { value: NaN, ase: NaN, t: NaN, p: NaN, reason: "no responses" }

/**
 * γ and τ-b of item score vs the ordinal group: groups (rows, in category order) x scale points (columns, by
 * ascending score), empty rows and columns dropped.
 */
export const itemOrdinalMeasures = (
  dists: ReadonlyArray<ReadonlyArray<number>>,
  scores: ReadonlyArray<number>
): Either.Either<{ gamma: MeasureWithTest; kendallTauB: MeasureWithTest }, AnalysisError> => {
  const order = scores.map((_, k) => k).sort((a, b) => scores[a] - scores[b])
  const rows = dists.filter((d) => d.some((x) => x > 0))
  const cols = order.filter((k) => rows.some((d) => d[k] > 0))
  if (rows.length === 0 || cols.length === 0) return Either.right({ gamma: NO_RESPONSES, kendallTauB: NO_RESPONSES })
  return attempt(() => {
    const table = Stats.fromMatrix(rows.map((d) => cols.map((k) => d[k])))
    return { gamma: measure(Stats.gamma(table)), kendallTauB: measure(Stats.kendallTauB(table)) }
  })
}

/** Cronbach's α of the set (listwise), frequency-weighted when weighted; absent with a reason for one item. */
export const setReliability = (
  scoreColumns: ReadonlyArray<Float64Array>,
  itemNames: ReadonlyArray<string>,
  weights: Float64Array | undefined
): Either.Either<Pick<LikertResult, "cronbach" | "cronbachReason">, AnalysisError> => {
  if (scoreColumns.length < 2) return Either.right({ cronbachReason: "Cronbach's alpha needs at least 2 items" })
  const named = (m: string) => m.replace(/item (\d+)/g, (_, j) => `item "${itemNames[Number(j) - 1] ?? j}"`)
  return Either.map(
    attempt(
      () =>
        weights === undefined ? Stats.cronbachAlpha(scoreColumns) : Stats.cronbachAlphaWeighted(scoreColumns, weights),
      named
    ),
    (r) => ({
      cronbach: {
        alpha: r.alpha,
        n: r.n,
        alphaIfDeleted: r.alphaIfDeleted,
        itemRestCorrelation: r.itemRestCorrelation,
        ...(r.reason !== undefined ? { reason: named(r.reason) } : {})
      }
    })
  )
}

/** The items with their rank: 1 = the highest mean score; tied means share the better rank. */
export const ranked = (items: ReadonlyArray<Omit<LikertItemResult, "rank">>): Array<LikertItemResult> => {
  const means = items.map((p) => p.total.mean)
  return items.map((p, j) => ({
    ...p,
    rank: Number.isNaN(means[j]) ? NaN : 1 + means.filter((m) => m > means[j]).length
  }))
}

/** Whether γ and τ-b were computed: only for an ordinal group variable, else why not. */
export const ordinalStatus = (by: string, measure: string): LikertResult["ordinal"] =>
  measure === "ordinal"
    ? { computed: true }
    : {
      computed: false,
      reason: `"${by}" is ${measure}, not ordinal: gamma and tau-b need ordered groups ` +
        `(set measure: "ordinal" in the codebook)`
    }
