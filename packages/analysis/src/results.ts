import type { BilingualLabel } from "@danvan/domain"
import type { ColumnProportionLetters } from "./columnProportions.js"
import type { DesignCells, DesignInfo, DesignPercent, RaoScottTests } from "./designEstimates.js"
import type { WeightInfo } from "./weights.js"

/** One category of a row or column variable, in codebook order. */
export interface CategoryInfo {
  readonly code: number
  readonly label: BilingualLabel
}

/** The row or column variable of a crosstab. */
export interface VariableInfo {
  readonly name: string
  readonly label: BilingualLabel
  readonly measure: "nominal" | "ordinal" | "scale"
  readonly categories: ReadonlyArray<CategoryInfo>
}

/** A chi-square-type test: statistic, degrees of freedom and the upper-tail p (a number, never ".000"). */
export interface ChiSquareResult {
  readonly statistic: number
  readonly df: number
  readonly p: number
}

export interface FisherResult {
  readonly p: number
  readonly method: "exact" | "monte-carlo"
  /** Monte Carlo only: number of simulated tables, seed and the standard error of p. */
  readonly B?: number
  readonly seed?: number
  readonly standardError?: number
}

/** An ordinal or directional measure: value, asymptotic standard error (ASE1), approximate T (value/ASE0), p. */
export interface MeasureWithTest {
  readonly value: number
  readonly ase: number
  readonly t: number
  readonly p: number
  /** Why the value or its test is NaN (a constant variable, an ASE of zero), when it is. */
  readonly reason?: string
}

export interface DirectionalMeasure extends MeasureWithTest {
  /** `value` etc. at top level are the symmetric version. */
  readonly rowDependent: MeasureWithTest
  readonly colDependent: MeasureWithTest
}

/** Goodman and Kruskal's tau for one direction: value, ASE1, and SPSS's chi-square approximation (N - 1)(K - 1)tau. */
export interface GoodmanKruskalTauDirection {
  readonly value: number
  readonly ase: number
  readonly statistic: number
  readonly df: number
  readonly p: number
  readonly reason?: string
}

/** Goodman and Kruskal's tau (SPSS prints no symmetric form and no approximate T for it). */
export interface GoodmanKruskalTauResult {
  readonly rowDependent: GoodmanKruskalTauDirection
  readonly colDependent: GoodmanKruskalTauDirection
}

/** Problems worth a reader's attention: SPSS's low-expected footnote, dropped empty categories, … */
export type AnalysisWarning =
  | {
    readonly code: "LOW_EXPECTED"
    readonly message: string
    readonly cells: number
    readonly percent: number
    readonly minExpected: number
  }
  | {
    readonly code: "EMPTY_CATEGORY"
    readonly message: string
    readonly variable: string
    readonly categoryCode: number
  }
  | {
    readonly code: "UNLABELLED_CODE"
    readonly message: string
    readonly variable: string
    readonly categoryCode: number
  }
  | {
    readonly code: "TEST_NOT_COMPUTED"
    readonly message: string
    readonly test: string
    /** Why, in words, and as a code: FRACTIONAL_COUNTS (weighted), TOO_LARGE (beyond the exact algorithm's limit). */
    readonly reason?: string
    readonly reasonCode?: "FRACTIONAL_COUNTS" | "TOO_LARGE" | "OTHER"
  }
  | {
    /** multiple response: items whose group-by-selected table has an expected count below 5 */
    readonly code: "LOW_EXPECTED_ITEMS"
    readonly message: string
    readonly items: ReadonlyArray<string>
    readonly minExpected: number
  }
  | {
    /**
     * multiple response under a sampling design: items every group ticks all or none of, whose design-based test
     * is R survey's svychisq of the item by the group (the MMI correction is 0/0 there)
     */
    readonly code: "ITEM_TEST_SVYCHISQ"
    readonly message: string
    readonly items: ReadonlyArray<string>
  }
  | {
    readonly code: "WEIGHT_EXCLUDED"
    readonly message: string
    readonly variable: string
    readonly blank: number
    readonly zero: number
    readonly negative: number
  }

