import { StatsInputError } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { fUpperTail } from "../distributions/fDistribution.js"
import { type DesignCovariance, designCovariance, type SurveyDesign } from "../survey/designCovariance.js"
import { designCovarianceOfTypes, type TypedScores } from "../survey/designCovarianceOfTypes.js"
import {
  assertItemsVary,
  countMultipleResponse,
  itemChiSquares,
  type MultipleResponseCounts,
  type MultipleResponseData
} from "./MultipleResponseData.js"

/** Options of {@link mmiDesignRaoScott}. */
export interface MmiDesignOptions {
  /**
   * The first moment of the eigenvalues of M in the correction: `"estimated"` (default) uses tr(M), as Rao &
   * Scott (1984) and R survey's `svychisq` do, so a design effect above 1 (clusters) deflates the statistic;
   * `"nominal"` uses q = (r − 1)·c as `mmiRaoScott2` (Bilder & Loughin 2004) does, which is right only when the
   * design effects average 1 (with unit weights and no design it reproduces `mmiRaoScott2` exactly).
   */
  readonly firstMoment?: "estimated" | "nominal"
}

/** The design-based second-order Rao-Scott MMI test. */
export interface MmiDesignRaoScott {
  /** X²_RS2 = X²_S·s₁/s₂ (s₁ = q with `firstMoment: "nominal"`) */
  readonly statistic: number
  /** s₁²/s₂ */
  readonly df: number
  /** P(χ²_df > X²_RS2), upper tail computed directly */
  readonly p: number
  /** The F form (R survey's `svychisq` default): X²_S/s₁ on df1 = s₁²/s₂ and df2 = df1·(design df). */
  readonly f: { readonly statistic: number; readonly df1: number; readonly df2: number; readonly p: number }
  /** X²_S on the weighted proportions, at the scale of the m respondents with a positive weight */
  readonly sumStatistic: number
  /** tr(M), the sum of the generalized design effects (q under simple random sampling, asymptotically) */
  readonly s1: number
  /** tr(M²) */
  readonly s2: number
  /** s₁/q, the mean generalized design effect */
  readonly meanDesignEffect: number
  /** m, the respondents with a positive weight */
  readonly respondents: number
  /** ν = PSUs − strata, counting those with a case of positive weight (R's `degf` of a subset design) */
  readonly designDf: number
  /** The weighted group shares â_i and item proportions p̂_ij (group-major) and π̂_j the test compares. */
  readonly proportions: Float64Array
  /** The linearized covariance V of the proportions (rc x rc, row-major, group-major), via `domainCovariance`. */
  readonly covariance: Float64Array
}

const validate = (data: MultipleResponseData, weights: ArrayLike<number> | undefined, what: string) => {
  if (data.weights !== undefined) {
    throw new StatsInputError(
      "BAD_OPTION",
      `${what}: pass the sampling weights as the second argument, not as data.weights (frequency weights)`
    )
  }
  const n = data.groups.length
  if (weights !== undefined && weights.length !== n) {
    throw new StatsInputError("BAD_DIMENSIONS", `${what}: ${weights.length} weights for ${n} respondents`)
  }
  const counts = countMultipleResponse(
    weights === undefined ? data : { ...data, weights: Float64Array.from(weights) },
    what,
    2
  )
  assertItemsVary(counts, what)
  return counts
}

/** Linearization scores of the domain proportions p̂_ij: w_k(y_jk − p̂_ij)·1[g_k = i]/N̂_i, column (i, j). */
const explicitScores = (
  data: MultipleResponseData,
  weights: ArrayLike<number> | undefined,
  counts: MultipleResponseCounts
): Array<Float64Array> => {
  const { r, c, groupN, selected } = counts
  const n = data.groups.length
  const scores = Array.from({ length: r * c }, () => new Float64Array(n))
  for (let k = 0; k < n; k++) {
    const w = weights === undefined ? 1 : weights[k]!
    if (w === 0) continue
    const i = data.groups[k]!
    for (let j = 0; j < c; j++) {
      const p = selected[i * c + j]! / groupN[i]!
      scores[i * c + j]![k] = (w * (data.items[j]![k]! - p)) / groupN[i]!
    }
  }
  return scores
}

