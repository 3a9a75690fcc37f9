import { StatsInputError } from "../ContingencyTable.js"

/**
 * How to treat a stratum with a single PSU, as R survey's `options(survey.lonely.psu = ...)`:
 * - `"fail"` (R's default): refuse, naming the stratum;
 * - `"remove"` / `"certainty"`: the stratum adds nothing to the variance;
 * - `"adjust"`: its PSU total is centred at the population mean (0 for linearized scores) instead of the
 *   stratum mean, a conservative choice;
 * - `"average"`: the stratum is left out and the variance of the other strata is scaled by
 *   (number of strata) / (number of strata with 2+ PSUs).
 */
export type LonelyPsu = "fail" | "remove" | "certainty" | "adjust" | "average"

/**
 * A one-stage stratified cluster sample, case by case (the cases of the whole sample, not only an analysis'
 * domain: R survey keeps every PSU of a subset design, so cases outside a domain enter with score 0).
 */
export interface SurveyDesign {
  /** Stratum index per case; all cases in one stratum when omitted. */
  readonly strata?: ArrayLike<number>
  /**
   * PSU index per case, nested within strata (R's `nest = TRUE`: PSU 1 of stratum 1 and PSU 1 of stratum 2 are
   * different PSUs); each case its own PSU when omitted.
   */
  readonly clusters?: ArrayLike<number>
  /**
   * Finite population correction per case, constant within a stratum: the number of PSUs in the stratum's
   * population (> 1), or the sampling fraction (<= 1), as R's `fpc`. No correction when omitted.
   */
  readonly fpc?: ArrayLike<number>
  /** Lonely-PSU rule; `"fail"` when omitted (R's default). */
  readonly lonelyPsu?: LonelyPsu
}

/** The design-based covariance of a vector of totals and what it was computed from. */
export interface DesignCovariance {
  /** p x p covariance matrix, row-major. */
  readonly covariance: Float64Array
  readonly dimension: number
  /** Number of strata and of PSUs in the sample. */
  readonly strata: number
  readonly psus: number
  /** Degrees of freedom of the design, PSUs − strata (R's `degf`). */
  readonly degreesOfFreedom: number
  /** Strata with a single PSU (their indices), handled by `lonelyPsu`. */
  readonly lonelyStrata: ReadonlyArray<number>
}

interface Stratum {
  readonly id: number
  readonly psus: Map<number, Float64Array>
  fpc: number | undefined
}

const groupByPsu = (
  scores: ReadonlyArray<ArrayLike<number>>,
  design: SurveyDesign,
  n: number
): Map<number, Stratum> => {
  const p = scores.length
  const strata = new Map<number, Stratum>()
  for (let i = 0; i < n; i++) {
    const h = design.strata === undefined ? 0 : design.strata[i]!
    const c = design.clusters === undefined ? i : design.clusters[i]!
    let stratum = strata.get(h)
    if (stratum === undefined) {
      stratum = { id: h, psus: new Map(), fpc: undefined }
      strata.set(h, stratum)
    }
    if (design.fpc !== undefined) {
      const f = design.fpc[i]!
      if (!Number.isFinite(f) || f <= 0) {
        throw new StatsInputError("BAD_OPTION", `the finite population correction of case ${i + 1} is ${f}`)
      }
      if (stratum.fpc === undefined) stratum.fpc = f
      else if (stratum.fpc !== f) {
        throw new StatsInputError(
          "BAD_OPTION",
          `the finite population correction varies within stratum ${h} (${stratum.fpc} and ${f} at case ${i + 1})`
        )
      }
    }
    let total = stratum.psus.get(c)
    if (total === undefined) {
      total = new Float64Array(p)
      stratum.psus.set(c, total)
    }
    for (let k = 0; k < p; k++) total[k]! += scores[k]![i]!
  }
  return strata
}

/** 1 − n/N for a stratum of n sampled PSUs, with N the population PSU count or n / fraction. */
const finiteCorrection = (fpc: number | undefined, n: number): number => {
  if (fpc === undefined) return 1
  const population = fpc <= 1 ? n / fpc : fpc
  if (population < n) {
    throw new StatsInputError("BAD_OPTION", `the population has ${population} PSUs but the sample has ${n}`)
  }
  return (population - n) / population
}

