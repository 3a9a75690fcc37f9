import { StatsInputError } from "../ContingencyTable.js"
import { studentTQuantile } from "../distributions/studentT.js"
import { designCovarianceOfTypes } from "./designCovarianceOfTypes.js"
import { designDegreesOfFreedom } from "./designDegreesOfFreedom.js"
import { designEffects } from "./designEffects.js"
import type { DesignEstimate, DesignInterval, DesignSample } from "./DesignEstimate.js"

/** A design-based mean of a domain with its t interval. */
export interface DesignMean extends DesignEstimate {
  /** estimate ± t_{df, 1−α/2}·SE */
  readonly interval: DesignInterval
  /** Cases of the domain (non-blank values) with a non-zero weight, and their weight sum. */
  readonly n: number
  readonly sumWeights: number
  readonly psus: number
  readonly strata: number
  readonly degreesOfFreedom: number
}

/**
 * The design-based mean of a numeric variable, as R survey's `svymean(~y, subset(design, !is.na(y)),
 * deff = TRUE)` with `confint(m, df = degf(design))`.
 *
 * Formula: ȳ = Σ_D w y/Σ_D w over the domain D of non-blank values; V(ȳ) is {@link designCovariance} (by
 * {@link designCovarianceOfTypes}, no score vector per case) of the
 * scores w_i(y_i − ȳ)/Σ_D w (0 outside D); the interval ȳ ± t_{df, 1−α/2}·√V with df = PSUs − strata of D
 * ({@link designDegreesOfFreedom}); design effects against s²/n, s² = Σ_D w(y − ȳ)²/Σ_D w·n/(n − 1)
 * ({@link designEffects}). References: Lumley (2010), Complex Surveys, §2.2; Wolter (2007), ch. 6.
 *
 * @param values - the variable per case, NaN for blank (outside the domain)
 * @param sample - weights and design
 * @param level - confidence level, 0.95 by default
 * @throws StatsInputError `EMPTY_TABLE` when the domain has no weight; whatever {@link designCovariance} throws
 * @example
 * designMean(Float64Array.of(1, 2, 3, 6), { design: {} }).estimate // 3
 */
export const designMean = (values: ArrayLike<number>, sample: DesignSample, level = 0.95): DesignMean => {
  const size = values.length
  const w = (i: number) => (sample.weights === undefined ? 1 : sample.weights[i]!)
  let sumWeights = 0
  let sum = 0
  let n = 0
  for (let i = 0; i < size; i++) {
    const y = values[i]!
    if (Number.isNaN(y)) continue
    sumWeights += w(i)
    sum += w(i) * y
    if (w(i) !== 0) n++
  }
  if (!(sumWeights > 0)) throw new StatsInputError("EMPTY_TABLE", "no case with a value and a positive weight")
  const mean = sum / sumWeights
  let ss = 0
  for (let i = 0; i < size; i++) {
    const y = values[i]!
    if (!Number.isNaN(y)) ss += w(i) * (y - mean) * (y - mean)
  }
  // one score type, v = [1], with a_i = w_i(y_i − ȳ)/Σw: no score vector per case
  const variance = designCovarianceOfTypes(
    {
      vectors: Float64Array.of(1),
      dimension: 1,
      typeOf: (i) => (Number.isNaN(values[i]!) ? -1 : 0),
      coefficient: (i) => (w(i) * (values[i]! - mean)) / sumWeights
    },
    size,
    sample.design
  ).covariance[0]!
  const s2 = ((ss / sumWeights) * n) / (n - 1)
  const dof = designDegreesOfFreedom(sample.design, size, sample.weights, (i) => !Number.isNaN(values[i]!))
  const half = studentTQuantile(1 - (1 - level) / 2, dof.degreesOfFreedom) * Math.sqrt(variance)
  return {
    estimate: mean,
    variance,
    standardError: Math.sqrt(variance),
    ...designEffects(variance, s2 / n, sumWeights, n),
    interval: { lower: mean - half, upper: mean + half },
    n,
    sumWeights,
    ...dof
  }
}
