import { StatsInputError } from "../ContingencyTable.js"
import { type DesignCovariance, designCovariance, type SurveyDesign } from "./designCovariance.js"

/**
 * Linearized scores of n cases given without a vector per case: case i's score is a_i·v_{t_i}, a coefficient
 * times one of a few score vectors (its "type": a category, a cell, a group), or 0 when t_i < 0. The scores of
 * proportions, cell proportions, totals and (domain) means all have this form.
 */
export interface TypedScores {
  /** The score vectors, G x p row-major. */
  readonly vectors: Float64Array
  /** p, the number of estimates. */
  readonly dimension: number
  /** The type of case i (an index into `vectors`), or a negative number for a zero score. */
  readonly typeOf: (i: number) => number
  /** The coefficient a_i of case i (read only for cases with a type). */
  readonly coefficient: (i: number) => number
}

/** 1 − n/N for a stratum of n sampled PSUs, with N the population PSU count or n / fraction (as designCovariance). */
const finiteCorrection = (fpc: number | undefined, n: number): number => {
  if (fpc === undefined) return 1
  const population = fpc <= 1 ? n / fpc : fpc
  if (population < n) {
    throw new StatsInputError("BAD_OPTION", `the population has ${population} PSUs but the sample has ${n}`)
  }
  return (population - n) / population
}

/** The fpc of case i, checked and held constant within its stratum (as designCovariance checks it). */
const checkFpc = (design: SurveyDesign, fpcOf: Map<number, number>, h: number, i: number) => {
  if (design.fpc === undefined) return
  const f = design.fpc[i]!
  if (!Number.isFinite(f) || f <= 0) {
    throw new StatsInputError("BAD_OPTION", `the finite population correction of case ${i + 1} is ${f}`)
  }
  const known = fpcOf.get(h)
  if (known === undefined) fpcOf.set(h, f)
  else if (known !== f) {
    throw new StatsInputError(
      "BAD_OPTION",
      `the finite population correction varies within stratum ${h} (${known} and ${f} at case ${i + 1})`
    )
  }
}

/**
 * Per stratum: its cases (each its own PSU) and, per type, Σ a_i and Σ a_i² (no vector per case), summed with
 * Neumaier's compensation (`…Error` holds the lost low-order parts): the centring Σ z zᵀ − n z̄ z̄ᵀ cancels digits
 * when the mean is not small (totals), so the sums must be exact to the last bit or so.
 */
interface TypeSums {
  count: number
  readonly sum: Float64Array
  readonly sumError: Float64Array
  readonly squares: Float64Array
  readonly squaresError: Float64Array
}

/** Adds x to s[t] with Neumaier's compensated summation, the error going to e[t]. */
const addTo = (s: Float64Array, e: Float64Array, t: number, x: number) => {
  const a = s[t]!
  const sum = a + x
  e[t]! += Math.abs(a) >= Math.abs(x) ? (a - sum) + x : (x - sum) + a
  s[t] = sum
}

const typeSums = (scores: TypedScores, design: SurveyDesign, n: number, fpcOf: Map<number, number>) => {
  const g = scores.vectors.length / scores.dimension
  const strata = new Map<number, TypeSums>()
  for (let i = 0; i < n; i++) {
    const h = design.strata === undefined ? 0 : design.strata[i]!
    let s = strata.get(h)
    if (s === undefined) {
      s = {
        count: 0,
        sum: new Float64Array(g),
        sumError: new Float64Array(g),
        squares: new Float64Array(g),
        squaresError: new Float64Array(g)
      }
      strata.set(h, s)
    }
    checkFpc(design, fpcOf, h, i)
    s.count++
    const t = scores.typeOf(i)
    if (t < 0) continue
    const a = scores.coefficient(i)
    addTo(s.sum, s.sumError, t, a)
    addTo(s.squares, s.squaresError, t, a * a)
  }
  return strata
}

/**
 * Σ_i (z_i − z̄)(z_i − z̄)ᵀ of one stratum from its type sums: Σ_t (Σ a²)·v_t v_tᵀ − n·z̄ z̄ᵀ with
 * z̄ = Σ_t (Σ a)·v_t / n (the mean is left in for a lonely PSU under "adjust", as designCovariance does).
 */
const crossProducts = (s: TypeSums, vectors: Float64Array, p: number, centred: boolean): Float64Array => {
  const out = new Float64Array(p * p)
  const total = new Float64Array(p)
  for (let t = 0; t < s.sum.length; t++) {
    const b = s.squares[t]! + s.squaresError[t]!
    const a = s.sum[t]! + s.sumError[t]!
    if (a === 0 && b === 0) continue
    for (let x = 0; x < p; x++) {
      const vx = vectors[t * p + x]!
      total[x]! += a * vx
      if (vx === 0) continue
      for (let y = 0; y < p; y++) out[x * p + y]! += b * vx * vectors[t * p + y]!
    }
  }
  if (centred) {
    for (let x = 0; x < p; x++) for (let y = 0; y < p; y++) out[x * p + y]! -= (total[x]! * total[y]!) / s.count
  }
  return out
}

