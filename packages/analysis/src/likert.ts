import type { Codebook, Dataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { mapCodes } from "./codeLookup.js"
import { analysisDesign, type ResolvedDesign } from "./design.js"
import { designInfo, designWeights } from "./designEstimates.js"
import type { AnalysisError } from "./errors.js"
import { likertCell } from "./likert/cell.js"
import { likertItemDesign } from "./likert/design.js"
import { type LikertGroups, likertGroups } from "./likert/groups.js"
import { resolveItems, scoreColumn, type SharedScale, sharedScale } from "./likert/scale.js"
import { itemKruskalWallis, itemOrdinalMeasures, ordinalStatus, ranked, setReliability } from "./likert/tests.js"
import type { LikertItemResult, LikertOptions, LikertResult } from "./likert/types.js"
import type { CategoricalVariable } from "./variables.js"
import { categoricalVariable, checkMissingNames } from "./variables.js"
import { weightField } from "./weights.js"

export type {
  LikertCell,
  LikertGroupCell,
  LikertItemResult,
  LikertOptions,
  LikertPole,
  LikertResult,
  LikertScalePoint
} from "./likert/types.js"

/** One item: distributions by group and in total, summaries, Kruskal-Wallis and (ordinal group) γ and τ-b. */
const itemResult = (
  v: CategoricalVariable,
  scores: Float64Array,
  scale: SharedScale,
  groups: LikertGroups,
  weights: Float64Array | undefined,
  ordinal: boolean,
  design: ResolvedDesign | undefined
): Either.Either<Omit<LikertItemResult, "rank">, AnalysisError> =>
  Either.gen(function*() {
    const points = scale.points.map((s) => s.score)
    const dists = groups.categories.map(() => scale.points.map(() => 0))
    const totalDist = scale.points.map(() => 0)
    let missing = 0
    const pointOf = mapCodes(v.codes, (c) => scale.index.get(c) ?? -1, Int32Array)
    for (let k = 0; k < scores.length; k++) {
      const w = weights === undefined ? 1 : weights[k]
      if (w === 0) continue
      const g = groups.of[k]
      if (g < 0 || Number.isNaN(scores[k])) {
        missing += w
        continue
      }
      const s = pointOf[k]
      dists[g][s] += w
      totalDist[s] += w
    }
    const cell = (d: Array<number>) => likertCell(d, points, scale.high, scale.low)
    const withData = dists.filter((d) => d.some((x) => x > 0)).length
    const kruskalWallis = yield* itemKruskalWallis(scores, groups.of, groups.categories.length, withData, weights)
    const ord = ordinal ? yield* itemOrdinalMeasures(dists, points) : {}
    for (let k = 0; k < scores.length; k++) if (Number.isNaN(scores[k])) pointOf[k] = -1
    const sampled = design === undefined
      ? undefined
      : yield* likertItemDesign(design, scores, pointOf, groups.of, groups.categories.length)
    return {
      name: v.name,
      label: v.label,
      missing,
      byGroup: groups.categories.map((c, a) => ({ group: c.code, ...cell(dists[a]) })),
      total: cell(totalDist),
      kruskalWallis,
      ...ord,
      ...(sampled !== undefined ? { design: sampled } : {})
    }
  })

/**
 * Likert (rating) items by a group variable: per item and group the distribution, mean score, SD, 95% CI and
 * the net measure (% at the high pole − % at the low pole); items ranked by mean score (rank 1 = highest);
 * Kruskal-Wallis across groups (ties-corrected); Goodman-Kruskal γ and Kendall's τ-b of score vs group when the
 * group is ordinal; Cronbach's α of the set with α-if-item-deleted and item-rest correlations.
 *
 * Scores are the codebook's value-label `score` (hcmc-2024 difficulty: Difficult = 3, Normal = 2, Not
 * difficult = 1); without a codebook (or for an item the codebook does not list) the codes themselves. A valid
 * code without a score is an error. `reverse: true` maps each score s to max + min − s. The result's
 * `direction` names the categories with the highest and lowest score, so a higher mean is nearer
 * `direction.high`: nothing about "difficult" is assumed. Missing codes (codebook, `options.missing`, blanks)
 * are left out per item (pairwise) for the per-item statistics, and listwise for α; α ignores the group.
 *
 * Weighted by `options.weight`, else by the codebook's `weightVariable` unless `options.noWeight`: frequency
 * weights as SPSS WEIGHT BY uses them (distributions and n are sums of weights; SD and CI with W − 1;
 * Kruskal-Wallis on weighted mid-ranks; α from weighted covariances).
 *
 * @example
 * const r = Either.getOrThrow(likert(dataset, builtin, { set: "difficulty" }, "level"))
 * r.items.map((i) => [i.name, i.rank, i.kruskalWallis.p])
 * r.direction.high.label.en // "Difficult"
 */
export const likert = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  setOrItems: { readonly set: string } | { readonly items: ReadonlyArray<string> },
  by: string,
  options: LikertOptions = {}
): Either.Either<LikertResult, AnalysisError> =>
  Either.gen(function*() {
    const { names, set } = yield* resolveItems(codebook, setOrItems)
    yield* checkMissingNames(dataset, options.missing)
    const group = yield* categoricalVariable(dataset, codebook, by, options.missing)
    const items = yield* Either.all(names.map((name) => categoricalVariable(dataset, codebook, name, options.missing)))
    const scale = yield* sharedScale(items, options.reverse === true)
    const design = yield* analysisDesign(dataset, codebook, options)
    const caseWeights = designWeights(design)
    const weights = caseWeights?.values
    const groups = yield* likertGroups(group, weights)
    const ordinal = group.measure === "ordinal"
    const scoreColumns = items.map((v) => scoreColumn(v, scale))
    const partial = yield* Either.all(
      items.map((v, j) =>
        itemResult(v, scoreColumns[j], scale, groups, weights, ordinal, design.mode === "sampling" ? design : undefined)
      )
    )
    const reliability = yield* setReliability(scoreColumns, names, weights)
    return {
      kind: "likert",
      ...(set !== undefined ? { set } : {}),
      by: { name: by, label: group.label, measure: group.measure, categories: groups.categories },
      scale: scale.points,
      direction: scale.direction,
      reversed: options.reverse === true,
      weighted: weights !== undefined,
      ...weightField(caseWeights, groups.total),
      items: ranked(partial),
      ordinal: ordinalStatus(by, group.measure),
      ...reliability,
      ...(design.mode === "unweighted"
        ? {}
        : { design: designInfo(design, dataset.rowCount, (k) => groups.of[k]! >= 0)! }),
      warnings: [...groups.warnings, ...(caseWeights?.warnings ?? [])]
    } satisfies LikertResult
  })