/** Case k's group and 0/1 answers as one key (a number up to 30 items, a string beyond). */
const patternKey = (data: MultipleResponseData, k: number, c: number): number | string => {
  if (c > 30 || data.groupCount > 65536) return `${data.groups[k]!}:${data.items.map((y) => y[k]!).join("")}`
  let key = 0
  for (let j = 0; j < c; j++) key = key * 2 + (data.items[j]![k]! === 0 ? 0 : 1)
  return key * 65536 + data.groups[k]!
}

/**
 * The same scores by type (see {@link TypedScores}): case k's score is w_k·v_t, with one type t per group and
 * answer pattern seen, v_t = (y − p̂_i)/N̂_i in group i's block; cases of weight 0 have no type (score 0).
 */
const typedDomainScores = (
  data: MultipleResponseData,
  weights: ArrayLike<number> | undefined,
  counts: MultipleResponseCounts
): TypedScores => {
  const { r, c, groupN, selected } = counts
  const n = data.groups.length
  const rc = r * c
  const types = new Int32Array(n)
  const seen = new Map<number | string, number>()
  const first: Array<number> = []
  for (let k = 0; k < n; k++) {
    if (weights !== undefined && weights[k] === 0) {
      types[k] = -1
      continue
    }
    const key = patternKey(data, k, c)
    let t = seen.get(key)
    if (t === undefined) {
      t = first.length
      seen.set(key, t)
      first.push(k)
    }
    types[k] = t
  }
  const vectors = new Float64Array(first.length * rc)
  first.forEach((k, t) => {
    const i = data.groups[k]!
    for (let j = 0; j < c; j++) {
      vectors[t * rc + i * c + j] = (data.items[j]![k]! - selected[i * c + j]! / groupN[i]!) / groupN[i]!
    }
  })
  return {
    vectors,
    dimension: rc,
    typeOf: (k) => types[k]!,
    coefficient: weights === undefined ? () => 1 : (k) => weights[k]!
  }
}

/**
 * The linearized covariance of the domain proportions p̂_ij. `"typed"` ({@link designCovarianceOfTypes}): sums per
 * stratum and answer-pattern type (no clusters) or per PSU, no score vector per case; `"explicit"`: one score
 * vector per case and estimate, then {@link designCovariance}. `"auto"` takes `"typed"` unless, without
 * clusters, the per-stratum type sums (strata x types) would outgrow the explicit scores (many items whose
 * answer patterns are nearly all distinct, many strata). The results agree to rounding (checked at 1e-12).
 *
 * @example
 * const counts = countMultipleResponse({ ...data, weights }, "MMI", 2)
 * domainCovariance(data, weights, counts, { strata, clusters }).covariance // rc x rc, group-major
 */
export const domainCovariance = (
  data: MultipleResponseData,
  weights: ArrayLike<number> | undefined,
  counts: MultipleResponseCounts,
  design: SurveyDesign,
  path: "auto" | "typed" | "explicit" = "auto"
): DesignCovariance => {
  const n = data.groups.length
  if (path === "explicit") return designCovariance(explicitScores(data, weights, counts), design)
  const typed = typedDomainScores(data, weights, counts)
  if (path === "auto" && design.clusters === undefined) {
    const types = typed.vectors.length / typed.dimension
    const strata = new Set<number>()
    if (design.strata === undefined) strata.add(0)
    else for (let k = 0; k < n; k++) strata.add(design.strata[k]!)
    if (strata.size * types * 4 > typed.dimension * n) {
      return designCovariance(explicitScores(data, weights, counts), design)
    }
  }
  return designCovarianceOfTypes(typed, n, design)
}