/** The unclustered design (each case its own PSU): one pass over the cases, then the strata. */
const unclustered = (scores: TypedScores, design: SurveyDesign, n: number): DesignCovariance => {
  const p = scores.dimension
  const lonelyPsu = design.lonelyPsu ?? "fail"
  const fpcOf = new Map<number, number>()
  const strata = typeSums(scores, design, n, fpcOf)
  const covariance = new Float64Array(p * p)
  const lonelyStrata: Array<number> = []
  let psus = 0
  for (const [h, s] of strata) {
    psus += s.count
    const correction = finiteCorrection(fpcOf.get(h), s.count)
    if (s.count === 1) {
      lonelyStrata.push(h)
      if (lonelyPsu === "fail") {
        throw new StatsInputError(
          "BAD_OPTION",
          `stratum ${h} has only one PSU: its variance cannot be estimated; choose a lonely-PSU rule ` +
            `(remove, certainty, adjust or average) or merge the stratum with a neighbour`
        )
      }
      if (lonelyPsu !== "adjust") continue
    }
    const scale = correction * (s.count > 1 ? s.count / (s.count - 1) : 1)
    const m = crossProducts(s, scores.vectors, p, s.count > 1)
    for (let k = 0; k < covariance.length; k++) covariance[k]! += scale * m[k]!
  }
  if (lonelyPsu === "average" && lonelyStrata.length > 0 && lonelyStrata.length < strata.size) {
    const factor = strata.size / (strata.size - lonelyStrata.length)
    for (let k = 0; k < covariance.length; k++) covariance[k]! *= factor
  }
  return { covariance, dimension: p, strata: strata.size, psus, degreesOfFreedom: psus - strata.size, lonelyStrata }
}

/** A clustered design: the PSU totals (one vector per PSU, not per case), then designCovariance on them. */
const clustered = (scores: TypedScores, design: SurveyDesign, n: number): DesignCovariance => {
  const p = scores.dimension
  const clusters = design.clusters!
  const fpcOf = new Map<number, number>()
  const psuOf = new Map<number, Map<number, number>>()
  const totals: Array<Float64Array> = []
  const psuStrata: Array<number> = []
  for (let i = 0; i < n; i++) {
    const h = design.strata === undefined ? 0 : design.strata[i]!
    checkFpc(design, fpcOf, h, i)
    let inStratum = psuOf.get(h)
    if (inStratum === undefined) psuOf.set(h, inStratum = new Map())
    let j = inStratum.get(clusters[i]!)
    if (j === undefined) {
      j = totals.length
      inStratum.set(clusters[i]!, j)
      totals.push(new Float64Array(p))
      psuStrata.push(h)
    }
    const t = scores.typeOf(i)
    if (t < 0) continue
    const a = scores.coefficient(i)
    const total = totals[j]!
    for (let x = 0; x < p; x++) total[x]! += a * scores.vectors[t * p + x]!
  }
  const columns = Array.from({ length: p }, (_, x) => Float64Array.from(totals, (total) => total[x]!))
  return designCovariance(columns, {
    strata: psuStrata,
    ...(design.fpc === undefined ? {} : { fpc: psuStrata.map((h) => fpcOf.get(h)!) }),
    ...(design.lonelyPsu === undefined ? {} : { lonelyPsu: design.lonelyPsu })
  })
}

/**
 * {@link designCovariance} of scores given by type (case i's score a_i·v_{t_i}), without a score vector per case:
 * the same Taylor-linearization covariance (R survey's `svyrecvar`) in memory that does not grow with the cases.
 *
 * Method: without clusters each case is its own PSU and the stratum sums are accumulated per type in one pass,
 * Σ_{i∈h} z_i = Σ_t (Σ a_i)·v_t and Σ_{i∈h} z_i z_iᵀ = Σ_t (Σ a_i²)·v_t v_tᵀ, so that
 * Σ_i (z_i − z̄_h)(z_i − z̄_h)ᵀ = Σ_i z_i z_iᵀ − n_h z̄_h z̄_hᵀ (O(n + strata·G·p²) time, O(strata·G + p²)
 * memory). With clusters the PSU totals z_hi are summed case by case (one vector per PSU) and passed to
 * {@link designCovariance}. The fpc, lonely-PSU rules and errors are those of {@link designCovariance}; the result
 * equals it up to rounding (checked at 1e-12). References: Wolter (2007), Introduction to Variance Estimation,
 * ch. 6; Lumley (2010), Complex Surveys, §2.2 and appendix C.
 *
 * @param scores - the score vectors, each case's type and coefficient
 * @param n - number of cases
 * @param design - strata, PSUs and fpc per case
 * @throws StatsInputError as {@link designCovariance}; `BAD_DIMENSIONS` when the vectors are not G x p
 * @example
 * // the variance of the total of y = 1, 2, 3, 6 (one type, v = [1], a_i = y_i): n·var(y) = 18.666…
 * designCovarianceOfTypes({ vectors: Float64Array.of(1), dimension: 1, typeOf: () => 0,
 *   coefficient: (i) => [1, 2, 3, 6][i] }, 4, {}).covariance[0]
 */
export const designCovarianceOfTypes = (scores: TypedScores, n: number, design: SurveyDesign): DesignCovariance => {
  if (scores.dimension < 1 || scores.vectors.length % scores.dimension !== 0) {
    throw new StatsInputError("BAD_DIMENSIONS", "the score vectors are not G x p")
  }
  return design.clusters === undefined ? unclustered(scores, design, n) : clustered(scores, design, n)
}