/** DESIGN.md's crosstab JSON: a labelled, plain-data result. Matrices are rows of the row variable. */
export interface CrosstabResult {
  readonly kind: "crosstab"
  readonly row: VariableInfo
  readonly col: VariableInfo
  readonly weighted: boolean
  /** When weighted: the weight variable and the weighted N of the valid cases (`n.valid`). */
  readonly weight?: WeightInfo
  readonly n: { readonly valid: number; readonly missing: number; readonly total: number }
  /** Missing cases by code and variable (`"system"` for blanks). */
  readonly missingByCode: ReadonlyArray<
    { readonly variable: string; readonly code: number | "system"; readonly count: number }
  >
  readonly counts: ReadonlyArray<ReadonlyArray<number>>
  readonly expected: ReadonlyArray<ReadonlyArray<number>>
  readonly rowTotals: ReadonlyArray<number>
  readonly colTotals: ReadonlyArray<number>
  readonly percents: {
    readonly row: ReadonlyArray<ReadonlyArray<number>>
    readonly col: ReadonlyArray<ReadonlyArray<number>>
    readonly total: ReadonlyArray<ReadonlyArray<number>>
  }
  readonly residuals: {
    readonly raw: ReadonlyArray<ReadonlyArray<number>>
    readonly standardized: ReadonlyArray<ReadonlyArray<number>>
    readonly adjusted: ReadonlyArray<ReadonlyArray<number>>
    /** Two-sided normal p of each adjusted residual. */
    readonly adjustedP: ReadonlyArray<ReadonlyArray<number>>
  }
  readonly tests: {
    readonly pearson: ChiSquareResult
    readonly likelihoodRatio: ChiSquareResult
    readonly linearByLinear: ChiSquareResult
    readonly yates?: ChiSquareResult
    readonly fisherExact?: FisherResult
    /** Sampling design only: the Rao-Scott second-order F test (`svychisq` default), the valid test there. */
    readonly raoScott?: RaoScottTests["raoScott"]
    /** Sampling design only: the first-order Rao-Scott chi-square (`svychisq(statistic = "Chisq")`). */
    readonly raoScottChisq?: RaoScottTests["raoScottChisq"]
  }
  readonly measures: {
    readonly phi: number
    readonly cramersV: number
    readonly contingencyCoefficient: number
    readonly lambda: DirectionalMeasure
    readonly goodmanKruskalTau: GoodmanKruskalTauResult
    readonly uncertaintyCoefficient: DirectionalMeasure
    readonly gamma: MeasureWithTest
    readonly kendallTauB: MeasureWithTest
    readonly kendallTauC: MeasureWithTest
    readonly somersD: DirectionalMeasure
  }
  /**
   * SPSS's footnote under Chi-Square Tests, always present ("0 cells (0.0%) have expected count less than 5.
   * The minimum expected count is 30.26."); a LOW_EXPECTED warning is added only when `cells > 0`.
   */
  readonly lowExpected: {
    readonly cells: number
    readonly percent: number
    readonly minExpected: number
    readonly message: string
  }
  /** SPSS's column-proportion letters (issue 15): per cell, letters of the columns it is significantly larger than */
  readonly columnProportions?: ColumnProportionLetters
  /** Weighted results: the weight mode and, for a sampling design, its columns, PSUs, strata and df. */
  readonly design?: DesignInfo
  /** Sampling design only: SEs and design effects of every cell's count and percents. */
  readonly designCells?: DesignCells
  readonly warnings: ReadonlyArray<AnalysisWarning>
}

/**
 * SPSS FREQUENCIES for one variable. Percents are 0..100;
 * `validPercent`/`cumulativePercent` are null for missing rows.
 */
export interface FrequencyRow {
  readonly code: number | "system"
  readonly label: BilingualLabel
  readonly missing: boolean
  readonly count: number
  readonly percent: number
  readonly validPercent: number | null
  readonly cumulativePercent: number | null
  /** Sampling design, valid rows only: the design-based valid percent with SE, intervals and design effects. */
  readonly design?: DesignPercent
}

export interface FrequenciesResult {
  readonly kind: "frequencies"
  readonly variable: { readonly name: string; readonly label: BilingualLabel }
  readonly weighted: boolean
  /** When weighted: the weight variable and the weighted N of the valid cases (`n.valid`). */
  readonly weight?: WeightInfo
  readonly n: { readonly valid: number; readonly missing: number; readonly total: number }
  readonly rows: ReadonlyArray<FrequencyRow>
  /** Weighted results: the weight mode and, for a sampling design, its columns, PSUs, strata and df. */
  readonly design?: DesignInfo
  readonly warnings: ReadonlyArray<AnalysisWarning>
}
