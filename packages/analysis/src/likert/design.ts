import * as Either from "effect/Either"
import type { ResolvedDesign } from "../design.js"
import { crosstabDesign, type DesignMeanValue, designMeanValue, type RaoScottTests } from "../designEstimates.js"
import type { AnalysisError } from "../errors.js"

/** One Likert item under a sampling design: design-based mean scores and the item x group Rao-Scott tests. */
export interface LikertItemDesign {
  /** Mean score per group (in `by.categories` order; NaN estimate for a group without responses) and overall. */
  readonly byGroup: ReadonlyArray<DesignMeanValue | null>
  readonly total: DesignMeanValue
  /** Scale point x group, `svychisq`'s F and chi-square; absent (with `reason`) with < 2 used points or groups. */
  readonly tests?: RaoScottTests
  readonly reason?: string
}

/** Compacts indices to those with a positive weight in the domain; −1 elsewhere. */
const compact = (codes: Int32Array, weights: Float64Array | undefined) => {
  const used = new Map<number, number>()
  codes.forEach((c, k) => {
    if (c >= 0 && (weights === undefined || weights[k]! > 0) && !used.has(c)) used.set(c, 0)
  })
  const order = [...used.keys()].sort((a, b) => a - b)
  order.forEach((c, i) => used.set(c, i))
  return { codes: Int32Array.from(codes, (c) => (c >= 0 ? used.get(c) ?? -1 : -1)), size: order.length }
}

/**
 * An item's design-based mean scores per group and overall (domains: item and group both valid), as R survey's
 * `svyby(~score, ~group, design, svymean)`, and its Rao-Scott tests of scale point x group
 * (`svychisq(~item + group)`), on the points and groups with responses.
 */
export const likertItemDesign = (
  design: ResolvedDesign,
  scores: Float64Array,
  points: Int32Array,
  groupOf: Int32Array,
  groupCount: number
): Either.Either<LikertItemDesign, AnalysisError> =>
  Either.gen(function*() {
    const inDomain = (k: number, g: number) =>
      !Number.isNaN(scores[k]!) && (g < 0 ? groupOf[k]! >= 0 : groupOf[k] === g)
    const weights = design.weights?.values
    const hasCases = (g: number) => scores.some((_, k) => inDomain(k, g) && (weights === undefined || weights[k]! > 0))
    const meanOf = (g: number) =>
      designMeanValue(design, Float64Array.from(scores, (s, k) => (inDomain(k, g) ? s : NaN)))
    const byGroup: Array<DesignMeanValue | null> = []
    for (let g = 0; g < groupCount; g++) byGroup.push(hasCases(g) ? yield* meanOf(g) : null)
    const total = yield* meanOf(-1)
    const rows = compact(Int32Array.from(points, (p, k) => (inDomain(k, -1) ? p : -1)), weights)
    const cols = compact(Int32Array.from(groupOf, (g, k) => (inDomain(k, -1) ? g : -1)), weights)
    if (rows.size < 2 || cols.size < 2) {
      return { byGroup, total, reason: "the Rao-Scott test needs responses at 2+ scale points in 2+ groups" }
    }
    const d = yield* crosstabDesign(design, rows.codes, cols.codes, rows.size, cols.size)
    return d.raoScott === undefined || d.raoScottChisq === undefined
      ? { byGroup, total, reason: d.reason ?? "the Rao-Scott test cannot be computed" }
      : { byGroup, total, tests: { raoScott: d.raoScott, raoScottChisq: d.raoScottChisq } }
  })