/**
 * Taylor-linearization (ultimate-cluster) covariance of estimated totals under a one-stage stratified cluster
 * design, equal to R survey's `svyrecvar` for a `svydesign(ids, strata, fpc, nest = TRUE)` design.
 *
 * Formula: with z_hi the sum over the cases of PSU i in stratum h of the scores (the weighted influence values
 * w_j·u_j of each estimate), z̄_h their mean over the n_h PSUs and f_h = n_h/N_h,
 * V = Σ_h (1 − f_h)·n_h/(n_h − 1)·Σ_i (z_hi − z̄_h)(z_hi − z̄_h)ᵀ.
 * A total's scores are w_j·y_j; a mean's (or proportion's) are w_j·(y_j − ȳ)/Σw; a ratio's
 * w_j·(y_j − R·x_j)/Σ w x. References: Wolter (2007), Introduction to Variance Estimation, ch. 6; Lumley (2010),
 * Complex Surveys, §2.2 and appendix C; R survey's `onestrat` (lonely PSUs).
 *
 * @param scores - p columns of n weighted scores (one column per estimate)
 * @param design - strata, PSUs and fpc per case
 * @returns the p x p covariance, row-major, with the design's strata, PSUs and degrees of freedom
 * @throws StatsInputError `BAD_OPTION` for a lonely PSU under `"fail"` (naming the stratum), an fpc that varies
 *   within a stratum or is smaller than the sample; `BAD_DIMENSIONS` for columns of different lengths
 * @example
 * // a simple random sample of 4 cases with weight 1: the variance of the total of y = 1, 2, 3, 6 is n·var(y)
 * designCovariance([Float64Array.of(1, 2, 3, 6)], {}).covariance[0] // 4 * 14/3 = 18.666…
 */
export const designCovariance = (
  scores: ReadonlyArray<ArrayLike<number>>,
  design: SurveyDesign
): DesignCovariance => {
  const p = scores.length
  const n = p === 0 ? 0 : scores[0]!.length
  for (const column of scores) {
    if (column.length !== n) throw new StatsInputError("BAD_DIMENSIONS", "score columns differ in length")
  }
  const lonelyPsu = design.lonelyPsu ?? "fail"
  const strata = groupByPsu(scores, design, n)
  const covariance = new Float64Array(p * p)
  const lonelyStrata: Array<number> = []
  let psus = 0
  for (const stratum of strata.values()) {
    const count = stratum.psus.size
    psus += count
    const correction = finiteCorrection(stratum.fpc, count)
    if (count === 1) {
      lonelyStrata.push(stratum.id)
      if (lonelyPsu === "fail") {
        throw new StatsInputError(
          "BAD_OPTION",
          `stratum ${stratum.id} has only one PSU: its variance cannot be estimated; choose a lonely-PSU rule ` +
            `(remove, certainty, adjust or average) or merge the stratum with a neighbour`
        )
      }
      if (lonelyPsu !== "adjust") continue
    }
    const mean = new Float64Array(p)
    if (count > 1) {
      for (const total of stratum.psus.values()) for (let k = 0; k < p; k++) mean[k]! += total[k]! / count
    }
    const scale = correction * (count > 1 ? count / (count - 1) : 1)
    for (const total of stratum.psus.values()) {
      for (let a = 0; a < p; a++) {
        const da = total[a]! - mean[a]!
        for (let b = 0; b < p; b++) covariance[a * p + b]! += scale * da * (total[b]! - mean[b]!)
      }
    }
  }
  if (lonelyPsu === "average" && lonelyStrata.length > 0 && lonelyStrata.length < strata.size) {
    const factor = strata.size / (strata.size - lonelyStrata.length)
    for (let k = 0; k < covariance.length; k++) covariance[k]! *= factor
  }
  return {
    covariance,
    dimension: p,
    strata: strata.size,
    psus,
    degreesOfFreedom: psus - strata.size,
    lonelyStrata
  }
}
