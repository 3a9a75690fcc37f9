import type { SurveyDesign } from "./designCovariance.js"

/** A confidence interval of a design-based estimate. */
export interface DesignInterval {
  readonly lower: number
  readonly upper: number
}

/**
 * Design effects of an estimate against the two simple-random-sampling references of R survey's
 * `svymean(deff = ...)`.
 */
export interface DesignEffects {
  /**
   * V_design / V_srs with V_srs = s²(N̂ − n)/(N̂ n), sampling without replacement from a population of
   * N̂ = Σw (R's `deff = TRUE`); `NaN` when Σw <= n (weights not scaled to the population: R warns and gives NA).
   */
  readonly deff: number
  /** V_design / V_srs with V_srs = s²/n, sampling with replacement (R's `deff = "replace"`, Kish's deff). */
  readonly deffReplace: number
}

/** A design-based mean or proportion of a domain. */
export interface DesignEstimate extends DesignEffects {
  readonly estimate: number
  readonly standardError: number
  readonly variance: number
}

/**
 * The sample a design-based estimate is computed from: the weight per case (all 1 when undefined; 0 leaves a
 * case out of the estimate but keeps it in its PSU) and the design.
 */
export interface DesignSample {
  readonly weights?: ArrayLike<number>
  readonly design: SurveyDesign
}
