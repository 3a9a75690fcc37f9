/**
 * Result types of the measures of association (SPSS CROSSTABS "Symmetric Measures" and "Directional Measures").
 *
 * A value that cannot be computed (a constant row or column variable, a zero denominator, a zero standard error
 * under independence) is NaN, and `reason` says why in words an analyst can read; nothing throws for these.
 */

/** A chi-square-based measure (phi, Cramér's V, contingency coefficient): its value and the Pearson p. */
export interface ScalarMeasure {
  readonly value: number
  /** SPSS "Approx. Sig.": the Pearson chi-square p-value of the table. */
  readonly p: number
  /** Present when value or p is NaN: why. */
  readonly reason?: string
}

/**
 * A measure with SPSS's "Asymp. Std. Error", "Approx. T" and "Approx. Sig.".
 *
 * `ase` is ASE1, the unrestricted asymptotic standard error (for confidence intervals: value ± 1.96·ase);
 * `t` is value / ASE0, where ASE0 is the standard error under independence; `p` = 2·P(Z > |t|), except for the
 * uncertainty coefficient, whose `p` is the likelihood-ratio chi-square p as in SPSS.
 */
export interface Measure {
  readonly value: number
  readonly ase: number
  readonly t: number
  readonly p: number
  /** Present when any field is NaN: why. */
  readonly reason?: string
}

/** A directional measure: symmetric form, row variable dependent, column variable dependent. */
export interface DirectionalMeasure<M = Measure> {
  readonly symmetric: M
  readonly rowsDependent: M
  readonly colsDependent: M
}

/** Goodman and Kruskal's tau: value, ASE1, and SPSS's chi-square approximation to its significance. */
export interface GoodmanKruskalTauMeasure {
  readonly value: number
  readonly ase: number
  /** (N - 1)(K - 1)·tau, K = number of categories of the dependent variable (Light & Margolin 1971). */
  readonly statistic: number
  readonly df: number
  readonly p: number
  readonly reason?: string
}

/** Goodman and Kruskal's tau has no symmetric form in SPSS. */
export interface GoodmanKruskalTau {
  readonly rowsDependent: GoodmanKruskalTauMeasure
  readonly colsDependent: GoodmanKruskalTauMeasure
}

/** Every measure of association of one table (what `associationMeasures` returns). */
export interface AssociationMeasures {
  readonly phi: ScalarMeasure
  readonly cramersV: ScalarMeasure
  readonly contingencyCoefficient: ScalarMeasure
  readonly lambda: DirectionalMeasure
  readonly goodmanKruskalTau: GoodmanKruskalTau
  readonly uncertaintyCoefficient: DirectionalMeasure
  readonly gamma: Measure
  readonly kendallTauB: Measure
  readonly kendallTauC: Measure
  readonly somersD: DirectionalMeasure
}

/** A Pearson chi-square already computed elsewhere (e.g. by the chi-square tests), to avoid recomputing it. */
export interface PearsonInput {
  readonly statistic: number
  readonly p: number
}