/** PSUs − strata among the cases with a positive weight (R survey's `degf` of a subset design). */
const designDf = (weights: ArrayLike<number> | undefined, design: SurveyDesign, n: number): number => {
  const strata = new Map<number, Set<number>>()
  for (let k = 0; k < n; k++) {
    if (weights !== undefined && !(weights[k]! > 0)) continue
    const h = design.strata === undefined ? 0 : design.strata[k]!
    const psu = design.clusters === undefined ? k : design.clusters[k]!
    const set = strata.get(h) ?? new Set<number>()
    set.add(psu)
    strata.set(h, set)
  }
  let psus = 0
  for (const set of strata.values()) psus += set.size
  return psus - strata.size
}

/**
 * M = D⁻¹ H V Hᵀ (rc x rc, row-major): H maps p̂_ij to p̂_ij − Σ_l a_l p̂_lj, D = diag(π_j(1 − π_j)/(m a_i)·m/(m − 1)).
 */
const designEffectMatrix = (
  v: Float64Array,
  a: Float64Array,
  pi: Float64Array,
  m: number,
  r: number,
  c: number
): Float64Array => {
  const rc = r * c
  const hv = new Float64Array(rc * rc)
  for (let j = 0; j < c; j++) {
    for (let col = 0; col < rc; col++) {
      let mean = 0
      for (let l = 0; l < r; l++) mean += a[l]! * v[(l * c + j) * rc + col]!
      for (let i = 0; i < r; i++) hv[(i * c + j) * rc + col] = v[(i * c + j) * rc + col]! - mean
    }
  }
  const mat = new Float64Array(rc * rc)
  for (let row = 0; row < rc; row++) {
    const i = Math.floor(row / c)
    const pj = pi[row % c]!
    const scale = (a[i]! * (m - 1)) / (pj * (1 - pj))
    for (let k = 0; k < c; k++) {
      let mean = 0
      for (let l = 0; l < r; l++) mean += a[l]! * hv[row * rc + l * c + k]!
      for (let l = 0; l < r; l++) mat[row * rc + l * c + k] = (hv[row * rc + l * c + k]! - mean) * scale
    }
  }
  return mat
}

/**
 * Design-based second-order Rao-Scott test of multiple marginal independence (MMI) between a group variable
 * (r levels) and c multiple-response items, for sampling weights and a stratified cluster design.
 *
 * Formula: with weighted group totals N̂_i, shares a_i = N̂_i/N̂, item proportions p̂_ij = Σ w y_j 1[g = i]/N̂_i,
 * π̂_j = Σ w y_j/N̂ and m the respondents with a positive weight,
 * X²_S = Σ_ij m·a_i(p̂_ij − π̂_j)²/(π̂_j(1 − π̂_j)) (the MMI statistic of the weighted table rescaled to m, as
 * `svychisq` rescales to the sample size). Its null distribution is Σ_k λ_k χ²_1 with λ the eigenvalues of
 * M = D⁻¹ H V Hᵀ, the same form as `mmiRaoScott2`: V is the Taylor-linearization covariance of the rc domain
 * proportions (the covariance of the scores w_k(y_jk − p̂_ij)·1[g_k = i]/N̂_i, R survey's
 * `svyby(..., svymean, covmat = TRUE)`), H = I − (1_r aᵀ) ⊗ I_c and D = diag(π̂_j(1 − π̂_j)/(m a_i)·m/(m − 1)),
 * the variance the proportions would have under simple random sampling of m, estimated with the same
 * m/(m − 1) as V (so that D⁻¹V is 1 for unit weights and no design, as survey's `deff`).
 * Second-order correction (Rao & Scott 1984, doi:10.1214/aos/1176346391; Thomas & Rao 1987):
 * X²_RS2 = X²_S·s₁/s₂ on s₁²/s₂ df, s₁ = tr(M), s₂ = tr(M²); the F form is X²_S/s₁ on (s₁²/s₂, s₁²/s₂·ν),
 * ν = PSUs − strata (Lumley 2010, Complex Surveys, §6.2; `svychisq`'s default).
 * With unit weights and no design, M equals `mmiRaoScott2`'s M exactly, so with `firstMoment: "nominal"`
 * (s₁ := q = (r − 1)c, Bilder & Loughin 2004) the statistic, df and p equal `mmiRaoScott2`'s.
 * Cases with weight 0 stay in their PSU with score 0 (a domain of the whole sample, as R survey's subset).
 * V is summed per stratum and answer pattern, or per PSU ({@link domainCovariance}), not from a score vector per
 * case: memory grows with the patterns or PSUs, not with the cases.
 *
 * @param data - groups and 0/1 items of every case of the sample (no `data.weights`)
 * @param weights - sampling weights, one per case (>= 0; 0 leaves a case out of the estimates); all 1 if omitted
 * @param design - strata, PSUs, fpc and the lonely-PSU rule, one entry per case
 * @param options - `firstMoment`
 * @returns the chi-square and F forms, X²_S, s₁, s₂, the proportions and their covariance
 * @throws StatsInputError as `mmiRaoScott2` (`ZERO_MARGIN`, `BAD_CODE`, `BAD_DIMENSIONS`), and `BAD_OPTION` from
 *   `designCovariance` (a lonely PSU, a bad fpc) or for frequency weights in `data.weights`
 * @example
 * const data = {
 *   groups: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]), groupCount: 3,
 *   items: [Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
 *     Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0])]
 * }
 * mmiDesignRaoScott(data, undefined, {}, { firstMoment: "nominal" }).statistic // 8.682170542635…, as mmiRaoScott2
 */
