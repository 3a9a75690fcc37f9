import type { BilingualLabel } from "@danvan/domain"
import type { DesignChoice } from "../design.js"
import type { DesignInfo } from "../designEstimates.js"
import type { AnalysisWarning, CategoryInfo, MeasureWithTest } from "../results.js"
import type { WeightInfo } from "../weights.js"
import type { LikertItemDesign } from "./design.js"

export interface LikertOptions extends DesignChoice {
  /** Extra user-missing codes by variable name (the CLI's `--missing VAR=CODE,...`), on top of the codebook's. */
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
  /** Reverse the scores (score' = max + min − score), and with them the direction. */
  readonly reverse?: boolean
}

/** One response category of the scale: its code, label and score. */
export interface LikertScalePoint {
  readonly code: number
  readonly label: BilingualLabel
  readonly score: number
}

/** A pole of the scale: the category with the highest (or lowest) score. */
export interface LikertPole {
  readonly code: number
  readonly label: BilingualLabel
  readonly score: number
}

/** Distribution and score summary of one item in one group (or in all groups together). */
export interface LikertCell {
  /** valid responses (item and group both non-missing); the sum of their weights when weighted */
  readonly n: number
  /** counts per scale point, in the order of `scale` (sums of weights when weighted) */
  readonly distribution: ReadonlyArray<number>
  /** 100 · count / n per scale point */
  readonly percents: ReadonlyArray<number>
  readonly mean: number
  /** sample standard deviation (divisor n − 1; W − 1 with frequency weights, as SPSS) */
  readonly sd: number
  /** t-based 95% confidence interval of the mean score */
  readonly ci95: readonly [number, number]
  /**
   * % at the high pole − % at the low pole (`direction.high` and `direction.low` of the result), in percentage
   * points. Middle categories count in the base only.
   */
  readonly net: number
  /** The same number as `net`, under its first name (kept: published field names never change). */
  readonly netDifficulty: number
  /** why some statistic is NaN (no responses, one response) */
  readonly reason?: string
}

export interface LikertGroupCell extends LikertCell {
  readonly group: number
}

export interface KruskalWallisCell {
  readonly statistic: number
  readonly df: number
  readonly p: number
  readonly tiesCorrection: number
  readonly reason?: string
}

export interface LikertItemResult {
  readonly name: string
  readonly label: BilingualLabel
  /** respondents left out of this item's statistics: item or group missing (pairwise); weighted when weighted */
  readonly missing: number
  readonly byGroup: ReadonlyArray<LikertGroupCell>
  readonly total: LikertCell
  /** 1 = highest mean score over all groups (nearest `direction.high`); tied means share the better rank */
  readonly rank: number
  /** item scores across the groups, with the ties correction (NaN with `reason` when it cannot be computed) */
  readonly kruskalWallis: KruskalWallisCell
  /** Goodman-Kruskal γ of item score vs the ordinal group (group order x score order); absent for a nominal group */
  readonly gamma?: MeasureWithTest
  /** Kendall's τ-b, as `gamma` */
  readonly kendallTauB?: MeasureWithTest
  /** Sampling design only: design-based mean scores (SE, CI, deff) and the item x group Rao-Scott tests. */
  readonly design?: LikertItemDesign
}

/** Result of {@link likert}. */
export interface LikertResult {
  readonly kind: "likert"
  readonly set?: { readonly name: string; readonly label: BilingualLabel }
  readonly by: {
    readonly name: string
    readonly label: BilingualLabel
    readonly measure: "nominal" | "ordinal" | "scale"
    readonly categories: ReadonlyArray<CategoryInfo>
  }
  /** scale points in codebook order (without a codebook: observed codes in numeric order, the code as the score) */
  readonly scale: ReadonlyArray<LikertScalePoint>
  /** The categories with the highest and the lowest score: a higher mean is nearer `high`. */
  readonly direction: { readonly high: LikertPole; readonly low: LikertPole }
  /** True when the scores were reversed (`reverse: true`). */
  readonly reversed: boolean
  readonly weighted: boolean
  /** When weighted: the weight variable and the weighted N of the respondents with a valid group. */
  readonly weight?: WeightInfo
  readonly items: ReadonlyArray<LikertItemResult>
  /** whether γ and τ-b were computed: only for an ordinal group variable */
  readonly ordinal: { readonly computed: boolean; readonly reason?: string }
  /** Cronbach's α of the item scores over respondents with every item present (listwise); absent for one item */
  readonly cronbach?: {
    readonly alpha: number
    readonly n: number
    readonly alphaIfDeleted: ReadonlyArray<number>
    readonly itemRestCorrelation: ReadonlyArray<number>
    readonly reason?: string
  }
  readonly cronbachReason?: string
  /** Weighted results: the weight mode and, for a sampling design, its columns, PSUs, strata and df. */
  readonly design?: DesignInfo
  readonly warnings: ReadonlyArray<AnalysisWarning>
}