export const mmiDesignRaoScott = (
  data: MultipleResponseData,
  weights: ArrayLike<number> | undefined,
  design: SurveyDesign,
  options: MmiDesignOptions = {}
): MmiDesignRaoScott => {
  const what = "design-based MMI test"
  const counts = validate(data, weights, what)
  const { n, r, c, groupN, selected, itemTotals } = counts
  let m = 0
  for (let k = 0; k < data.groups.length; k++) if (weights === undefined || weights[k]! > 0) m++
  if (m < 2) throw new StatsInputError("EMPTY_TABLE", `${what}: fewer than 2 respondents have a positive weight`)
  const x2 = itemChiSquares(selected, groupN, itemTotals, n, r, c)
  let sumStatistic = 0
  for (let j = 0; j < c; j++) sumStatistic += (x2[j]! * m) / n
  const cov = domainCovariance(data, weights, counts, design)
  const a = Float64Array.from(groupN, (g) => g / n)
  const pi = Float64Array.from(itemTotals, (t) => t / n)
  const mat = designEffectMatrix(cov.covariance, a, pi, m, r, c)
  const rc = r * c
  let s1 = 0
  let s2 = 0
  for (let u = 0; u < rc; u++) {
    s1 += mat[u * rc + u]!
    for (let v = 0; v < rc; v++) s2 += mat[u * rc + v]! * mat[v * rc + u]!
  }
  const q = (r - 1) * c
  const first = options.firstMoment === "nominal" ? q : s1
  const statistic = (sumStatistic * first) / s2
  const df = (first * first) / s2
  const fStatistic = sumStatistic / first
  const nu = designDf(weights, design, data.groups.length)
  const df2 = df * nu
  const proportions = new Float64Array(r + rc + c)
  proportions.set(a, 0)
  for (let u = 0; u < rc; u++) proportions[r + u] = selected[u]! / groupN[Math.floor(u / c)]!
  proportions.set(pi, r + rc)
  return {
    statistic,
    df,
    p: chiSquareUpperTail(statistic, df),
    f: { statistic: fStatistic, df1: df, df2, p: fUpperTail(fStatistic, df, df2) },
    sumStatistic,
    s1,
    s2,
    meanDesignEffect: s1 / q,
    respondents: m,
    designDf: nu,
    proportions,
    covariance: cov.covariance
  }
}
